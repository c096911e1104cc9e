import MingleCore
import PropertyBased
import Testing

/// The encounter projection over random days (RandomDay in PropertyTests.swift): the minutes are
/// exactly the time two people sat at one stall together, seen the same from both sides, whatever
/// way the log was read, and undone events never count.
@Suite("Encounters")
struct EncounterTests {
    /// Milliseconds each pair sat at one stall at the same time, by brute force over every two
    /// seatings: the definition, written as plainly as possible.
    static func together(_ r: Room, now: Timestamp) -> [Set<Int>: Int64] {
        var out: [Set<Int>: Int64] = [:]
        for (i, x) in r.seatings.enumerated() {
            for y in r.seatings[(i + 1)...] where x.stall == y.stall && x.person != y.person {
                let overlap = min((x.to ?? now).millis, (y.to ?? now).millis) - max(x.from.millis, y.from.millis)
                if overlap > 0 { out[[x.person, y.person], default: 0] += overlap }
            }
        }
        return out
    }

    static func now(_ s: State) -> Timestamp { (s.lastTime ?? Fixture.start).adding(seconds: 600) }

    @Test func minutesAreTheTimeTogetherAtOneStallNeverMore() async {
        await propertyCheck(count: 300, input: RandomDay.script, Gen.int(in: 0...3)) { script, minimum in
            guard let s = RandomDay.log(script).steps.last else { return }
            let now = Self.now(s)
            let brute = Self.together(s.room, now: now)
            let pairs = s.room.encounters(now: now, minimum: minimum)
            for e in pairs {
                let ms = brute[[e.a, e.b]] ?? 0
                #expect(Int64(e.minutes) * 60_000 <= ms, "pair \(e.a)-\(e.b): \(e.minutes) min but together \(ms) ms")
                #expect(e.minutes == Int(ms / 60_000))
                #expect(e.minutes >= minimum)
                #expect(e.crossMinistry == (s.room.people[e.a].ministry != s.room.people[e.b].ministry))
            }
            // And every pair together long enough is there.
            let expected = Set(brute.filter { $0.value >= Int64(minimum) * 60_000 }.keys)
            #expect(Set(pairs.map { Set([$0.a, $0.b]) }) == expected)
        }
    }

