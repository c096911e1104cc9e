import MingleCore
import PropertyBased
import Testing

/// Random days: each integer of a generated array becomes one event (valid or not) against the
/// fixture, so shrinking yields the shortest failing day.
enum RandomDay {
    static let people = Fixture.roster.map(\.id) + ["W1", "W2", "NOBODY"]
    static let stalls = Fixture.config.stalls.map(\.id) + ["S9"]

    static func event(_ n: Int, seq: Int, state: State) -> Event {
        let p = people[(n / 32) % people.count]
        let s = stalls[(n / 1024) % stalls.count]
        switch n % 32 {
        case 0..<6: return .checkIn(person: p)
        case 6, 7: return .checkOut(person: p)
        case 8..<15: return .seat(person: p, stall: s, forced: n % 3 == 0)
        case 15, 16: return .unseat(person: p)
        case 17:
            let from = state.room.phase, to = Phase.allCases[(n / 64) % Phase.allCases.count]
            let move: PhaseMove = to == from.next ? .next : to == from.previous ? .back : .jump
            return .phase(from: from, to: to, move: move, reason: n % 5 == 0 ? "" : "why")
        case 18: return .phase(from: state.room.phase, to: state.room.phase.next ?? .closed, move: .next, reason: "")
        case 19: return .introStart(person: p)
        case 20: return .introDone(person: p)
        case 21: return .introSkip(person: p)
        case 22: return .introAdd(person: p)
        case 23: return .introMove(person: p, position: (n / 64) % 4)
        case 24: return .help(stall: s, on: n % 2 == 0)
        case 25: return .walkIn(Person(id: p, name: "來客\(p)", ministry: "文化部", role: n % 2 == 0 ? .new : .guest))
        case 26, 27: return .undo(seq: seq > 1 ? 1 + (n / 32) % (seq - 1) : 1)
        case 28: return .photoTaken
        case 29: return .message(text: "m\(n)")
        default: return .note(text: "n")
        }
    }

    /// The log of a day: every event, applied with `State.apply` (refusals are recorded, as in replay).
    static func log(_ script: [Int]) -> (events: [LoggedEvent], steps: [State]) {
        var s = State(config: Fixture.config, roster: Fixture.roster)
        var events: [LoggedEvent] = [], steps: [State] = []
        for (i, n) in script.enumerated() {
            let e = LoggedEvent(seq: i + 1, time: Fixture.start.adding(seconds: 37 * i), author: Fixture.author,
                                event: event(n, seq: i + 1, state: s))
            s.apply(e)
            events.append(e)
            steps.append(s)
        }
        return (events, steps)
    }

    static let script = Gen.int(in: 0...1_000_000).array(of: 0...120)
}

