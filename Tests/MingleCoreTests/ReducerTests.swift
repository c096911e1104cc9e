import MingleCore
import Testing

@Suite("Reducer: each event and its guards")
struct ReducerTests {
    func refusal(_ events: [Event], then e: Event) throws -> String? {
        let s = try Fixture.state(events)
        do { try s.check(e); return nil } catch { return error.reason }
    }

    @Test func checkInTwiceSaysWhenAndByWhom() throws {
        let why = try refusal([.checkIn(person: "P1")], then: .checkIn(person: "P1"))
        #expect(why == "王小明 (衛福部) is already checked in at 14:01 by host on pts/1 (reception)")
    }

    /// A refusal about something already done says who did it, from which terminal.
    @Test func refusalsNameWhoDidTheEarlierAction() throws {
        #expect(try refusal([.checkIn(person: "P1"), .checkOut(person: "P1")], then: .checkOut(person: "P1"))
            == "王小明 (衛福部) has already left: checked out at 14:02 by host on pts/1 (reception)")
        #expect(try refusal([.help(stall: "S1", on: true)], then: .help(stall: "S1", on: true))
            == "開放政府 has already asked for help, by host on pts/1 (reception)")
        #expect(try refusal([.checkIn(person: "P1"), .undo(seq: 1)], then: .undo(seq: 1))
            == "event 1 (checkin) is already undone by host on pts/1 (reception)")
    }

    @Test func checkInAfterCheckOutComesBack() throws {
        let s = try Fixture.state([.checkIn(person: "P1"), .checkOut(person: "P1"), .checkIn(person: "P1")])
        let p = s.room.presence[0]
        #expect(p.isHere && p.came && !p.left)
        #expect(s.room.headcounts == .init(invited: 8, came: 1, here: 1, left: 0, walkIns: 0))
    }

    @Test func unknownPersonIsRefused() throws {
        #expect(try refusal([], then: .checkIn(person: "X9")) == "nobody has the id X9")
    }

    @Test func seatingWaitsForChatUnlessForced() throws {
        #expect(try refusal([.checkIn(person: "P4")], then: .seat(person: "P4", stall: "S1", forced: false))?
            .hasPrefix("seating opens with the open chat") == true)
        let s = try Fixture.state([.checkIn(person: "P4"), .seat(person: "P4", stall: "S1", forced: true)])
        #expect(s.room.seated[0] == [3])
    }

    @Test func fullStallIsRefusedWithoutForce() throws {
        let seated: [Event] = Fixture.toChat + [.checkIn(person: "P1"), .checkIn(person: "P2"), .checkIn(person: "P3"),
                                                .seat(person: "P1", stall: "S1", forced: false), .seat(person: "P2", stall: "S1", forced: false)]
        #expect(try refusal(seated, then: .seat(person: "P3", stall: "S1", forced: false)) == "開放政府 is full (2 seats); force it to seat anyway")
        let s = try Fixture.state(seated + [.seat(person: "P3", stall: "S1", forced: true)])
        #expect(s.room.seated[0].count == 3)
    }

    @Test func seatingElsewhereMovesAndCheckOutUnseats() throws {
        var s = try Fixture.state(Fixture.toChat + [.checkIn(person: "P1"), .seat(person: "P1", stall: "S1", forced: false),
                                                    .seat(person: "P1", stall: "S2", forced: false)])
        #expect(s.room.seated == [[], [0], []])
        #expect(s.room.presence[0].stall == 1)
        s = try Fixture.state([.checkOut(person: "P1")], from: s)
        #expect(s.room.seated == [[], [], []])
        #expect(s.room.presence[0].stall == nil)
        #expect(s.room.seatings.allSatisfy { $0.to != nil })
    }

    @Test func notCheckedInCannotSit() throws {
        #expect(try refusal(Fixture.toChat, then: .seat(person: "P1", stall: "S1", forced: true)) == "王小明 (衛福部) is not checked in")
    }

    @Test func walkInIsAddedCheckedInAndQueuedWhenNew() throws {
        let p = Person(id: "W001", name: "趙新人", ministry: "農業部", role: .new)
        let s = try Fixture.state([.walkIn(p)])
        #expect(s.room.person("W001") == p)
        #expect(s.room.presence[8].isHere && s.room.presence[8].walkedIn)
        #expect(s.room.introQueue == [8])
        #expect(try refusal([.walkIn(p)], then: .walkIn(p))?.hasPrefix("the id W001 is already taken") == true)
    }

    @Test func introductionsRunInCheckInOrder() throws {
        var s = try Fixture.state([.checkIn(person: "P2"), .checkIn(person: "P1"), .checkIn(person: "P4"),
                                   .phase(from: .reception, to: .opening, move: .next, reason: "")])
        #expect(s.room.introQueue == [1, 0])  // new POs only, in arrival order
        #expect(try refusal([], then: .introStart(person: "P1")) != nil)  // not in introductions
        s = try Fixture.state([.phase(from: .opening, to: .introductions, move: .next, reason: ""), .introStart(person: "P2")], from: s)
        #expect(s.room.intro.current == 1)
        do { try s.check(.introStart(person: "P1")); Issue.record("two speakers at once") }
        catch { #expect(error.reason == "林怡君 (教育部) is still speaking: mark done or skip first") }
        s = try Fixture.state([.introDone(person: "P2"), .introSkip(person: "P1")], from: s)
        #expect(s.room.intro.done == [1] && s.room.intro.skipped == [0] && s.room.introQueue.isEmpty)
    }

    @Test func lateArrivalInChatCanStillBeAdded() throws {
        let s = try Fixture.state(Fixture.toChat + [.checkIn(person: "P8"), .introAdd(person: "P8")])
        #expect(s.room.introQueue == [7])
    }

    @Test func introMovePlacesBeforeThePersonAtThatPosition() throws {
        let s = try Fixture.state([.checkIn(person: "P1"), .checkIn(person: "P2"), .checkIn(person: "P3"), .introMove(person: "P3", position: 1)])
        #expect(s.room.introQueue == [2, 0, 1])
        let t = try Fixture.state([.introMove(person: "P3", position: 3)], from: s)
        #expect(t.room.introQueue == [0, 1, 2])
        #expect(try refusal([.checkIn(person: "P1")], then: .introMove(person: "P1", position: 2)) == "position 2 is outside the queue (1–1)")
    }

    @Test func helpRequestToggles() throws {
        let s = try Fixture.state([.help(stall: "S2", on: true)])
        #expect(s.room.helpRequested == [false, true, false])
        #expect(try refusal([.help(stall: "S2", on: true)], then: .help(stall: "S2", on: true)) == "公共參與 has already asked for help, by host on pts/1 (reception)")
    }

    @Test func photoOnlyInThePhotoPhase() throws {
        #expect(try refusal([], then: .photoTaken) == "the group photo is not now (now: reception)")
        let s = try Fixture.state(Fixture.toChat + [.phase(from: .chat, to: .photo, move: .next, reason: ""), .photoTaken])
        #expect(s.room.photos.count == 1)
    }

    @Test func emptyMessageIsRefused() throws {
        // An empty message clears the board's; with none on the board there is nothing to clear.
        #expect(try refusal([], then: .message(text: "  ")) == "there is no message on the board to clear")
        #expect(try refusal([.message(text: "蛋糕來了")], then: .message(text: "")) == nil)
    }

    @Test func photoEndsEverySeating() throws {
        let s = try Fixture.state(Fixture.toChat + [.checkIn(person: "P1"), .seat(person: "P1", stall: "S1", forced: false),
                                                    .phase(from: .chat, to: .photo, move: .next, reason: "")])
        #expect(s.room.seated.allSatisfy { $0.isEmpty })
        #expect(s.room.seatings.count == 1 && s.room.seatings[0].to != nil)
    }

    @Test func encountersCountMinutesTogetherAcrossMinistries() throws {
        // P1 and P2 sit at S1 from minute 6 and 7; P2 leaves at minute 20 → 13 minutes together.
        let s = try Fixture.state(Fixture.toChat + [.checkIn(person: "P1"), .checkIn(person: "P2"),
                                                    .seat(person: "P1", stall: "S1", forced: false),
                                                    .seat(person: "P2", stall: "S1", forced: false)])
        var t = s
        for _ in 0..<12 { t = try Fixture.state([.message(text: "tick")], from: t) }
        t = try Fixture.state([.unseat(person: "P2")], from: t)
        let now = t.lastTime!.adding(seconds: 3600)
        let e = t.room.encounters(now: now)
        #expect(e == [Room.Encounter(a: 0, b: 1, minutes: 13, crossMinistry: true)])
        #expect(t.room.encounters(now: now, minimum: 14).isEmpty)
    }

    @Test func projectionsOfTheRoom() throws {
        let s = try Fixture.state(Fixture.toChat + [.checkIn(person: "P1"), .checkIn(person: "P2"), .checkIn(person: "P4"),
                                                    .seat(person: "P4", stall: "S3", forced: false), .checkIn(person: "P5"),
                                                    .checkOut(person: "P5")])
        #expect(s.room.wanderers == [0, 1])
        #expect(s.room.newNotYetSeated == [0, 1])
        #expect(s.room.headcounts == .init(invited: 8, came: 4, here: 3, left: 1, walkIns: 0))
        #expect(s.room.occupancy.map(\.seated.count) == [0, 0, 1])
    }
}

