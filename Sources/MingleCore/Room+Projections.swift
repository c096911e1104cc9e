/// What the screens and reports show, computed from the room. Nothing here is stored.
extension Room {
    public struct Occupancy: Equatable, Sendable {
        public var stall: Stall
        public var seated: [Int]
        public var helpRequested: Bool
        public var isFull: Bool { seated.count >= stall.seats }
    }

    public struct Headcounts: Equatable, Sendable, Codable {
        public var invited: Int
        public var came: Int
        public var here: Int
        public var left: Int
        public var walkIns: Int

        public init(invited: Int, came: Int, here: Int, left: Int, walkIns: Int) {
            self.invited = invited
            self.came = came
            self.here = here
            self.left = left
            self.walkIns = walkIns
        }
    }

    public var occupancy: [Occupancy] {
        stalls.indices.map { Occupancy(stall: stalls[$0], seated: seated[$0], helpRequested: helpRequested[$0]) }
    }

    /// Here, but not at any stall.
    public var wanderers: [Int] {
        people.indices.filter { presence[$0].isHere && presence[$0].stall == nil }
    }

    /// New POs who are here and have not sat at any stall yet: the ones to introduce to a table.
    public var newNotYetSeated: [Int] {
        people.indices.filter { people[$0].role == .new && presence[$0].isHere && presence[$0].lastSeating == nil }
    }

    /// Speakers still waiting, in order: queued, here, not speaking, not done, not skipped.
    public var introQueue: [Int] {
        let done = Set(intro.done), skipped = Set(intro.skipped)
        return intro.order.filter { p in
            p != intro.current && !done.contains(p) && !skipped.contains(p) && presence[p].isHere
        }
    }

    public var headcounts: Headcounts {
        var h = Headcounts(invited: invitedCount, came: 0, here: 0, left: 0, walkIns: 0)
        for pr in presence {
            if pr.came { h.came += 1 }
            if pr.isHere { h.here += 1 }
            if pr.left { h.left += 1 }
            if pr.walkedIn { h.walkIns += 1 }
        }
        return h
    }
}
