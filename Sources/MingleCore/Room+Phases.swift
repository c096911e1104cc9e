/// What a phase change does to the room beyond the phase itself: the rules of the afternoon in
/// one place, used by the reducer to make the change and by the screens and the command line to
/// say what it will change before it happens ("12 people leave their stalls").
extension Room {
    public struct PhasePlan: Equatable, Sendable {
        /// People who leave their stalls: the tables empty for the photo.
        public var leave: [StallSeat] = []
        /// The speaker whose turn ends: the introductions are over.
        public var endTurnOf: Int?
        /// People who sit down again where they were: going back from the photo to the chat.
        public var back: [StallSeat] = []
        /// The speaker who speaks again: going back into the introductions.
        public var resumeTurnOf: Int?
        /// New POs still waiting to introduce themselves when the introductions end.
        public var notYetIntroduced = 0

        public var changesNothing: Bool { leave.isEmpty && endTurnOf == nil && back.isEmpty && resumeTurnOf == nil && notYetIntroduced == 0 }
    }

    /// The plan for moving from the current phase to `to`.
    public func phasePlan(to: Phase, move: PhaseMove) -> PhasePlan {
        var plan = PhasePlan()
        if phase == .chat && to > .chat {
            for s in seated.indices { for p in seated[s] { plan.leave.append(StallSeat(person: p, stall: s)) } }
        }
        if phase == .introductions && to != .introductions {
            plan.endTurnOf = intro.current
            plan.notYetIntroduced = introQueue.count
        }
        // Back to where the room was before this phase began: what the move into it changed is
        // put back (several steps back each undo their own step).
        if move == .back, let entry = entryRecord(of: phase, from: to) {
            plan.back = entry.leftStalls.filter { presence[$0.person].isHere && presence[$0.person].stall == nil }
            if let p = entry.endedTurnOf, intro.current == nil, presence[p].isHere, plan.endTurnOf != p { plan.resumeTurnOf = p }
        }
        return plan
    }

    /// The most recent step forward from `from` into `phase` — the one a step back undoes. Later
    /// back-and-forth moves are passed over: they changed nothing that this step back could restore.
    func entryRecord(of phase: Phase, from: Phase) -> PhaseRecord? {
        for i in phaseHistory.indices.reversed() where phaseHistory[i].phase == phase && phaseHistory[i].move != .back {
            let before = i > 0 ? phaseHistory[i - 1].phase : .reception
            return before == from ? phaseHistory[i] : nil
        }
        return nil
    }
}

/// What the screens and the command line ask for, turned into the events that do it. The rules
/// for the program live here, with typed refusals, so every front end says the same thing.
public enum Command: Equatable, Sendable {
    case phaseNext(reason: String)
    case phaseBack(reason: String)
    /// To a phase by name: a step forward or back, or a jump (which needs a reason).
    case phaseTo(Phase, reason: String)
    /// The current speaker is done and the next in the queue starts (or the first, if nobody speaks).
    case introNext
    case introDone
    /// Skip a waiting speaker, or the current one when nil.
    case introSkip(person: String?)
    /// The current speaker is skipped and the next in the queue starts (the timekeeper's `s`).
    case introSkipAndNext
    /// A waiting speaker one place earlier (-1) or later (+1) in the queue.
    case introShift(person: String, by: Int)
    /// Minutes more (or fewer) for the running phase.
    case planRunning(minutes: Int)
}

extension Room {
    public func events(for command: Command) throws(Refusal) -> [Event] {
        switch command {
        case .phaseNext(let reason):
            guard let next = phase.next else { throw Refusal(.dayClosed) }
            return [.phase(from: phase, to: next, move: .next, reason: reason)]
        case .phaseBack(let reason):
            guard let previous = phase.previous else { throw Refusal(.firstPhase) }
            return [.phase(from: phase, to: previous, move: .back, reason: reason)]
        case .phaseTo(let to, let reason):
            let move: PhaseMove = to == phase.next ? .next : to == phase.previous ? .back : .jump
            return [.phase(from: phase, to: to, move: move, reason: reason)]
        case .introNext:
            guard phase == .introductions else { throw Refusal(.introductionsNotRunning(now: phase)) }
            var events: [Event] = []
            if let c = intro.current { events.append(.introDone(person: people[c].id)) }
            guard let first = introQueue.first else {
                if events.isEmpty { throw Refusal(.nobodyWaiting) }
                return events
            }
            return events + [.introStart(person: people[first].id)]
        case .introDone:
            guard let c = intro.current else { throw Refusal(.nobodySpeaking) }
            return [.introDone(person: people[c].id)]
        case .introSkip(let id):
            if let id { return [.introSkip(person: id)] }
            guard let c = intro.current else { throw Refusal(.nobodySpeakingToSkip) }
            return [.introSkip(person: people[c].id)]
        case .introSkipAndNext:
            guard phase == .introductions else { throw Refusal(.introductionsNotRunning(now: phase)) }
            guard let c = intro.current else { throw Refusal(.nobodySpeakingToSkip) }
            let next = introQueue.first.map { [Event.introStart(person: people[$0].id)] } ?? []
            return [.introSkip(person: people[c].id)] + next
        case .introShift(let id, let by):
            guard let p = index(ofPerson: id), let at = introQueue.firstIndex(of: p) else {
                throw Refusal(.notWaiting(who: index(ofPerson: id).map(label) ?? id))
            }
            let to = at + by
            guard to >= 0, to < introQueue.count else { throw Refusal(by < 0 ? .alreadyFirst(who: label(p)) : .alreadyLast(who: label(p))) }
            return [.introMove(person: id, position: to + 1)]
        case .planRunning(let minutes):
            guard config.plan(for: phase) != nil, !phaseHistory.isEmpty else { throw Refusal(.phaseNotPlanned(phase)) }
            return [.plan(phase: phase, minutes: minutes)]
        }
    }
}
