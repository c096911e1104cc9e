import Foundation
import MingleCore
import MingleTerminal

/// The reception desk's own state: the always-live search field, the highlighted person, an open
/// walk-in form. Nothing here is in the log.
struct ReceptionModel {
    var search = TextField()
    /// The highlighted person (a people index), kept across other terminals' writes.
    var selected: Int?
    var scroll = 0
    var walkIn: WalkInForm?
    /// Folded name / ministry / id per person, made once (and again when walk-ins arrive), so a
    /// key press filters 1,000 people without folding 1,000 strings.
    var index: [(name: String, ministry: String, id: String)] = []

    mutating func updateIndex(_ room: Room) {
        guard index.count != room.people.count else { return }
        // Fewer people than indexed: a walk-in was undone. Start again.
        if index.count > room.people.count { index = [] }
        if let s = selected, s >= room.people.count { selected = nil }
        for p in room.people[index.count...] {
            index.append((Room.fold(p.name), Room.fold(p.ministry), Room.fold(p.id)))
        }
    }

    /// People matching the search, best first: the id itself, names that start with it, names
    /// that hold it, ministries that hold it, ids that start with it. Empty search: everyone.
    mutating func matches(in room: Room) -> [Int] {
        updateIndex(room)
        let q = Room.fold(search.text.trimmedSpaces())
        if q.isEmpty { return Array(room.people.indices) }
        var ranked: [(Int, Int)] = []
        for (i, e) in index.enumerated() {
            let rank: Int
            if e.id == q { rank = 0 }
            else if e.name.hasPrefix(q) { rank = 1 }
            else if e.name.contains(q) { rank = 2 }
            else if e.ministry.contains(q) { rank = 3 }
            else if e.id.hasPrefix(q) { rank = 4 }
            else { continue }
            ranked.append((rank, i))
        }
        return ranked.sorted { $0 < $1 }.map(\.1)
    }
}

/// The walk-in form: name, ministry, role. Enter saves and checks in at once.
struct WalkInForm: Equatable {
    enum Field: Int, CaseIterable { case name, ministry, role }
    var name = TextField()
    var ministry = TextField()
    var role: Role = .new
    var focus: Field = .name

    var isEmpty: Bool { name.isEmpty && ministry.isEmpty }
}