    @Test func eachSideSeesTheSameMinutesAndTheMinistryTableIsSymmetric() async {
        await propertyCheck(count: 300, input: RandomDay.script) { script in
            guard let s = RandomDay.log(script).steps.last else { return }
            let report = s.room.encounterReport(now: Self.now(s), minimum: 1)
            var seen: [Int: [Int: Int]] = [:]
            for p in report.people { for m in p.met { seen[p.person, default: [:]][m.person] = m.minutes } }
            for (a, list) in seen {
                for (b, minutes) in list { #expect(seen[b]?[a] == minutes, "\(a) met \(b) for \(minutes) min, but not the other way") }
            }
            for i in report.matrix.indices { for j in report.matrix.indices { #expect(report.matrix[i][j] == report.matrix[j][i]) } }
            // The table holds every encounter's minutes once.
            var total = 0
            for i in report.matrix.indices { for j in i..<report.matrix.count { total += report.matrix[i][j] } }
            #expect(total == report.pairs.reduce(0) { $0 + $1.minutes })
        }
    }

    @Test func theLogReadInPiecesGivesTheSameEncounters() async {
        await propertyCheck(count: 200, input: RandomDay.script, Gen.int(in: 1...9)) { script, piece in
            let (events, _) = RandomDay.log(script)
            let whole = State.replay(config: Fixture.config, roster: Fixture.roster, events: events)
            var pieces = State(config: Fixture.config, roster: Fixture.roster)
            var i = 0
            while i < events.count {
                pieces.apply(contentsOf: events[i..<min(events.count, i + piece)])
                i += piece
            }
            let now = Self.now(whole)
            #expect(pieces.room.encounterReport(now: now, minimum: 1) == whole.room.encounterReport(now: now, minimum: 1))
        }
    }

    @Test func undoneEventsNeverCount() async {
        await propertyCheck(count: 300, input: RandomDay.script) { script in
            let (events, _) = RandomDay.log(script)
            let s = State.replay(config: Fixture.config, roster: Fixture.roster, events: events)
            // The same day without the undone events and without the undos.
            let effective = events.filter { e in
                if case .undo = e.event { return false }
                return !s.cancelled.contains(e.seq)
            }.enumerated().map { i, e in LoggedEvent(seq: i + 1, time: e.time, author: e.author, event: e.event) }
            let clean = State.replay(config: Fixture.config, roster: Fixture.roster, events: effective)
            let now = Self.now(s)
            #expect(s.room.encounterReport(now: now, minimum: 1) == clean.room.encounterReport(now: now, minimum: 1))
        }
    }

    // MARK: Worked examples

    /// P1 (new, 衛福部) and P5 (senior, 教育部) at S1 for 14 minutes; P4 (senior, 衛福部) joins
    /// P1 at S1 for 11 minutes; P2 sits alone at S2.
    static func day() throws -> State {
        var s = try Fixture.state(Fixture.toChat + ["P1", "P2", "P4", "P5"].map { .checkIn(person: $0) } + [
            .seat(person: "P1", stall: "S1", forced: false), .seat(person: "P5", stall: "S1", forced: false),
            .seat(person: "P2", stall: "S2", forced: false),
        ])
        for _ in 0..<12 { s = try Fixture.state([.message(text: "tick")], from: s) }
        s = try Fixture.state([.unseat(person: "P5"), .seat(person: "P4", stall: "S1", forced: false)], from: s)
        for _ in 0..<10 { s = try Fixture.state([.message(text: "tick")], from: s) }
        return try Fixture.state([.unseat(person: "P4")], from: s)
    }

    @Test func theReportPerPersonStallAndMinistry() throws {
        let s = try Self.day()
        let r = s.room.encounterReport(now: s.lastTime!)
        #expect(r.pairs == [Room.Encounter(a: 0, b: 4, minutes: 14, crossMinistry: true),
                            Room.Encounter(a: 0, b: 3, minutes: 11, crossMinistry: false)])
        let p1 = try #require(r.people.first { $0.person == 0 })
        #expect(p1.met.map(\.person) == [4, 3])
        #expect(p1.otherMinistries == ["教育部"])
        #expect(p1.metSeniorElsewhere == true)
        let p2 = try #require(r.people.first { $0.person == 1 })
        #expect(p2.met.isEmpty && p2.metSeniorElsewhere == false)
        #expect(r.people.first { $0.person == 4 }?.metSeniorElsewhere == nil)  // a senior: not asked
        let s1 = r.stalls[0]
        #expect(s1.people == 3 && s1.ministries == 2 && s1.peak == 2 && s1.peakAt == s.event(seq: 9)!.time && s1.encounters == 2)
        #expect(r.stalls[1].people == 1 && r.stalls[1].peak == 1 && r.stalls[1].encounters == 0)
        let health = try #require(r.ministries.firstIndex(of: "衛福部")), education = try #require(r.ministries.firstIndex(of: "教育部"))
        #expect(r.matrix[health][education] == 14 && r.matrix[education][health] == 14)
        #expect(r.matrix[health][health] == 11)
    }

    @Test func aStallNowAndWhoJustLeft() throws {
        let s = try Self.day()
        let now = s.lastTime!
        let v = s.room.stallNow(0, now: now)
        #expect(v.seated == [0])
        #expect(v.recentlyLeft.map(\.person) == [3])  // P5 got up 12 minutes ago: outside the 10
        #expect(s.room.stallNow(0, now: now, recentMinutes: 15).recentlyLeft.map(\.person) == [3, 4])
        #expect(v.ministriesNow.map(\.ministry) == ["衛福部"])
        #expect(v.ministriesToday == 2 && v.peopleToday == 3)
        // P4 and P5 wander: P5 got up first.
        #expect(s.room.wanderersLongestFirst == [4, 3])
        #expect(s.room.freeSince(3) == now)
    }

    @Test func helpFirstAndTheRollCall() throws {
        var s = try Fixture.state(Fixture.toChat + ["P1", "P2", "P3", "P4"].map { .checkIn(person: $0) } + [
            .help(stall: "S3", on: true), .help(stall: "S2", on: true), .checkOut(person: "P2"),
        ])
        #expect(s.room.stallsHelpFirst == [2, 1, 0])
        s = try Fixture.state([.help(stall: "S3", on: false)], from: s)
        #expect(s.room.stallsHelpFirst == [1, 0, 2])
        let roll = s.room.rollCall
        #expect(roll.here == 3 && roll.came == 4 && roll.leftEarly == [1])
        #expect(roll.byMinistry.map { "\($0.ministry) \($0.here)/\($0.came)" } == ["衛福部 2/2", "教育部 0/1", "外交部 1/1"])
        #expect(s.room.newNotYetSeated == [0, 2])
    }
}
