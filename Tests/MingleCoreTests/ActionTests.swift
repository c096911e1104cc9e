import MingleCore
import PropertyBased
import Testing

/// A writer's view of the day: each step is one command as a front end would send it (possibly
/// several events, appended as one action), checked like a real append.
enum Writer {
    /// Appends one action the way Store.append does: checked, one group when several events.
    @discardableResult
    static func act(_ s: inout State, _ events: [Event], author: Author = Fixture.author) -> Bool {
        guard !events.isEmpty, (try? s.check(events, at: Fixture.start, by: author)) != nil else { return false }
        let group = events.count > 1 ? s.lastSeq + 1 : nil
        for e in events {
            let le = LoggedEvent(seq: s.lastSeq + 1, time: (s.lastTime ?? Fixture.start).adding(seconds: 30), author: author, event: e, group: group)
            do { try s.applyChecked(le) } catch { Issue.record("checked, then refused: \(error)"); return false }
        }
        return true
    }

    /// One command from a number: walk-ins, check-ins and outs, seating, the program, undo, redo.
    static func command(_ n: Int, _ s: State) -> [Event] {
        let r = s.room
        let p = r.people[(n / 16) % r.people.count].id
        let stall = r.stalls[(n / 256) % r.stalls.count].id
        switch n % 16 {
        case 0, 1: return [.walkIn(Person(id: s.nextWalkInID(), name: "來客\(n % 7)", ministry: "文化部", role: n % 3 == 0 ? .new : .guest))]
        case 2, 3: return [.checkIn(person: p)]
        case 4: return [.checkOut(person: p)]
        case 5, 6: return [.seat(person: p, stall: stall, forced: true)]
        case 7: return (try? r.events(for: .phaseNext(reason: ""))) ?? []
        case 8: return (try? r.events(for: .phaseBack(reason: ""))) ?? []
        case 9, 10: return (try? r.events(for: .introNext)) ?? []
        case 11: return (try? r.events(for: .introSkip(person: nil))) ?? []
        case 12, 13: return s.lastUndoable(by: Fixture.author).map { [.undo(seq: $0.seq)] } ?? []
        case 14: return s.lastRedoable(by: Fixture.author).map { [.undo(seq: $0.seq)] } ?? []
        default: return [.help(stall: stall, on: !r.helpRequested[r.index(ofStall: stall)!])]
        }
    }

    static func day(_ script: [Int]) -> State {
        var s = State(config: Fixture.config, roster: Fixture.roster)
        for n in script { act(&s, command(n, s)) }
        return s
    }
}

