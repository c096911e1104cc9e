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
    /// W001, W002, …: the first free walk-in id. Decided by a writer under the log lock, so two
    /// desks never hand out the same one.
    public func nextWalkInID() -> String {
        var n = 1
        while true {
            let digits = String(n)
            let id = "W" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
            if personIndex[id] == nil { return id }
            n += 1
        }
    }
}
