import Testing
@testable import MingleCore

/// What each role-locked terminal may write (issue 11): the table is the specification.
@Suite("Roles: what a locked terminal may write")
struct DeskTests {
    /// The room in open chat: P1 at S1, P2 at S2, S1 asking for help.
    static func room() throws -> State {
        try Fixture.state([.checkIn(person: "P1"), .checkIn(person: "P2"), .checkIn(person: "P3")] + Fixture.toChat
            + [.seat(person: "P1", stall: "S1", forced: false), .seat(person: "P2", stall: "S2", forced: false), .help(stall: "S1", on: true)])
    }

    static let events: [(String, Event)] = [
        ("checkIn", .checkIn(person: "P4")), ("checkOut", .checkOut(person: "P3")),
        ("walkIn", .walkIn(Person(id: "W001", name: "新人", ministry: "", role: .guest))), ("badge", .badgePrinted(person: "P3")),
        ("seatHere", .seat(person: "P3", stall: "S1", forced: false)), ("seatMoveHere", .seat(person: "P2", stall: "S1", forced: false)),
        ("seatThere", .seat(person: "P3", stall: "S2", forced: false)), ("seatForced", .seat(person: "P3", stall: "S1", forced: true)),
        ("unseatHere", .unseat(person: "P1")), ("unseatThere", .unseat(person: "P2")),
        ("helpOffHere", .help(stall: "S1", on: false)), ("helpOnThere", .help(stall: "S2", on: true)),
        ("phase", .phase(from: .chat, to: .photo, move: .next, reason: "")), ("introAdd", .introAdd(person: "P3")),
        ("introStart", .introStart(person: "P3")), ("plan", .plan(phase: .introductions, minutes: 5)),
        ("message", .message(text: "蛋糕來了")), ("photo", .photoTaken), ("undo", .undo(seq: 1)),
    ]

    static let allowed: [Desk: Set<String>] = [
        .reception: ["checkIn", "checkOut", "walkIn", "badge", "helpOffHere", "undo"],
        .stall("S1"): ["seatHere", "seatMoveHere", "seatForced", "unseatHere", "helpOffHere", "undo"],
        .timekeeper: ["phase", "introAdd", "introStart", "plan", "message", "photo", "undo"],
        .board: [],
    ]

    @Test(arguments: [Desk.reception, .stall("S1"), .timekeeper, .board])
    func eachRoleWritesOnlyItsOwnWork(_ desk: Desk) throws {
        let state = try Self.room()
        for (label, e) in Self.events {
            let refusal = desk.refusal(for: e, in: state.room)
            #expect((refusal == nil) == Self.allowed[desk]!.contains(label), "\(desk.name) \(label): \(refusal?.reason ?? "allowed")")
            if let refusal, case .notThisDesk = refusal.why {} else if refusal != nil { Issue.record("\(label): not a role refusal") }
        }
    }

    @Test func aStallGoesOverItsSeatsOnlyInOpenChat() throws {
        var state = try Self.room()
        #expect(Desk.stall("S1").refusal(for: .seat(person: "P3", stall: "S1", forced: true), in: state.room) == nil)
        try state.applyChecked(Fixture.next(.phase(from: .chat, to: .photo, move: .next, reason: ""), after: state))
        #expect(Desk.stall("S1").refusal(for: .seat(person: "P3", stall: "S1", forced: true), in: state.room) != nil)
        #expect(Desk.stall("S1").refusal(for: .seat(person: "P3", stall: "S2", forced: true), in: state.room) != nil)
    }

    @Test func theStallSIsNamedInItsRefusal() throws {
        let state = try Self.room()
        let r = try #require(Desk.stall("S1").refusal(for: .checkIn(person: "P4"), in: state.room))
        #expect(r.reason.contains("開放政府") && r.reason.contains("seats and releases"))
        #expect(Desk.board.refusal(for: .undo(seq: 1), in: state.room) != nil)
    }

    @Test func aLockedTerminalUndoesOnlyItsOwnActions() throws {
        let state = try Self.room()
        let mine = Author(user: "po", role: "stall:S1", terminal: "pts/4", pid: 1, key: "陳主任")
        let sameAccountOtherHelper = Author(user: "po", role: "stall:S1", terminal: "pts/4", pid: 1, key: "林組長")
        let seatedByFixture = try #require(state.history.last { if case .seat = $0.event { true } else { false } })
        #expect(throws: Refusal(.notYourAction(seq: seatedByFixture.seq, by: Fixture.author))) {
            try state.check([.undo(seq: seatedByFixture.seq)], at: Fixture.start, by: mine, desk: .stall("S1"))
        }
        // Unlocked, the organisers may undo anyone's action.
        try state.check([.undo(seq: seatedByFixture.seq)], at: Fixture.start, by: mine, desk: nil)
        // Its own: allowed; another helper's on the same account and terminal: not.
        var s = state
        try s.applyChecked(LoggedEvent(seq: s.lastSeq + 1, time: Fixture.start, author: mine, event: .seat(person: "P3", stall: "S1", forced: false)))
        try s.check([.undo(seq: s.lastSeq)], at: Fixture.start, by: mine, desk: .stall("S1"))
        #expect(throws: Refusal.self) { try s.check([.undo(seq: s.lastSeq)], at: Fixture.start, by: sameAccountOtherHelper, desk: .stall("S1")) }
        #expect(s.lastUndoable(by: sameAccountOtherHelper) == nil)
    }

    @Test func rolesParseAsTheirNames() {
        for d in [Desk.reception, .stall("S1"), .timekeeper, .board] { #expect(Desk.parse(d.name) == d) }
        #expect(Desk.parse("stall:") == nil && Desk.parse("admin") == nil)
    }
}
