import MingleCore

/// The paper fallback for reception: everyone on the list by ministry (ministries and names in
/// the order Chinese readers expect from the roster), and blank rows for walk-ins.
public enum SigninSheet {
    struct Row { let id, name, roleZh, roleEn, colour: String; let nameSize: Double }
    struct Ministry { let name: String; let count: Int; let people: [Row] }
    struct Sheet {
        let title, date, venue: String
        let people, ministryCount: Int
        let ministries: [Ministry]
        let blank: [Int]
    }

    /// The name column, in mm (the template's CSS says the same).
    static let nameWidth = 46.0

    /// `people` as listed in the roster; `blankRows` lines for walk-ins at the end.
    public static func html(_ people: [Person], config: EventConfig, blankRows: Int = 20) -> String {
        var order: [String] = [], groups: [String: [Row]] = [:]
        for p in people {
            let m = p.ministry.isEmpty ? "（未填機關 no ministry）" : Paper.clean(p.ministry)
            if groups[m] == nil { order.append(m) }
            let w = Paper.roleWord(p.role)
            let name = Paper.clean(p.name)
            // One line per person, like the tags: a long name gets smaller, never a second line.
            groups[m, default: []].append(Row(id: Paper.clean(p.id), name: name, roleZh: w.zh, roleEn: w.en,
                                              colour: Paper.roleColour(p.role), nameSize: Paper.fit(name, width: nameWidth - 2.5, maximum: 4.2)))
        }
        let ministries = order.map { Ministry(name: $0, count: groups[$0]!.count, people: groups[$0]!) }
        let sheet = Sheet(title: Paper.clean(config.title), date: Paper.clean(config.date), venue: Paper.clean(config.venue),
                          people: people.count, ministryCount: ministries.count, ministries: ministries,
                          blank: Array(0..<max(0, blankRows)))
        return Paper.render(sheet, "signin")
    }
}
