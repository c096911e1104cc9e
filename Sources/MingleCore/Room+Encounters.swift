/// Who met whom: the thing the afternoon exists for. Two people at one stall at the same time
/// for at least `encounter_minutes` in all over the day have met. Computed from the seatings
/// (themselves built only from effective events), so undone seats never count.
extension Room {
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

    /// One person's day: whom they met, for how long, and which other ministries.
    public struct PersonMet: Equatable, Sendable {
        public var person: Int
        /// People met, longest first.
        public var met: [(person: Int, minutes: Int)]
        /// Other ministries than their own among the people met, in the order first met most.
        public var otherMinistries: [String]
        /// Minutes spent at stalls in all.
        public var seatedMinutes: Int
        /// For a new PO: did they meet at least one senior PO from another ministry? Nil for others.
        public var metSeniorElsewhere: Bool?

        public static func == (l: PersonMet, r: PersonMet) -> Bool {
            l.person == r.person && l.met.elementsEqual(r.met, by: ==) && l.otherMinistries == r.otherMinistries
                && l.seatedMinutes == r.seatedMinutes && l.metSeniorElsewhere == r.metSeniorElsewhere
        }
    }

    /// One stall's day.
    public struct StallDay: Equatable, Sendable {
        public var stall: Int
        /// Different people and ministries who sat here.
        public var people: Int
        public var ministries: Int
        /// The most people seated here at once, and when that was first reached.
        public var peak: Int
        public var peakAt: Timestamp?
        public var encounters: Int
    }

    /// The day's encounters from every side: pairs, people, stalls, and ministry × ministry.
    public struct EncounterReport: Equatable, Sendable {
        public var minimumMinutes: Int
        public var pairs: [Encounter]
        /// Everyone who came, in roster order (walk-ins last).
        public var people: [PersonMet]
        public var stalls: [StallDay]
        /// Ministries in the order the roster first names them; `matrix[i][j]` is the encounter
        /// minutes between people of ministries i and j (symmetric; the diagonal is within one).
        public var ministries: [String]
        public var matrix: [[Int]]
    }

    /// Until when open seatings count: now, but never past the day's close (an export made the
    /// next morning does not count the night).
    public func countingUntil(now: Timestamp) -> Timestamp {
        guard phase == .closed, let closed = phaseHistory.last?.since, closed.millis < now.millis else { return now }
        return closed
    }

    /// Pairs who sat at one stall together for at least `minimum` minutes in all, counting open
    /// seatings up to `now`, longest first.
    public func encounters(now: Timestamp, minimum: Int? = nil) -> [Encounter] {
        encounters(togetherMillis(seatingsByStall(), now: now), minimum: minimum ?? config.encounterMinutes)
    }

    private func encounters(_ together: [Int64: Int64], minimum: Int) -> [Encounter] {
        let threshold = Int64(minimum) * 60_000
        var out: [Encounter] = []
        for (key, ms) in together where ms >= threshold && ms > 0 {
            let a = Int(key >> 32), b = Int(key & 0xFFFF_FFFF)
            out.append(Encounter(a: a, b: b, minutes: Int(ms / 60_000),
                                 crossMinistry: people[a].ministry != people[b].ministry))
        }
        out.sort { l, r in l.minutes != r.minutes ? l.minutes > r.minutes : l.a != r.a ? l.a < r.a : l.b < r.b }
        return out
    }

    /// Milliseconds each pair spent at one stall at the same time, summed over the day; the key
    /// is the two people's indices, lower first, in one Int64. A sweep per stall over seatings
    /// sorted by start keeps it near-linear: a seating only meets those that start before it ends.
    func togetherMillis(_ byStall: [[Seating]], now: Timestamp) -> [Int64: Int64] {
        var together: [Int64: Int64] = [:]
        for list in byStall {
            for i in list.indices {
                let end = (list[i].to ?? now).millis
                var j = i + 1
                while j < list.count, list[j].from.millis < end {
                    let a = list[i].person, b = list[j].person
                    let overlap = min(end, (list[j].to ?? now).millis) - list[j].from.millis
                    if a != b, overlap > 0 {
                        together[Int64(min(a, b)) << 32 | Int64(max(a, b)), default: 0] += overlap
                    }
                    j += 1
                }
            }
        }
        return together
    }

    /// Each stall's seatings, sorted by when they began.
    func seatingsByStall() -> [[Seating]] {
        var byStall = Array(repeating: [Seating](), count: stalls.count)
        for s in seatings { byStall[s.stall].append(s) }
        for i in byStall.indices { byStall[i].sort { $0.from.millis < $1.from.millis } }
        return byStall
    }

