/// The afternoon's program as the timekeeper and the board see it: per phase what was planned and
/// what happened, the running phase's clock, the speaker's light, the projected end. All pure:
/// a function of the room, the configuration and `now`.
extension Room {
    /// One phase of the rundown.
    public struct RundownRow: Equatable, Sendable {
        public var phase: Phase
        public var plannedStart: ClockTime
        /// Planned minutes, with the timekeeper's changes (+/-).
        public var plannedMinutes: Int
        /// When the phase first began and last ended (nil while running, or before it began).
        public var actualStart: Timestamp?
        public var actualEnd: Timestamp?
        /// Seconds spent in the phase, over every stretch of it (a step back and forth counts once).
        public var elapsedSeconds: Int
        public var isCurrent: Bool

        public var plannedSeconds: Int { plannedMinutes * 60 }
        /// Seconds left of the plan (negative: over).
        public var remainingSeconds: Int { plannedSeconds - elapsedSeconds }
        public var hasStarted: Bool { actualStart != nil }
    }

    /// How the running phase's clock stands.
    public enum ClockState: String, Sendable {
        case normal, warning, over
    }

    /// The speaker's light, as Toastmasters time a speech.
    public enum SpeakerLight: String, Sendable {
        case green, yellow, red, over
    }

    /// Times the room has been in each phase: [start, end) stretches, the last open while running.
    /// The reception begins with the day's first event.
    func stretches() -> [(phase: Phase, start: Timestamp, end: Timestamp?)] {
        var out = phaseHistory.enumerated().map { i, r in
            (phase: r.phase, start: r.since, end: i + 1 < phaseHistory.count ? phaseHistory[i + 1].since : nil)
        }
        if let start = dayStart { out.insert((.reception, start, phaseHistory.first?.since), at: 0) }
        return out
    }

    public func plannedMinutes(_ p: Phase) -> Int? {
        config.plan(for: p).map { $0.minutes + (planExtra[p] ?? 0) }
    }

    /// Every planned phase in order, with what happened.
    public func rundown(now: Timestamp) -> [RundownRow] {
        let spans = stretches()
        return config.phases.map { plan in
            let mine = spans.filter { $0.phase == plan.phase }
            let elapsed = mine.reduce(0) { $0 + Int((($1.end ?? now).millis - $1.start.millis) / 1000) }
            return RundownRow(phase: plan.phase, plannedStart: plan.start, plannedMinutes: plannedMinutes(plan.phase) ?? plan.minutes,
                              actualStart: mine.first?.start, actualEnd: phase == plan.phase ? nil : mine.last?.end,
                              elapsedSeconds: max(0, elapsed), isCurrent: phase == plan.phase && !mine.isEmpty)
        }
    }

    /// The running phase's row, if it has a plan and has begun.
    public func currentPhaseRow(now: Timestamp) -> RundownRow? { rundown(now: now).first { $0.isCurrent } }

    public func clockState(of row: RundownRow) -> ClockState {
        if row.remainingSeconds < 0 { return .over }
        if row.remainingSeconds <= config.warningMinutes * 60 { return .warning }
        return .normal
    }

    /// Seconds each introduction may take.
    public var secondsPerSpeaker: Int { config.plan(for: .introductions)?.secondsPerSpeaker ?? 60 }

    /// The current speaker's seconds so far, and their light.
    public func speakerClock(now: Timestamp) -> (person: Int, seconds: Int, light: SpeakerLight)? {
        guard let p = intro.current, let since = intro.currentSince else { return nil }
        let seconds = max(0, Int((now.millis - since.millis) / 1000))
        let limit = secondsPerSpeaker
        let light: SpeakerLight = seconds > limit ? .over : seconds == limit ? .red
            : seconds * 100 >= limit * config.yellowAt ? .yellow : .green
        return (p, seconds, light)
    }

    /// When the afternoon was planned to end and when it will end at this pace (minutes of the
    /// day), and how late that is. The running phase takes at least what is planned for it, and
    /// every later phase its planned length.
    public func projectedEnd(now: Timestamp) -> (planned: Int, projected: Int, lateMinutes: Int)? {
        let rows = rundown(now: now)
        guard let last = rows.last else { return nil }
        let planned = last.plannedStart.minutesOfDay + last.plannedMinutes
        guard let i = rows.firstIndex(where: \.isCurrent) else {
            // The day over: when it really ended. Before any planned phase: nothing to project.
            if phase == .closed, let end = phaseHistory.last?.since {
                let m = Room.minuteOfDay(end)
                return (planned, m, max(0, m - planned))
            }
            return (planned, planned, 0)
        }
        let nowMinutes = Room.minuteOfDay(now)
        var end = nowMinutes + max(0, rows[i].remainingSeconds + 59) / 60
        for r in rows[(i + 1)...] { end = max(end, r.plannedStart.minutesOfDay) + r.plannedMinutes }
        return (planned, end, max(0, end - planned))
    }

