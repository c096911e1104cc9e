/// What the after-event report adds to the projections: attendance broken down by ministry and
/// by role, stall occupancy over the afternoon, and how connected each ministry was.
extension Room {
    /// One line of attendance. "Left early" is who checked out and did not come back, the same
    /// count as `left` in `mingle status --json`.
    public struct AttendanceLine: Equatable, Sendable {
        public var key: String
        public var invited = 0
        public var came = 0
        public var walkIns = 0
        public var leftEarly = 0
        public var here = 0
        /// Invited people who did not come.
        public var absent: Int { invited - (came - walkIns) }
    }

    public struct Attendance: Equatable, Sendable {
        public var total: AttendanceLine
        /// In the order ministries first appear in the roster (walk-ins' new ministries last).
        public var byMinistry: [AttendanceLine]
        public var byRole: [AttendanceLine]
        /// Who checked out and did not come back, earliest first, with when.
        public var leftEarly: [(person: Int, at: Timestamp?)]

        public static func == (a: Attendance, b: Attendance) -> Bool {
            a.total == b.total && a.byMinistry == b.byMinistry && a.byRole == b.byRole
                && a.leftEarly.map(\.person) == b.leftEarly.map(\.person)
        }
    }

    public var attendance: Attendance {
        var total = AttendanceLine(key: "")
        var ministryOrder: [String] = [], byMinistry: [String: AttendanceLine] = [:]
        var byRole: [Role: AttendanceLine] = [:]
        func count(_ line: inout AttendanceLine, _ p: Int) {
            let pr = presence[p]
            if p < invitedCount { line.invited += 1 }
            if pr.came { line.came += 1 }
            if pr.walkedIn { line.walkIns += 1 }
            if pr.left { line.leftEarly += 1 }
            if pr.isHere { line.here += 1 }
        }
        for p in people.indices {
            let person = people[p]
            count(&total, p)
            if byMinistry[person.ministry] == nil {
                ministryOrder.append(person.ministry)
                byMinistry[person.ministry] = AttendanceLine(key: person.ministry)
            }
            count(&byMinistry[person.ministry]!, p)
            count(&byRole[person.role, default: AttendanceLine(key: person.role.rawValue)], p)
        }
        let left = people.indices.filter { presence[$0].left }
            .map { (person: $0, at: presence[$0].checkOutTime) }
            .sorted { ($0.at?.millis ?? 0, $0.person) < ($1.at?.millis ?? 0, $1.person) }
        return Attendance(total: total, byMinistry: ministryOrder.map { byMinistry[$0]! },
                          byRole: Role.allCases.compactMap { byRole[$0] }, leftEarly: left)
    }

    /// How many sat at each stall at `step`-minute marks from `from` to `until` (both included):
    /// the stall occupancy chart. Indexed [stall][sample].
    public func occupancySeries(from: Timestamp, until: Timestamp, stepMinutes: Int) -> (times: [Timestamp], counts: [[Int]]) {
        let step = Int64(max(1, stepMinutes)) * 60_000
        guard until.millis >= from.millis else { return ([], stalls.map { _ in [] }) }
        let n = Int((until.millis - from.millis) / step) + 1
        let times = (0..<n).map { Timestamp(millis: from.millis + Int64($0) * step, offsetMinutes: from.offsetMinutes) }
        var counts = stalls.map { _ in [Int](repeating: 0, count: n) }
        for s in seatings {
            let end = (s.to ?? until).millis
            // The samples k with from + k·step in [s.from, end): seated at that moment.
            let first = max(0, Int((s.from.millis - from.millis + step - 1) / step))
            var k = first
            while k < n, from.millis + Int64(k) * step < end {
                counts[s.stall][k] += 1
                k += 1
            }
        }
        return (times, counts)
    }

    /// Per ministry, from the encounter report's table: how many other ministries it met and
    /// the minutes spent with them — most connected first.
    public struct MinistryReach: Equatable, Sendable {
        public var ministry: String
        public var otherMinistries: Int
        public var minutes: Int
    }

    public static func ministryReach(_ r: EncounterReport) -> [MinistryReach] {
        r.ministries.indices.map { i in
            var others = 0, minutes = 0
            for j in r.ministries.indices where j != i && r.matrix[i][j] > 0 {
                others += 1
                minutes += r.matrix[i][j]
            }
            return MinistryReach(ministry: r.ministries[i], otherMinistries: others, minutes: minutes)
        }
        .sorted { ($1.otherMinistries, $1.minutes, $0.ministry) < ($0.otherMinistries, $0.minutes, $1.ministry) }
    }
}