    public func encounterReport(now: Timestamp, minimum: Int? = nil) -> EncounterReport {
        let minimumMinutes = minimum ?? config.encounterMinutes
        let byStall = seatingsByStall()
        let pairs = encounters(togetherMillis(byStall, now: now), minimum: minimumMinutes)

        // Ministries in roster order, and each person's as a number (no string hashing per pair).
        var ministries: [String] = [], ministryIndex: [String: Int] = [:]
        var ministryOf = [Int](repeating: 0, count: people.count)
        for (i, p) in people.enumerated() {
            if let m = ministryIndex[p.ministry] {
                ministryOf[i] = m
            } else {
                ministryIndex[p.ministry] = ministries.count
                ministryOf[i] = ministries.count
                ministries.append(p.ministry)
            }
        }
        var matrix = Array(repeating: Array(repeating: 0, count: ministries.count), count: ministries.count)
        var met = Array(repeating: [(person: Int, minutes: Int)](), count: people.count)
        for e in pairs {
            let i = ministryOf[e.a], j = ministryOf[e.b]
            matrix[i][j] += e.minutes
            if i != j { matrix[j][i] += e.minutes }
            met[e.a].append((e.b, e.minutes))
            met[e.b].append((e.a, e.minutes))
        }
        var seatedMillis = Array(repeating: Int64(0), count: people.count)
        for s in seatings { seatedMillis[s.person] += (s.to ?? now).millis - s.from.millis }

        var summaries: [PersonMet] = []
        var seen = [Bool](repeating: false, count: ministries.count)
        for p in people.indices where presence[p].came {
            let list = met[p].sorted { l, r in l.minutes != r.minutes ? l.minutes > r.minutes : l.person < r.person }
            var others: [String] = []
            seen[ministryOf[p]] = true
            for m in list where !seen[ministryOf[m.person]] {
                seen[ministryOf[m.person]] = true
                others.append(ministries[ministryOf[m.person]])
            }
            for m in list { seen[ministryOf[m.person]] = false }
            seen[ministryOf[p]] = false
            let senior: Bool? = people[p].role == .new
                ? list.contains { people[$0.person].role == .senior && ministryOf[$0.person] != ministryOf[p] } : nil
            summaries.append(PersonMet(person: p, met: list, otherMinistries: others,
                                       seatedMinutes: Int(seatedMillis[p] / 60_000), metSeniorElsewhere: senior))
        }

        var encountersAt = Array(repeating: 0, count: stalls.count)
        countEncountersPerStall(byStall, pairs: pairs, now: now, into: &encountersAt)
        let stallDays = byStall.enumerated().map { s, list in
            var who = Set<Int>(), from = Set<Int>()
            for seat in list { who.insert(seat.person); from.insert(ministryOf[seat.person]) }
            let (peak, at) = peakOccupancy(list, now: now)
            return StallDay(stall: s, people: who.count, ministries: from.count, peak: peak, peakAt: at, encounters: encountersAt[s])
        }
        return EncounterReport(minimumMinutes: minimumMinutes, pairs: pairs, people: summaries, stalls: stallDays,
                               ministries: ministries, matrix: matrix)
    }

    /// How many of the day's encounters happened (at least partly) at each stall.
    private func countEncountersPerStall(_ byStall: [[Seating]], pairs: [Encounter], now: Timestamp, into out: inout [Int]) {
        guard !pairs.isEmpty else { return }  // a second sweep for nothing
        var wanted = Set<Int64>()
        for e in pairs { wanted.insert(Int64(min(e.a, e.b)) << 32 | Int64(max(e.a, e.b))) }
        for (s, list) in byStall.enumerated() {
            var here = Set<Int64>()
            for i in list.indices {
                let end = (list[i].to ?? now).millis
                var j = i + 1
                while j < list.count, list[j].from.millis < end {
                    let a = list[i].person, b = list[j].person
                    let key = Int64(min(a, b)) << 32 | Int64(max(a, b))
                    if a != b, wanted.contains(key) { here.insert(key) }
                    j += 1
                }
            }
            out[s] = here.count
        }
    }

    /// The most people seated at once among these seatings, and when it was first reached. At
    /// the same instant a departure counts before an arrival (someone moving seats is not two).
    private func peakOccupancy(_ list: [Seating], now: Timestamp) -> (Int, Timestamp?) {
        var changes: [(millis: Int64, delta: Int, time: Timestamp)] = []
        for s in list {
            changes.append((s.from.millis, 1, s.from))
            let end = s.to ?? now
            changes.append((end.millis, -1, end))
        }
        changes.sort { ($0.millis, $0.delta) < ($1.millis, $1.delta) }
        var n = 0, peak = 0
        var at: Timestamp?
        for c in changes {
            n += c.delta
            if n > peak { peak = n; at = c.time }
        }
        return (peak, at)
    }
}
