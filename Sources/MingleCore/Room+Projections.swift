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

    /// A pair who shared a stall for at least the configured minutes.
    public struct Encounter: Equatable, Sendable {
        public var a: Int
        public var b: Int
        public var minutes: Int
        public var crossMinistry: Bool

        public init(a: Int, b: Int, minutes: Int, crossMinistry: Bool) {
            self.a = a
            self.b = b
            self.minutes = minutes
            self.crossMinistry = crossMinistry
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
        var sat = Set<Int>()
        for s in seatings { sat.insert(s.person) }
        return people.indices.filter { people[$0].role == .new && presence[$0].isHere && !sat.contains($0) }
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

    /// Pairs who sat at one stall together for at least `minimum` minutes in all, counting open
    /// seatings up to `now`. A sweep per stall over seatings sorted by start keeps it near-linear.
    public func encounters(now: Timestamp, minimum: Int? = nil) -> [Encounter] {
        let threshold = Int64(minimum ?? config.encounterMinutes) * 60_000
        var together: [Int64: Int64] = [:]  // pair key → milliseconds
        var byStall = Array(repeating: [Seating](), count: stalls.count)
        for s in seatings { byStall[s.stall].append(s) }
        for var list in byStall {
            list.sort { $0.from.millis < $1.from.millis }
            for i in list.indices {
                let end = (list[i].to ?? now).millis
                var j = i + 1
                while j < list.count, list[j].from.millis < end {
                    let a = list[i].person, b = list[j].person
                    if a != b {
                        let overlap = min(end, (list[j].to ?? now).millis) - list[j].from.millis
                        if overlap > 0 {
                            let key = Int64(min(a, b)) << 32 | Int64(max(a, b))
                            together[key, default: 0] += overlap
                        }
                    }
                    j += 1
                }
            }
        }
        var out: [Encounter] = []
        for (key, ms) in together where ms >= threshold && ms > 0 {
            let a = Int(key >> 32), b = Int(key & 0xFFFF_FFFF)
            out.append(Encounter(a: a, b: b, minutes: Int(ms / 60_000),
                                 crossMinistry: people[a].ministry != people[b].ministry))
        }
        return out.sorted { ($0.minutes, $1.a, $1.b) > ($1.minutes, $0.a, $0.b) }
    }
}
