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
    /// Folded name / ministry / id per person as UTF-8 bytes, made once (and again when walk-ins
    /// arrive), so a key press filters 1,000 people with a byte scan instead of folding and comparing
    /// 3,000 Strings. Substring search on UTF-8 bytes is exact: UTF-8 never matches mid-character.
    var index: [(name: [UInt8], ministry: [UInt8], id: [UInt8])] = []
    /// The last answer, reused while neither the search nor the log changed (a key press computes
    /// it, the frame after it draws it).
    var cache: (query: String, events: Int, people: Int, result: [Int])?

    mutating func updateIndex(_ room: Room) {
        guard index.count != room.people.count else { return }
        // Fewer people than indexed: a walk-in was undone. Start again.
        if index.count > room.people.count { index = [] }
        for p in room.people[index.count...] {
            index.append((Array(Room.fold(p.name).utf8), Array(Room.fold(p.ministry).utf8), Array(Room.fold(p.id).utf8)))
        }
    }

    /// People matching the search, best first: the id itself, names that start with it, names
    /// that hold it, ministries that hold it, ids that start with it. Empty search: everyone.
    mutating func matches(in room: Room, events: Int) -> [Int] {
        if let c = cache, c.query == search.text, c.events == events, c.people == room.people.count { return c.result }
        if let s = selected, s >= room.people.count { selected = nil }
        let q = Array(Room.fold(search.text.trimmedSpaces()).utf8)
        var result: [Int]
        if q.isEmpty {
            // The index is made on the first key, not for the first frame: start-up stays fast.
            result = Array(room.people.indices)
        } else {
            updateIndex(room)
            var ranked: [(Int, Int)] = []
            for (i, e) in index.enumerated() {
                let rank: Int
                if e.id == q { rank = 0 }
                else if e.name.starts(with: q) { rank = 1 }
                else if contains(e.name, q) { rank = 2 }
                else if contains(e.ministry, q) { rank = 3 }
                else if e.id.starts(with: q) { rank = 4 }
                else { continue }
                ranked.append((rank, i))
            }
            result = ranked.sorted { $0 < $1 }.map(\.1)
        }
        cache = (search.text, events, room.people.count, result)
        return result
    }

    /// Names and ministries are a few dozen bytes: a plain scan beats any setup.
    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        let first = needle[0]
        for i in 0...(haystack.count - needle.count) where haystack[i] == first {
            var j = 1
            while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
            if j == needle.count { return true }
        }
        return false
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
