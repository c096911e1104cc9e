/// What a stall owner and the room view show: who sits where now, who just got up, who is
/// wandering, and the photo's roll call. Computed from the room, nothing stored.
extension Room {
    /// One stall as its owner sees it now.
    public struct StallNow: Equatable, Sendable {
        public var stall: Int
        /// Who sits here, in the order they sat down.
        public var seated: [Int]
        /// Who got up from here in the last minutes and is not back: newest first, with when.
        public var recentlyLeft: [(person: Int, at: Timestamp)]
        /// Ministries at the table now, most people first (ties in the order they sat down).
        public var ministriesNow: [(ministry: String, people: Int)]
        /// Different ministries and people who have sat here today, those seated now included.
        public var ministriesToday: Int
        public var peopleToday: Int

        public static func == (l: StallNow, r: StallNow) -> Bool {
            l.stall == r.stall && l.seated == r.seated && l.ministriesToday == r.ministriesToday && l.peopleToday == r.peopleToday
                && l.recentlyLeft.elementsEqual(r.recentlyLeft) { $0.person == $1.person && $0.at == $1.at }
                && l.ministriesNow.elementsEqual(r.ministriesNow) { $0 == $1 }
        }
    }

    /// Stall `s` now; `recentMinutes` is how far back "just left" reaches.
    public func stallNow(_ s: Int, now: Timestamp, recentMinutes: Int = 10) -> StallNow {
        let since = now.millis - Int64(recentMinutes) * 60_000
        var who = Set<Int>(), from = Set<String>()
        var latestEnd: [Int: Timestamp] = [:]
        for seat in seatings where seat.stall == s {
            who.insert(seat.person)
            from.insert(people[seat.person].ministry)
            if let to = seat.to, to.millis >= since, to.millis <= now.millis, (latestEnd[seat.person]?.millis ?? .min) < to.millis {
                latestEnd[seat.person] = to
            }
        }
        let left = latestEnd.filter { presence[$0.key].stall != s }
            .map { (person: $0.key, at: $0.value) }
            .sorted { ($0.at.millis, $1.person) > ($1.at.millis, $0.person) }
        var counts: [(ministry: String, people: Int)] = []
        for p in seated[s] {
            let m = people[p].ministry
            if let i = counts.firstIndex(where: { $0.ministry == m }) { counts[i].people += 1 } else { counts.append((m, 1)) }
        }
        // A stable sort: ties keep the order they sat down in.
        let ministriesNow = counts.enumerated().sorted { ($0.element.people, $1.offset) > ($1.element.people, $0.offset) }.map(\.element)
        return StallNow(stall: s, seated: seated[s], recentlyLeft: left, ministriesNow: ministriesNow,
                        ministriesToday: from.count, peopleToday: who.count)
    }

    /// Since when someone here and at no stall has been free: their check-in, or when they last
    /// got up from a stall, whichever is later. Nil for someone seated or not here.
    public func freeSince(_ p: Int) -> Timestamp? {
        let pr = presence[p]
        guard pr.isHere, pr.stall == nil else { return nil }
        if let i = pr.lastSeating, let to = seatings[i].to, to.millis > (pr.checkInTime?.millis ?? .min) { return to }
        return pr.checkInTime
    }

    /// People here at no stall, the longest free first.
    public var wanderersLongestFirst: [Int] {
        wanderers.map { ($0, freeSince($0)?.millis ?? .max) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }

    /// The stalls as the room view lists them: those asking for help first, the longest asking
    /// first; then the rest in event.toml's order.
    public var stallsHelpFirst: [Int] {
        let asking = stalls.indices.filter { helpRequested[$0] }
            .sorted { (helpRequestedAt[$0]?.millis ?? 0, $0) < (helpRequestedAt[$1]?.millis ?? 0, $1) }
        return asking + stalls.indices.filter { !helpRequested[$0] }
    }

    /// The photo's roll call: who is here, by ministry, and who left before it.
    public struct RollCall: Equatable, Sendable {
        public var here: Int
        public var came: Int
        /// Each ministry that came: how many are here now of how many came (roster order).
        public var byMinistry: [(ministry: String, here: Int, came: Int)]
        /// Checked out and not back, the earliest first.
        public var leftEarly: [Int]

        public static func == (l: RollCall, r: RollCall) -> Bool {
            l.here == r.here && l.came == r.came && l.leftEarly == r.leftEarly
                && l.byMinistry.elementsEqual(r.byMinistry) { $0 == $1 }
        }
    }

    public var rollCall: RollCall {
        var rows: [(ministry: String, here: Int, came: Int)] = [], index: [String: Int] = [:]
        var here = 0, came = 0
        for p in people.indices where presence[p].came {
            let m = people[p].ministry
            let i = index[m] ?? { index[m] = rows.count; rows.append((m, 0, 0)); return rows.count - 1 }()
            rows[i].came += 1
            came += 1
            if presence[p].isHere { rows[i].here += 1; here += 1 }
        }
        let left = people.indices.filter { presence[$0].left }
            .sorted { (presence[$0].checkOutTime?.millis ?? 0, $0) < (presence[$1].checkOutTime?.millis ?? 0, $1) }
        return RollCall(here: here, came: came, byMinistry: rows, leftEarly: left)
    }
}
