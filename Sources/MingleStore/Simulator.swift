import MingleCore

/// `mingle simulate`: a realistic afternoon for tests and benchmarks, from a seed. Arrivals and
/// walk-ins at reception, the opening, each new PO's introduction (a few skipped), then open chat
/// with people moving between stalls, asking for help, leaving early, and the group photo.
/// Every event is checked against the rules as it is made, so the day is always a legal one.
public struct Simulator {
    public var people: Int
    public var events: Int
    public var seed: UInt64

    public init(people: Int, events: Int, seed: UInt64) {
        self.people = people
        self.events = events
        self.seed = seed
    }

    /// People to add to the roster so it holds `people` in all (ids SIM0001…).
    public func extraPeople(existing: [Person]) -> [Person] {
        guard existing.count < people else { return [] }
        var rng = SplitMix64(seed: seed ^ 0x5EED)
        let ministries = SampleEvent.ministries
        return (existing.count..<people).map { i in
            let name = SampleEvent.surnames.randomElement(using: &rng)! + SampleEvent.givenNames.randomElement(using: &rng)!
            let roll = rng.next() % 100
            let role: Role = roll < 30 ? .new : roll < 90 ? .senior : roll < 96 ? .staff : .guest
            return Person(id: "SIM" + pad4(i + 1), name: name, ministry: ministries.randomElement(using: &rng)!, role: role)
        }
    }

    /// The day's events with their times, starting from `state` (usually empty) at `start`.
    public func makeDay(from initial: State, start: Timestamp, author: Author) -> [(Event, Timestamp)] {
        var rng = SplitMix64(seed: seed)
        var state = initial
        var out: [(Event, Timestamp)] = []
        var time = start
        let room = { state.room }
        func emit(_ e: Event, after ms: Int64) -> Bool {
            guard out.count < events else { return false }
            let t = Timestamp(millis: time.millis + ms, offsetMinutes: time.offsetMinutes)
            let le = LoggedEvent(seq: state.lastSeq + 1, time: t, author: author, event: e)
            guard (try? state.applyChecked(le)) != nil else { return false }
            time = t
            out.append((e, t))
            return true
        }
        func nextPhase() {
            let p = room().phase
            if let n = p.next { _ = emit(.phase(from: p, to: n, move: .next, reason: ""), after: 1000) }
        }
        // Reception: most invited people arrive, a few walk in.
        let count = room().people.count
        var arrivals = Array(0..<count).filter { _ in rng.next() % 100 < 92 }
        arrivals.shuffle(using: &rng)
        let budgetForChat = max(events / 3, 10)
        for p in arrivals where out.count < events - budgetForChat {
            _ = emit(.checkIn(person: room().people[p].id), after: Int64(rng.next() % 20_000))
            if rng.next() % 40 == 0 {
                let id = "W" + pad4(room().people.count - room().invitedCount + 1)
                let name = SampleEvent.surnames.randomElement(using: &rng)! + SampleEvent.givenNames.randomElement(using: &rng)!
                _ = emit(.walkIn(Person(id: id, name: name, ministry: SampleEvent.ministries.randomElement(using: &rng)!,
                                        role: rng.next() % 3 == 0 ? .new : .senior)), after: 5000)
            }
        }
        nextPhase()  // opening
        nextPhase()  // introductions
        while out.count < events - budgetForChat, let speaker = room().introQueue.first {
            let id = room().people[speaker].id
            if rng.next() % 12 == 0 {
                _ = emit(.introSkip(person: id), after: 3000)
            } else {
                _ = emit(.introStart(person: id), after: 5000)
                _ = emit(.introDone(person: id), after: 40_000 + Int64(rng.next() % 40_000))
            }
        }
        nextPhase()  // chat
        // Open chat until two events are left for the photo.
        let stalls = room().stalls.count
        var misses = 0
        // Spread the chat events over the planned hour of open chat.
        let chatMillis = Int64(room().config.plan(for: .chat)?.minutes ?? 60) * 60_000
        let meanGap = max(1, chatMillis / Int64(max(1, events - out.count)))
        while out.count < events - 2, stalls > 0, misses < 10_000 {
            let all = room().people.count
            let p = Int(rng.next() % UInt64(all))
            guard room().presence[p].isHere else { misses += 1; continue }
            let id = room().people[p].id
            let roll = rng.next() % 1000
            let gap = Int64(rng.next() % UInt64(2 * meanGap))
            let made: Bool
            if roll < 8 {
                made = emit(.checkOut(person: id), after: gap)
            } else if roll < 14 {
                let s = Int(rng.next() % UInt64(stalls))
                made = emit(.help(stall: room().stalls[s].id, on: !room().helpRequested[s]), after: gap)
            } else if roll < 16 {
                made = emit(.message(text: "蛋糕 15:50 上桌 cake at 15:50"), after: gap)
            } else if roll < 300, room().presence[p].stall != nil {
                made = emit(.unseat(person: id), after: gap)
            } else {
                let s = Int(rng.next() % UInt64(stalls))
                if room().seated[s].count >= room().stalls[s].seats {
                    // Full: someone at that table gets up instead.
                    let sitter = room().seated[s][Int(rng.next() % UInt64(room().seated[s].count))]
                    made = emit(.unseat(person: room().people[sitter].id), after: gap)
                } else {
                    made = emit(.seat(person: id, stall: room().stalls[s].id, forced: false), after: gap)
                }
            }
            misses = made ? 0 : misses + 1
        }
        nextPhase()  // photo
        _ = emit(.photoTaken, after: 60_000)
        return out
    }
}

func pad4(_ n: Int) -> String {
    let d = String(n)
    return String(repeating: "0", count: max(0, 4 - d.count)) + d
}
