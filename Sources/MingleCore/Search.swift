import Foundation

/// Finding people and stalls by what a host types: an id, or a fragment of a name (Chinese, or
/// Latin without caring about case or accents), or of a ministry.
extension Room {
    /// Folds case and accents so "jose" finds "José"; Han text is unchanged.
    public static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// People whose id equals the query, else whose name contains it. Used where one person is
    /// meant (the CLI's WHO): an exact id always wins over name fragments.
    public func findPerson(_ query: String) -> [Int] {
        let q = query.trimmedSpaces()
        guard !q.isEmpty else { return [] }
        if let i = personIndex[q] { return [i] }
        let f = Room.fold(q)
        let byID = people.indices.filter { Room.fold(people[$0].id) == f }
        if !byID.isEmpty { return byID }
        let exactName = people.indices.filter { Room.fold(people[$0].name) == f }
        if !exactName.isEmpty { return exactName }
        return people.indices.filter { Room.fold(people[$0].name).contains(f) }
    }

    /// Stalls by id (any case), exact name, or name fragment.
    public func findStall(_ query: String) -> [Int] {
        let q = query.trimmedSpaces()
        guard !q.isEmpty else { return [] }
        let f = Room.fold(q)
        for pass in 0..<3 {
            let hits = stalls.indices.filter { s in
                switch pass {
                case 0: Room.fold(stalls[s].id) == f
                case 1: Room.fold(stalls[s].name) == f
                default: Room.fold(stalls[s].name).contains(f)
                }
            }
            if !hits.isEmpty { return hits }
        }
        return []
    }
}

extension Room {
    /// People on the list (not walk-ins) whom a walk-in with this name and ministry may well be:
    /// the same name (case, accents, width and spaces aside) and the same ministry, or no
    /// ministry on one side. The desk offers them before registering a second person.
    public func listedPeople(named name: String, ministry: String) -> [Int] {
        func key(_ s: String) -> String { Room.fold(s).filter { !$0.isWhitespace } }
        let n = key(name), m = key(ministry)
        guard !n.isEmpty else { return [] }
        return (0..<invitedCount).filter { i in
            key(people[i].name) == n && (m.isEmpty || people[i].ministry.isEmpty || key(people[i].ministry) == m)
        }
    }

    /// Refuses a walk-in who may be someone on the list (the front end then offers that person,
    /// or registers a new one when told to).
    public func checkNotOnTheList(name: String, ministry: String) throws(Refusal) {
        let found = listedPeople(named: name, ministry: ministry)
        guard let first = found.first else { return }
        throw Refusal(.walkInIsOnTheList(id: people[first].id, who: label(first), here: presence[first].isHere, others: found.count - 1))
    }
}