@Suite("Phase state machine")
struct PhaseMachineTests {
    static let cases: [(Phase, Phase, PhaseMove, String, String?)] = [
        (.reception, .opening, .next, "", nil),
        (.reception, .introductions, .next, "", "the phase after reception is opening"),
        (.reception, .closed, .back, "", "reception is the first phase"),
        (.reception, .chat, .jump, "", "a jump to chat needs a reason"),
        (.reception, .chat, .jump, "the speaker is late", nil),
        (.reception, .reception, .jump, "x", "the phase is already reception"),
    ]

    @Test(arguments: cases)
    func transition(_ c: (Phase, Phase, PhaseMove, String, String?)) throws {
        let s = State(config: Fixture.config, roster: Fixture.roster)
        let e = Event.phase(from: c.0, to: c.1, move: c.2, reason: c.3)
        do {
            try s.check(e)
            #expect(c.4 == nil)
        } catch {
            #expect(error.reason == c.4)
        }
    }

    @Test func backAndClosedEdges() throws {
        var s = try Fixture.state(Fixture.toChat + [.phase(from: .chat, to: .introductions, move: .back, reason: "")])
        #expect(s.room.phase == .introductions)
        s = try Fixture.state([.phase(from: .introductions, to: .closed, move: .jump, reason: "fire alarm")], from: s)
        #expect(s.room.phase == .closed)
        #expect(s.room.phaseHistory.last?.reason == "fire alarm")
        do { try s.check(.phase(from: .closed, to: .photo, move: .next, reason: "")); Issue.record("next after closed") }
        catch { #expect(error.reason == "the day is already closed") }
        // Check-in stays allowed after the day is closed.
        s = try Fixture.state([.checkIn(person: "P3")], from: s)
        #expect(s.room.presence[2].isHere)
    }

    @Test func aStaleTimekeeperIsRefused() throws {
        let s = try Fixture.state([.phase(from: .reception, to: .opening, move: .next, reason: "")])
        do { try s.check(.phase(from: .reception, to: .opening, move: .next, reason: "")); Issue.record("applied twice") }
        catch { #expect(error.reason == "the phase is already opening, not reception") }
    }
}

@Suite("Undo")
struct UndoTests {
    @Test func undoCancelsAndLaterDependentEventsStopApplying() throws {
        var s = try Fixture.state(Fixture.toChat + [.checkIn(person: "P1"), .seat(person: "P1", stall: "S1", forced: false)])
        s = try Fixture.state([.undo(seq: 4)], from: s)  // the check-in
        #expect(!s.room.presence[0].came)
        #expect(s.room.seated[0].isEmpty)
        #expect(s.refused[5] == "王小明 (衛福部) is not checked in")
        #expect(s.cancelled == [4])
    }

    @Test func undoOfUndoRedoes() throws {
        let before = try Fixture.state([.checkIn(person: "P1"), .checkIn(person: "P2")])
        let undone = try Fixture.state([.undo(seq: 2)], from: before)
        #expect(!undone.room.presence[1].came)
        let redone = try Fixture.state([.undo(seq: 3)], from: undone)
        #expect(redone.room == before.room)
        do { try redone.check(.undo(seq: 3)); Issue.record("undid twice") }
        catch { #expect(error.reason == "event 3 (undo) is already undone by host on pts/1 (reception)") }
    }

    @Test func lastUndoableIsThisTerminalsLatestEffectiveAction() throws {
        var s = try Fixture.state([.checkIn(person: "P1")])
        let other = Author(user: "desk2", role: "reception", terminal: "pts/2", pid: 7)
        try s.applyChecked(LoggedEvent(seq: 2, time: Fixture.start, author: other, event: .checkIn(person: "P2")))
        #expect(s.lastUndoable(by: Fixture.author)?.seq == 1)
        s = try Fixture.state([.undo(seq: 1)], from: s)
        #expect(s.lastUndoable(by: Fixture.author) == nil)  // undo goes back, never forward
        #expect(s.lastRedoable(by: Fixture.author)?.seq == 3)  // the undo, which a redo takes back
    }
}