    static func minuteOfDay(_ t: Timestamp) -> Int { (Int(t.millis / 1000) + t.offsetMinutes * 60) / 60 % (24 * 60) }

    /// A speaker in the queue list: waiting, speaking, done or skipped, with their seconds.
    public struct QueueEntry: Equatable, Sendable {
        public enum Mark: String, Sendable { case waiting, speaking, done, skipped, away }
        public var person: Int
        public var mark: Mark
        /// Seconds spoken over all their turns.
        public var seconds: Int
    }

    /// Everyone in the introductions' order, done and skipped included, for the timekeeper.
    public func introList(now: Timestamp) -> [QueueEntry] {
        var spoken: [Int: Int] = [:]
        for t in intro.turns { spoken[t.person, default: 0] += t.seconds(now: now) }
        let done = Set(intro.done), skipped = Set(intro.skipped)
        return intro.order.map { p in
            let mark: QueueEntry.Mark = p == intro.current ? .speaking : done.contains(p) ? .done
                : skipped.contains(p) ? .skipped : presence[p].isHere ? .waiting : .away
            return QueueEntry(person: p, mark: mark, seconds: spoken[p] ?? 0)
        }
    }
}

extension Room {
    /// One line of the timeline export: a phase or a speaker, planned against what happened.
    public struct TimelineRow: Equatable, Sendable {
        public enum Kind: String, Sendable { case phase, speaker, photo }
        public var kind: Kind
        /// The phase's contract name, or the speaker's id.
        public var key: String
        public var name: String
        public var ministry: String
        /// Planned start ("14:15", phases only) and planned seconds.
        public var plannedStart: String
        public var plannedSeconds: Int
        public var actualStart: Timestamp?
        public var actualEnd: Timestamp?
        public var actualSeconds: Int
        /// Speakers: done, skipped, phaseEnded, left or speaking (their last turn), or never_spoke
        /// for a new PO in the queue who did not get a turn; phases and photos: empty.
        public var outcome: String
        public var turns: Int

        public var overSeconds: Int? { actualStart == nil || kind == .photo ? nil : actualSeconds - plannedSeconds }
    }

    /// Per phase and per speaker, planned vs actual (`mingle export timeline`).
    public func timeline(now: Timestamp) -> [TimelineRow] {
        var rows = rundown(now: now).map { r in
            TimelineRow(kind: .phase, key: r.phase.rawValue, name: r.phase.rawValue, ministry: "", plannedStart: r.plannedStart.description,
                        plannedSeconds: r.plannedSeconds, actualStart: r.actualStart, actualEnd: r.actualEnd,
                        actualSeconds: r.elapsedSeconds, outcome: "", turns: 0)
        }
        var order: [Int] = []
        var byPerson: [Int: [Turn]] = [:]
        for t in intro.turns {
            if byPerson[t.person] == nil { order.append(t.person) }
            byPerson[t.person, default: []].append(t)
        }
        for p in order {
            let turns = byPerson[p]!
            rows.append(TimelineRow(kind: .speaker, key: people[p].id, name: people[p].name, ministry: people[p].ministry,
                                    plannedStart: "", plannedSeconds: secondsPerSpeaker, actualStart: turns.first?.start,
                                    actualEnd: turns.last?.end, actualSeconds: turns.reduce(0) { $0 + $1.seconds(now: now) },
                                    outcome: turns.last!.outcome.rawValue, turns: turns.count))
        }
        // Those who were in the queue and never had a turn: the report says who was left out.
        for p in intro.order where byPerson[p] == nil {
            rows.append(TimelineRow(kind: .speaker, key: people[p].id, name: people[p].name, ministry: people[p].ministry,
                                    plannedStart: "", plannedSeconds: secondsPerSpeaker, actualStart: nil, actualEnd: nil,
                                    actualSeconds: 0, outcome: "never_spoke", turns: 0))
        }
        for t in photos {
            rows.append(TimelineRow(kind: .photo, key: "photo", name: "photo", ministry: "", plannedStart: "", plannedSeconds: 0,
                                    actualStart: t, actualEnd: nil, actualSeconds: 0, outcome: "", turns: 0))
        }
        return rows
    }
}