func checkInvariants(_ s: State) {
    let r = s.room
    var seen = Set<Int>()
    for (si, list) in r.seated.enumerated() {
        for p in list {
            #expect(!seen.contains(p), "person \(p) sits at two stalls")
            seen.insert(p)
            #expect(r.presence[p].stall == si, "seated lists and presence disagree")
            #expect(r.presence[p].isHere, "someone who is not here sits at a stall")
        }
    }
    for (p, pr) in r.presence.enumerated() where pr.stall != nil {
        #expect(seen.contains(p), "presence says seated but no stall lists them")
    }
    for (p, pr) in r.presence.enumerated() where pr.left { #expect(pr.stall == nil, "checked-out person \(p) sits somewhere") }
    let open = r.seatings.filter { $0.to == nil }
    #expect(open.count == seen.count, "open seatings \(open.count) vs seated \(seen.count)")
}

@Suite("Core invariants over random days")
struct PropertyTests {
    @Test func aPersonSitsAtMostAtOneStallAndTheCheckedOutNowhere() async {
        await propertyCheck(count: 300, input: RandomDay.script) { script in
            for s in RandomDay.log(script).steps { checkInvariants(s) }
        }
    }

    @Test func replayFromZeroEqualsApplyingOneByOne() async {
        await propertyCheck(count: 300, input: RandomDay.script) { script in
            let (events, steps) = RandomDay.log(script)
            let replayed = State.replay(config: Fixture.config, roster: Fixture.roster, events: events)
            #expect(replayed == (steps.last ?? State(config: Fixture.config, roster: Fixture.roster)))
            // And in chunks, as a follower reads them.
            var chunked = State(config: Fixture.config, roster: Fixture.roster)
            var i = 0
            while i < events.count {
                let n = 1 + (script[i] % 7)
                chunked.apply(contentsOf: events[i..<min(events.count, i + n)])
                i += n
            }
            #expect(chunked == replayed)
        }
    }

    @Test func undoThenRedoReturnsTheSameRoom() async {
        await propertyCheck(count: 300, input: RandomDay.script, Gen.int(in: 0...10_000)) { script, pick in
            let (events, steps) = RandomDay.log(script)
            guard var s = steps.last else { return }
            let candidates = events.filter { e in
                if case .note = e.event { return false }
                return !s.cancelled.contains(e.seq)
            }
            guard !candidates.isEmpty else { return }
            let before = s.room
            let target = candidates[pick % candidates.count].seq
            let undo = LoggedEvent(seq: s.lastSeq + 1, time: s.lastTime!.adding(seconds: 5), author: Fixture.author, event: .undo(seq: target))
            do { try s.applyChecked(undo) } catch {
                // When the target is itself an undo, this undo is a redo: the same one refusal is
                // allowed as for the redo below (a walk-in's id given twice by the random log).
                if case .undo = s.event(seq: target)?.event, case .redoDoesNotFit(let seq, .idTaken)? = (error as? Refusal)?.why,
                   case .walkIn = s.event(seq: seq)?.event { return }
                Issue.record("undo refused: \(error)")
                return
            }
            checkInvariants(s)
            let redo = LoggedEvent(seq: s.lastSeq + 1, time: s.lastTime!.adding(seconds: 5), author: Fixture.author, event: .undo(seq: undo.seq))
            do {
                try s.applyChecked(redo)
            } catch {
                // The one refusal allowed: the redo would remove someone who walked in meanwhile
                // (these random logs, unlike a writer, may give one id twice).
                guard case .redoDoesNotFit(let seq, .idTaken)? = (error as? Refusal)?.why, case .walkIn = s.event(seq: seq)?.event else {
                    Issue.record("redo refused: \(error)")
                    return
                }
                return
            }
            #expect(s.room == before)
        }
    }

    @Test func aRefusedEventChangesNothing() async {
        await propertyCheck(count: 200, input: RandomDay.script, Gen.int(in: 0...1_000_000)) { script, n in
            guard let s = RandomDay.log(script).steps.last else { return }
            var t = s
            let e = LoggedEvent(seq: s.lastSeq + 1, time: Fixture.start, author: Fixture.author,
                                event: RandomDay.event(n, seq: s.lastSeq + 1, state: s))
            if (try? t.applyChecked(e)) == nil { #expect(t == s) }
        }
    }
}

@Suite("Timestamps")
struct TimestampTests {
    @Test func formatsAndParsesLocalTimeWithOffset() {
        let t = Timestamp(millis: 1_796_364_123_456, offsetMinutes: 480)
        #expect(t.iso8601 == "2026-12-04T14:02:03.456+08:00")
        #expect(Timestamp.parse(t.iso8601) == t)
        #expect(Timestamp.parse("2026-12-04T06:02:03.456Z") == Timestamp(millis: 1_796_364_123_456, offsetMinutes: 0))
        #expect(Timestamp.parse("2026-13-04T06:02:03Z") == nil)
        #expect(Timestamp.parse("2026-12-04 06:02:03Z") == nil)
    }

    @Test func roundTripsOverCenturiesAndOffsets() async {
        await propertyCheck(input: Gen.int(in: -2_000_000_000_000...5_000_000_000_000), Gen.int(in: -720...840)) { ms, off in
            let t = Timestamp(millis: Int64(ms), offsetMinutes: off)
            #expect(Timestamp.parse(t.iso8601) == t)
        }
    }
}
