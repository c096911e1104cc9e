import MingleCore

/// A small event for tests: 8 people across 4 ministries, 3 stalls of 2 seats.
enum Fixture {
    static let config = EventConfig(
        title: "測試", date: "2026-12-04", venue: "", language: "en",
        phases: [PlannedPhase(phase: .introductions, start: ClockTime(hour: 14, minute: 0), minutes: 30, secondsPerSpeaker: 60)],
        stalls: [Stall(id: "S1", name: "開放政府", owners: ["P5"], seats: 2),
                 Stall(id: "S2", name: "公共參與", owners: ["P6"], seats: 2),
                 Stall(id: "S3", name: "數位治理", owners: [], seats: 2)],
        encounterMinutes: 10)

    static let roster: [Person] = [
        Person(id: "P1", name: "王小明", ministry: "衛福部", role: .new),
        Person(id: "P2", name: "林怡君", ministry: "教育部", role: .new),
        Person(id: "P3", name: "José Núñez", ministry: "外交部", role: .new),
        Person(id: "P4", name: "陳志明", ministry: "衛福部", role: .senior),
        Person(id: "P5", name: "黃雅婷", ministry: "教育部", role: .senior),
        Person(id: "P6", name: "張家豪", ministry: "數位部", role: .senior),
        Person(id: "P7", name: "李淑芬", ministry: "PDIS", role: .staff),
        Person(id: "P8", name: "吳冠宇", ministry: "外交部", role: .guest),
    ]

    static let author = Author(user: "host", role: "reception", terminal: "pts/1", pid: 42)
    static let start = Timestamp(millis: 1_796_364_000_000, offsetMinutes: 480)  // 2026-12-04 14:00 +08:00

    /// Applies events one minute apart, each through the writer's check; fails the test on refusal.
    static func state(_ events: [Event], from initial: State? = nil) throws -> State {
        var s = initial ?? State(config: config, roster: roster)
        for e in events { try s.applyChecked(next(e, after: s)) }
        return s
    }

    static func next(_ e: Event, after s: State) -> LoggedEvent {
        LoggedEvent(seq: s.lastSeq + 1, time: start.adding(seconds: 60 * (s.lastSeq + 1)), author: author, event: e)
    }

    static let toChat: [Event] = [
        .phase(from: .reception, to: .opening, move: .next, reason: ""),
        .phase(from: .opening, to: .introductions, move: .next, reason: ""),
        .phase(from: .introductions, to: .chat, move: .next, reason: ""),
    ]
}
