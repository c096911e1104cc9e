import MingleCore
import MingleTerminal

/// The reception search as a part any screen can use (the stall's "seat someone", the
/// timekeeper's "add a speaker"): a live text field over the people, best matches first, the
/// highlighted person kept across other terminals' writes, and the list's scroll.
struct PersonPicker {
    var search = TextField()
    /// The highlighted person, by id: a new roster moves people's places in the list, never
    /// which person is highlighted. Nil: nothing is highlighted until something is typed or an
    /// arrow is pressed, so Enter never acts on whoever happens to be first.
    var selectedID: String?
    /// The highlighted person's place in the room, as of the last `matches` (which every key and
    /// every frame asks first).
    private(set) var selected: Int?
    var list = ListState()
    /// Who may be picked; everyone when nil.
    var include: ((Room, Int) -> Bool)?
    /// Who goes after everyone else, whatever the match (a stall's own people, when seating).
    var rankLast: ((Room, Int) -> Bool)?

    /// Folded name / ministry / id per person as UTF-8 bytes, so a key press filters 1,000 people
    /// with a byte scan instead of folding 3,000 Strings. Substring search on UTF-8 bytes is
    /// exact: UTF-8 never matches in the middle of a character.
    private var index: [(name: [UInt8], ministry: [UInt8], id: [UInt8])] = []
    /// The people the index was made from. Compared with the room's on use: the same storage
    /// answers at once, and any change — a walk-in, an undone one, a new roster — is seen.
    private var indexed: [Person] = []
    /// People whose name someone else also has: their rows show the id.
    private(set) var sharedNames: Set<Int> = []
    /// The last answer, reused while neither the search nor the store changed.
    private var cache: (query: String, generation: Int, result: [Int])?

    var isHighlightShown: Bool { !search.isEmpty || selectedID != nil }

    mutating func select(_ p: Int?, in room: Room) {
        selectedID = p.map { room.people[$0].id }
        selected = p
    }

    /// Brings the index up to the room's people, re-folding only from the first that changed.
    mutating func updateIndex(_ room: Room) {
        guard indexed != room.people else { return }
        var same = 0
        while same < min(indexed.count, room.people.count), indexed[same] == room.people[same] { same += 1 }
        index.removeSubrange(same...)
        for p in room.people[same...] {
            index.append((Array(Room.fold(p.name).utf8), Array(Room.fold(p.ministry).utf8), Array(Room.fold(p.id).utf8)))
        }
        indexed = room.people
        var seen: [[UInt8]: Int] = [:]
        sharedNames = []
        for (i, e) in index.enumerated() {
            if let other = seen[e.name] { sharedNames.insert(other); sharedNames.insert(i) } else { seen[e.name] = i }
        }
        cache = nil
    }

    /// People matching the search, best first: the id itself, names that start with it, names
    /// that hold it, ministries that hold it, ids that start with it. Empty search: everyone.
    mutating func matches(in room: Room, generation: Int) -> [Int] {
        updateIndex(room)
        selected = selectedID.flatMap(room.index(ofPerson:))
        if selected == nil { selectedID = nil }
        if let c = cache, c.query == search.text, c.generation == generation { return c.result }
        let q = Array(Room.fold(search.text.trimmedSpaces()).utf8)
        var result: [Int]
        if q.isEmpty {
            result = Array(room.people.indices)
        } else {
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
        if let include { result = result.filter { include(room, $0) } }
        if let rankLast {
            let last = result.filter { rankLast(room, $0) }
            if !last.isEmpty { result = result.filter { !rankLast(room, $0) } + last }
        }
        cache = (search.text, generation, result)
        return result
    }

    /// The highlighted row's position in `matches` (the first row when nothing is highlighted).
    func row(in matches: [Int]) -> Int { selected.flatMap { matches.firstIndex(of: $0) } ?? 0 }

    /// The person Enter would act on, or nil when nothing is highlighted or nobody matches.
    func highlighted(in matches: [Int]) -> Int? {
        guard isHighlightShown, !matches.isEmpty else { return nil }
        return matches[min(row(in: matches), matches.count - 1)]
    }

    mutating func move(by delta: Int, in matches: [Int], room: Room) {
        guard !matches.isEmpty else { return }
        var state = ListState(selected: row(in: matches))
        state.move(by: delta, count: matches.count)
        select(state.selected.map { matches[$0] }, in: room)
    }

    /// An editing key: a changed search highlights its best match.
    mutating func edit(_ key: Key, room: Room, generation: Int) {
        let before = search.text
        _ = search.edit(key)
        guard search.text != before else { return }
        select(matches(in: room, generation: generation).first, in: room)
        list.offset = 0
    }

    mutating func clear() {
        search.clear()
        selectedID = nil
        selected = nil
        list.offset = 0
    }

    /// The name as a row shows it: with the id when someone else has the same name, the id kept
    /// whole and the name cut first.
    func nameCell(_ p: Int, _ room: Room, width: Int) -> String {
        let person = room.people[p]
        guard sharedNames.contains(p) else { return person.name }
        let id = " " + person.id
        return DisplayWidth.truncate(Sanitizer.clean(person.name), to: max(1, width - DisplayWidth.of(id))) + id
    }

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