@Suite("Actions: ids, undo, phase moves")
struct ActionTests {
    @Test func aWalkInIdIsNeverGivenTwiceWhateverIsUndone() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000).array(of: 0...80)) { script in
            let s = Writer.day(script)
            var given: [String: Int] = [:]
            for e in s.history { if case .walkIn(let p) = e.event { given[p.id, default: 0] += 1 } }
            #expect(given.values.allSatisfy { $0 == 1 }, "an id was given twice: \(given.filter { $0.value > 1 })")
            #expect(given[s.nextWalkInID()] == nil)
            // Nobody ever vanishes by a redo: every walk-in still in effect is in the room.
            for e in s.history where !s.cancelled.contains(e.seq) {
                if case .walkIn(let p) = e.event { #expect(s.room.person(p.id) != nil, "\(p.id) vanished") }
            }
        }
    }

    @Test func oneUndoRestoresTheRoomBeforeAnyCommand() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000).array(of: 0...60), Gen.int(in: 0...1_000_000)) { script, n in
            var s = Writer.day(script)
            let before = s.room
            guard Writer.act(&s, Writer.command(n, s)), let last = s.lastUndoable(by: Fixture.author),
                  last.action == s.history.last?.action else { return }
            let refusedBefore = s.refused
            #expect(Writer.act(&s, [.undo(seq: last.seq)]))
            #expect(s.room == before, "after undoing \(s.events(ofAction: last.seq).map(\.event.kind))")
            // Every event of the action is taken back, none is left to fail on its own.
            #expect(Set(s.members(ofAction: last.seq)).isSubset(of: s.cancelled))
            #expect(s.refused.keys.allSatisfy { refusedBefore[$0] != nil || s.cancelled.contains($0) })
        }
    }

    @Test func introNextIsOneActionAndOneUndoTakesBothBack() throws {
        var s = try Fixture.state([.checkIn(person: "P1"), .checkIn(person: "P2"), .phase(from: .reception, to: .introductions, move: .jump, reason: "no talk")])
        #expect(try Writer.act(&s, s.room.events(for: .introNext)))
        let speaking = s.room
        #expect(try Writer.act(&s, s.room.events(for: .introNext)))
        #expect(s.events(ofAction: s.lastSeq).map(\.event.kind) == ["intro-done", "intro-start"])
        let u = try #require(s.lastUndoable(by: Fixture.author))
        let both = Set(s.members(ofAction: u.seq))
        #expect(both.count == 2)
        #expect(Writer.act(&s, [.undo(seq: u.seq)]))
        #expect(both.isSubset(of: s.cancelled) && s.refused.isEmpty, "cancelled \(s.cancelled), refused \(s.refused)")
        #expect(s.room == speaking)
        #expect(s.room.intro.current == 0 && s.room.intro.done.isEmpty)
    }

    @Test func theProgramsRefusalsAreTyped() throws {
        let s = try Fixture.state([])
        #expect(throws: Refusal(.introductionsNotRunning(now: .reception))) { try s.room.events(for: .introNext) }
        #expect(throws: Refusal(.nobodySpeaking)) { try s.room.events(for: .introDone) }
        #expect(throws: Refusal(.nobodySpeakingToSkip)) { try s.room.events(for: .introSkip(person: nil)) }
        #expect(throws: Refusal(.firstPhase)) { try s.room.events(for: .phaseBack(reason: "")) }
        let intro = try Fixture.state([.phase(from: .reception, to: .introductions, move: .jump, reason: "x")])
        #expect(throws: Refusal(.nobodyWaiting)) { try intro.room.events(for: .introNext) }
    }

    /// What a person sees of the room: the phase, who sits where, who speaks, the queue.
    static func view(_ r: Room) -> String {
        "\(r.phase) seats=\(r.presence.map { $0.stall.map(String.init) ?? "-" }) speaking=\(String(describing: r.intro.current)) "
            + "done=\(r.intro.done) queue=\(r.introQueue) here=\(r.presence.map(\.isHere))"
    }

    @Test func aPhaseMoveAndBackLeavesTheRoomAsItWas() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000).array(of: 0...60)) { script in
            var s = Writer.day(script)
            let before = ActionTests.view(s.room)
            guard Writer.act(&s, (try? s.room.events(for: .phaseNext(reason: ""))) ?? []) else { return }
            #expect(Writer.act(&s, (try? s.room.events(for: .phaseBack(reason: ""))) ?? []))
            #expect(ActionTests.view(s.room) == before)
        }
    }

    @Test func thePhotoEmptiesTheTablesAndBackSeatsEveryoneAgain() throws {
        var s = try Fixture.state([.checkIn(person: "P1"), .checkIn(person: "P2"), .checkIn(person: "P3")] + Fixture.toChat
                                  + [.seat(person: "P1", stall: "S1", forced: false), .seat(person: "P2", stall: "S2", forced: false)])
        let plan = s.room.phasePlan(to: .photo, move: .next)
        #expect(plan.leave.count == 2 && plan.endTurnOf == nil)
        #expect(try Writer.act(&s, s.room.events(for: .phaseNext(reason: ""))))
        #expect(s.room.seated.allSatisfy { $0.isEmpty })
        // P1 leaves during the photo: going back seats only those still here.
        #expect(Writer.act(&s, [.checkOut(person: "P1")]))
        #expect(s.room.phasePlan(to: .chat, move: .back).back.map(\.person) == [1])
        #expect(try Writer.act(&s, s.room.events(for: .phaseBack(reason: "one more round"))))
        #expect(s.room.presence[1].stall == 1 && s.room.presence[0].stall == nil)
    }

    @Test func severalStepsBackEachPutBackWhatTheirStepChanged() throws {
        var s = try Fixture.state([.checkIn(person: "P1"), .checkIn(person: "P2"), .phase(from: .reception, to: .introductions, move: .jump, reason: "x")])
        #expect(try Writer.act(&s, s.room.events(for: .introNext)))
        let speaking = ActionTests.view(s.room)
        #expect(try Writer.act(&s, s.room.events(for: .phaseNext(reason: ""))))  // to chat: the turn ends
        #expect(Writer.act(&s, [.seat(person: "P2", stall: "S1", forced: false)]))
        let seated = ActionTests.view(s.room)
        for _ in 0..<2 { #expect(try Writer.act(&s, s.room.events(for: .phaseNext(reason: "")))) }  // photo, closed
        #expect(try Writer.act(&s, s.room.events(for: .phaseBack(reason: ""))))  // photo again: nobody sits
        #expect(s.room.seated.allSatisfy { $0.isEmpty })
        #expect(try Writer.act(&s, s.room.events(for: .phaseBack(reason: ""))))  // chat: P2 sits again
        #expect(ActionTests.view(s.room) == seated)
        #expect(Writer.act(&s, [.unseat(person: "P2")]))
        #expect(try Writer.act(&s, s.room.events(for: .phaseBack(reason: ""))))  // introductions: P1 speaks again
        #expect(ActionTests.view(s.room) == speaking)
    }

    @Test func leavingTheIntroductionsEndsTheTurnAndBackResumesIt() throws {
        var s = try Fixture.state([.checkIn(person: "P1"), .checkIn(person: "P2"), .phase(from: .reception, to: .introductions, move: .jump, reason: "x")])
        #expect(try Writer.act(&s, s.room.events(for: .introNext)))
        let started = try #require(s.room.intro.currentSince)
        #expect(s.room.phasePlan(to: .chat, move: .next).endTurnOf == 0)
        #expect(try Writer.act(&s, s.room.events(for: .phaseNext(reason: ""))))
        #expect(s.room.intro.current == nil && s.room.intro.done == [0])
        let turn = try #require(s.room.intro.turns.last)
        #expect(turn.outcome == .phaseEnded && turn.end != nil && turn.seconds(now: Fixture.start) == 30)
        #expect(try Writer.act(&s, s.room.events(for: .phaseBack(reason: ""))))
        // Speaking again is a new turn from the step back: the time out of the introductions is not theirs.
        #expect(s.room.intro.current == 0 && s.room.intro.done.isEmpty && s.room.intro.currentSince! > started)
        #expect(s.room.intro.turns.filter { $0.person == 0 }.map(\.outcome) == [.phaseEnded, .speaking])
    }

    @Test func theQueueNeverHoldsSomeoneAbsentDoneOrSpeakingAndPiecesGiveTheSameRundown() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000).array(of: 0...80), Gen.int(in: 1...9)) { script, piece in
            var s = State(config: Fixture.config, roster: Fixture.roster)
            for n in script {
                Writer.act(&s, Writer.command(n, s))
                let r = s.room, done = Set(r.intro.done)
                for p in r.introQueue {
                    #expect(r.presence[p].isHere, "someone absent waits to speak")
                    #expect(!done.contains(p), "someone done waits to speak again")
                    #expect(p != r.intro.current, "the speaker also waits")
                }
                if let c = r.intro.current { #expect(r.presence[c].isHere, "someone absent is speaking") }
            }
            let now = (s.lastTime ?? Fixture.start).adding(seconds: 90)
            var pieces = State(config: Fixture.config, roster: Fixture.roster)
            var i = 0
            while i < s.history.count {
                pieces.apply(contentsOf: s.history[i..<min(s.history.count, i + piece)])
                i += piece
            }
            let replayed = State.replay(config: Fixture.config, roster: Fixture.roster, events: s.history)
            #expect(pieces.room.rundown(now: now) == s.room.rundown(now: now))
            #expect(replayed.room.rundown(now: now) == s.room.rundown(now: now))
            #expect(replayed.room.timeline(now: now) == s.room.timeline(now: now))
        }
    }

    @Test func theRundownAndTheProjectedEnd() throws {
        // Fixture plans only the introductions: 14:00 for 30 min, 60 s a speaker.
        var s = try Fixture.state([.checkIn(person: "P1"), .checkIn(person: "P2"), .phase(from: .reception, to: .introductions, move: .jump, reason: "x")])
        let began = s.room.phaseHistory.last!.since
        #expect(Writer.act(&s, [.plan(phase: .introductions, minutes: 5)]))
        let row = try #require(s.room.currentPhaseRow(now: began.adding(seconds: 600)))
        #expect(row.plannedMinutes == 35 && row.elapsedSeconds == 600 && row.remainingSeconds == 1500)
        #expect(s.room.clockState(of: row) == .normal)
        #expect(s.room.clockState(of: try #require(s.room.currentPhaseRow(now: began.adding(seconds: 34 * 60)))) == .warning)
        #expect(s.room.clockState(of: try #require(s.room.currentPhaseRow(now: began.adding(seconds: 36 * 60)))) == .over)
        // Began 14:03 (local), planned to 14:35; at 14:40 it runs 5 min late.
        let late = try #require(s.room.projectedEnd(now: began.adding(seconds: 37 * 60)))
        #expect(late.planned == 14 * 60 + 35 && late.projected == 14 * 60 + 40 && late.lateMinutes == 5)
        #expect(throws: Refusal(.planTooShort(.introductions, minutes: 35))) { try s.check(.plan(phase: .introductions, minutes: -35)) }
        // The speaker's light: green, yellow from 75 %, red at the limit, over past it.
        #expect(try Writer.act(&s, s.room.events(for: .introNext)))
        let start = s.room.intro.currentSince!
        #expect(s.room.speakerClock(now: start.adding(seconds: 44))?.light == .green)
        #expect(s.room.speakerClock(now: start.adding(seconds: 45))?.light == .yellow)
        #expect(s.room.speakerClock(now: start.adding(seconds: 60))?.light == .red)
        #expect(s.room.speakerClock(now: start.adding(seconds: 61))?.light == .over)
    }

    @Test func rosterOrderSortsThoseHereWhenTheIntroductionsBeginAndLateArrivalsJoinAtTheEnd() throws {
        var config = Fixture.config
        config.introOrder = .roster
        var s = State(config: config, roster: Fixture.roster)
        for p in ["P3", "P1", "P2"] { #expect(Writer.act(&s, [.checkIn(person: p)])) }
        #expect(s.room.introQueue == [2, 0, 1])  // arrival order until the introductions begin
        #expect(Writer.act(&s, [.phase(from: .reception, to: .introductions, move: .jump, reason: "x")]))
        #expect(s.room.introQueue == [0, 1, 2])
        #expect(Writer.act(&s, [.walkIn(Person(id: "W001", name: "新人", ministry: "", role: .new))]))
        #expect(s.room.introQueue.last == 8)
    }

    @Test func aWalkInWhoIsOnTheListIsFoundBeforeASecondPersonIsMade() throws {
        let s = try Fixture.state([])
        #expect(s.room.listedPeople(named: "王 小明", ministry: "衛福部") == [0])
        #expect(s.room.listedPeople(named: "王小明", ministry: "") == [0])
        #expect(s.room.listedPeople(named: "王小明", ministry: "教育部").isEmpty)
        #expect(s.room.listedPeople(named: "jose nunez", ministry: "外交部") == [2])
        #expect(throws: Refusal(.walkInIsOnTheList(id: "P1", who: "王小明 (衛福部)", here: false, others: 0))) {
            try s.room.checkNotOnTheList(name: "王小明", ministry: "衛福部")
        }
    }

    @Test func anUndoneWalkInsIdIsRefusedIfGivenAgainByHand() throws {
        var s = try Fixture.state([.walkIn(Person(id: "W001", name: "甲", ministry: "", role: .guest))])
        #expect(Writer.act(&s, [.undo(seq: 1)]))
        #expect(s.nextWalkInID() == "W002")
        #expect(throws: Refusal(.idUsedBefore(id: "W001", by: "甲"))) { try s.check(.walkIn(Person(id: "W001", name: "乙", ministry: "", role: .guest))) }
    }
}
