import MingleCore
import Mustache

/// Name tags: A4 pages of 8 tags (2 x 4, 85 x 54 mm, the size of a card holder) with cut marks.
/// The name is as large as fits on one line — a long name gets a smaller size, never a cut or a
/// second line — with the ministry, the role by colour and by word, the event, and a QR code of
/// the id that a reception scanner types back.
public enum Badges {
    public static let perPage = 8
    /// Tag and page geometry in mm (the template's CSS uses the same numbers).
    static let tagWidth = 85.0, tagHeight = 54.0, padding = 4.0
    static let nameMax = 13.0, ministryMax = 5.0, titleMax = 3.2
    static let qrSide = 19.0

    /// Looked up by name (MustacheParent) rather than by reflection: a thousand tags render in a
    /// fraction of the time (see docs/performance.md).
    struct Tag: MustacheParent {
        let id: String
        let name: String
        let nameSize: Double
        let ministry: String
        let ministrySize: Double
        let role: String
        let roleZh: String
        let roleEn: String
        let colour: String
        let qrSide: Int
        let qrPath: String
        /// Column (0–1) and row (0–3) on its page.
        var c = 0, r = 0

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "name": name
            case "nameSize": nameSize
            case "ministry": ministry
            case "ministrySize": ministrySize
            case "role": role
            case "roleZh": roleZh
            case "roleEn": roleEn
            case "colour": colour
            case "qrSide": qrSide
            case "qrPath": qrPath
            case "c": c
            case "r": r
            default: nil
            }
        }
    }

    struct Page: MustacheParent {
        let tags: [Tag]
        let number: Int

        func child(named key: String) -> Any? {
            switch key {
            case "tags": tags
            case "number": number
            default: nil
            }
        }
    }

    struct Sheet: MustacheParent {
        let title: String
        let titleSize: Double
        let date: String
        let pages: [Page]
        let count: Int

        func child(named key: String) -> Any? {
            switch key {
            case "title": title
            case "titleSize": titleSize
            case "date": date
            case "pages": pages
            case "count": count
            default: nil
            }
        }
    }

    static func tag(_ p: Person) -> Tag {
        let name = Paper.clean(p.name), ministry = Paper.clean(p.ministry)
        let inner = tagWidth - 2 * padding
        let word = Paper.roleWord(p.role)
        let qr = QRCode(p.id)
        return Tag(id: Paper.clean(p.id), name: name, nameSize: Paper.fit(name, width: inner, maximum: nameMax),
                   ministry: ministry, ministrySize: Paper.fit(ministry, width: inner - qrSide - 2, maximum: ministryMax),
                   role: p.role.rawValue, roleZh: word.zh, roleEn: word.en, colour: Paper.roleColour(p.role),
                   qrSide: qr?.side() ?? 0, qrPath: qr?.svgPath() ?? "")
    }

    /// One self-contained HTML page (no script, no font from the network) with a tag for each
    /// person, in the order given.
    public static func html(_ people: [Person], config: EventConfig) -> String {
        let tags = people.map(tag)
        let pages = stride(from: 0, to: tags.count, by: perPage).map { i in
            Page(tags: tags[i..<min(i + perPage, tags.count)].enumerated().map { k, t in
                var t = t
                (t.r, t.c) = k.quotientAndRemainder(dividingBy: 2)
                return t
            }, number: i / perPage + 1)
        }
        let title = Paper.clean(config.title)
        let sheet = Sheet(title: title, titleSize: Paper.fit(title + "  " + config.date, width: tagWidth - 2 * padding - 20, maximum: titleMax),
                          date: Paper.clean(config.date), pages: pages, count: people.count)
        return Paper.render(sheet, "badges")
    }
}
