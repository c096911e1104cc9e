/// The whole state: the room plus the history it was built from. The log is the one source of
/// truth; `State.replay` and repeated `apply` give the same result (a property test proves it).
///
/// Undo: an `undo` event cancels an earlier action — every event that action wrote (see
/// `LoggedEvent.group`); undoing an undo redoes. The room is then rebuilt from the effective
/// events, so the consequences are exact: a later event that depended on a cancelled one (a seat
/// after an undone check-in) no longer applies and is listed in `refused`. Undos are rare human
/// actions; a rebuild of 100,000 events takes tens of ms.
public struct State: Equatable, Sendable {
    public private(set) var room: Room
    public private(set) var history: [LoggedEvent] = []
    /// Sequence numbers of events cancelled by an effective undo.
    public private(set) var cancelled: Set<Int> = []
    /// Events in the log that did not apply when replayed (seq → reason).
    public private(set) var refused: [Int: String] = [:]
    /// The room before any event: the roster and the stalls.
    public let base: Room

    public init(config: EventConfig, roster: [Person]) {
        base = Room(config: config, roster: roster)
        room = base
    }

    public var lastSeq: Int { history.last?.seq ?? 0 }
    public var lastTime: Timestamp? { history.last?.time }

    /// Builds the state from a whole log at once: undos resolved first, each event applied once.
    public static func replay(config: EventConfig, roster: [Person], events: [LoggedEvent]) -> State {
        var s = State(config: config, roster: roster)
        s.history = events
        s.cancelled = s.cancellations()
        s.rebuild()
        return s
    }

    /// Applies one more event from the log (in sequence order).
    public mutating func apply(_ e: LoggedEvent) {
        history.append(e)
        if case .undo = e.event {
            cancelled = cancellations()
            rebuild()
        } else {
            applyToRoom(e)
        }
    }

    /// Applies several events; one rebuild at most.
    public mutating func apply<S: Sequence>(contentsOf events: S) where S.Element == LoggedEvent {
        var hasUndo = false
        for e in events {
            if case .undo = e.event { hasUndo = true }
            if hasUndo { history.append(e) } else { apply(e) }
        }
        if hasUndo {
            cancelled = cancellations()
            rebuild()
        }
    }

    /// Applies the event only if the rules allow it now; throws the reason and changes nothing
    /// otherwise.
    public mutating func applyChecked(_ e: LoggedEvent) throws(Refusal) {
        guard e.seq > lastSeq else { throw Refusal(.outOfOrder(seq: e.seq, last: lastSeq)) }
        try check(e.event)
        if case .undo = e.event {
            apply(e)
            return
        }
        try room.apply(e.event, at: e.time, by: e.author)
        history.append(e)
    }

    /// What a writer asks before appending: would these events apply, one after the other, now?
    /// Throws the first refusal. Copies nothing for a single event (the usual case).
    public func check(_ events: [Event], at time: Timestamp, by author: Author) throws(Refusal) {
        guard events.count > 1 else {
            if let e = events.first { try check(e) }
            return
        }
        var probe = self
        for e in events { try probe.applyChecked(LoggedEvent(seq: probe.lastSeq + 1, time: time, author: author, event: e)) }
    }

    /// Would this one event apply now? Beyond the room's rules: a walk-in's id must never have
    /// been given before, and a redo must fit the room as it is now.
    public func check(_ event: Event) throws(Refusal) {
        switch event {
        case .undo(let target):
            let e = try undoTarget(target)
            if case .undo = e.event { try checkRedo(of: e) }
        case .walkIn(let p):
            if let name = walkInIDsEver[p.id], room.index(ofPerson: p.id) == nil {
                throw Refusal(.idUsedBefore(id: p.id, by: name))
            }
            try room.check(event)
        default:
            try room.check(event)
        }
    }

    /// The event an undo of `seq` would cancel or restore, after checking it can be undone.
    public func undoTarget(_ seq: Int) throws(Refusal) -> LoggedEvent {
        guard let e = event(seq: seq) else { throw Refusal(.noSuchEvent(seq: seq)) }
        if case .note = e.event { throw Refusal(.cannotUndoNote(seq: seq)) }
        guard !cancelled.contains(seq) else {
            let by = history.last { if case .undo(let t) = $0.event { t == seq && !cancelled.contains($0.seq) } else { false } }?.author
            throw Refusal(.alreadyUndone(seq: seq, kind: e.event.kind, by: by))
        }
        return e
    }

    /// A redo puts an action back into a room that went on without it. It never removes anyone:
    /// it is refused when someone registered since would no longer be there (their walk-in would
    /// no longer apply). Other consequences are what the room was before the undo: a seat taken
    /// later in a full stall gives way again.
    private func checkRedo(of undo: LoggedEvent) throws(Refusal) {
        var probe = self
        probe.history.append(LoggedEvent(seq: lastSeq + 1, time: lastTime ?? undo.time, author: undo.author, event: .undo(seq: undo.seq)))
        probe.cancelled = probe.cancellations()
        probe.rebuild()
        for (seq, why) in probe.refusalWhy.sorted(by: { $0.key < $1.key }) where refused[seq] == nil && !cancelled.contains(seq) {
            if case .walkIn = event(seq: seq)?.event { throw Refusal(.redoDoesNotFit(seq: seq, because: why)) }
        }
    }

    /// The reasons behind `refused`, as data (for the redo check's message in any language).
    private var refusalWhy: [Int: Refusal.Why] = [:]

    /// Where this writer's events are in the history, oldest first. A screen keeps this list and
    /// extends it as the log grows (`positions(of:after:)`), so it never scans the whole day again.
    public func positions(of author: Author, from start: Int = 0) -> [Int] {
        (min(start, history.count)..<history.count).filter { history[$0].author.isSameTerminal(as: author) }
    }

    /// The most recent action by this user on this terminal that is still in effect and can be
    /// undone: pressing undo again goes one action further back.
    public func lastUndoable(by author: Author) -> LoggedEvent? { lastUndoable(among: positions(of: author)) }

    /// The same, among the writer's events at these places in the history.
    public func lastUndoable(among positions: [Int]) -> LoggedEvent? {
        positions.reversed().lazy.map { history[$0] }.first { e in
            guard !cancelled.contains(e.seq), refused[e.seq] == nil, e.group == nil || e.group == e.seq else { return false }
            switch e.event {
            case .note, .undo: return false
            default: return true
            }
        }
    }

    /// The undo this terminal could take back (a redo): its latest undo still in effect, as long
    /// as it has done nothing new since. Redone actions are passed over, so redo goes forward
    /// again one action at a time.
    public func lastRedoable(by author: Author) -> LoggedEvent? { lastRedoable(among: positions(of: author)) }

    public func lastRedoable(among positions: [Int]) -> LoggedEvent? {
        for e in positions.reversed().lazy.map({ history[$0] }) {
            if cancelled.contains(e.seq) { continue }
            switch e.event {
            case .note: continue
            case .undo(let target):
                if let t = event(seq: target), case .undo = t.event { continue }  // a redo: look further back
                return e
            default:
                return nil  // something new since the last undo: nothing to redo
            }
        }
        return nil
    }

    /// Every event of the action `seq` belongs to, in order. An action's events were written as
    /// one block, so they follow each other in the log.
    public func members(ofAction seq: Int) -> [Int] {
        guard let first = event(seq: seq)?.action, let i = position(ofSeq: first), history[i].group == first else { return [seq] }
        var out = [first], j = i + 1
        while j < history.count, history[j].group == first {
            out.append(history[j].seq)
            j += 1
        }
        return out
    }

    /// Every id a walk-in was ever given, with the name: those in the room, and those undone or
    /// no longer applying. Made when asked (a walk-in, an import), never during replay.
    public var walkInIDsEver: [String: String] {
        var out: [String: String] = [:]
        for p in room.people[room.invitedCount...] { out[p.id] = p.name }
        for seq in cancelled.union(refused.keys) {
            if let e = event(seq: seq), case .walkIn(let p) = e.event { out[p.id] = p.name }
        }
        return out
    }

    /// The events of an action, for saying what an undo took back.
    public func events(ofAction seq: Int) -> [LoggedEvent] { members(ofAction: seq).compactMap(event(seq:)) }

    public func event(seq: Int) -> LoggedEvent? { position(ofSeq: seq).map { history[$0] } }

    /// Where `seq` is in the history. Sequence numbers increase along it: binary search.
    func position(ofSeq seq: Int) -> Int? {
        var lo = 0, hi = history.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let s = history[mid].seq
            if s == seq { return mid }
            if s < seq { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }

    /// The next walk-in id: one more than the highest W-number ever given (or on the roster), so
    /// an id is never given twice, even after an undo.
    public func nextWalkInID() -> String {
        let ids = Array(walkInIDsEver.keys) + base.people.map(\.id)
        let highest = ids.compactMap(State.walkInNumber).max() ?? 0
        let digits = String(highest + 1)
        return "W" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// 12 for "W012"; nil for ids of another shape.
    static func walkInNumber(_ id: String) -> Int? {
        guard id.count > 1, id.first == "W" || id.first == "w" else { return nil }
        return Int(id.dropFirst())
    }

    /// Walks back from the newest event: an undo that is itself in effect cancels every event of
    /// its target's action.
    func cancellations() -> Set<Int> {
        var out: Set<Int> = []
        for e in history.reversed() {
            guard case .undo(let target) = e.event, !out.contains(e.seq), target < e.seq else { continue }
            for m in members(ofAction: target) { out.insert(m) }
        }
        return out
    }

    private mutating func rebuild() {
        room = base
        refused = [:]
        refusalWhy = [:]
        let events = history
        events.withUnsafeBufferPointer { buf in
            for i in buf.indices where !cancelled.contains(buf[i].seq) { applyToRoom(buf[i]) }
        }
    }

    private mutating func applyToRoom(_ e: LoggedEvent) {
        if case .undo(let target) = e.event {
            if target >= e.seq || event(seq: target) == nil {
                refused[e.seq] = "undo of an unknown event \(target)"
                refusalWhy[e.seq] = .noSuchEvent(seq: target)
            }
            return
        }
        do {
            try room.apply(e.event, at: e.time, by: e.author)
        } catch {
            refused[e.seq] = error.reason
            refusalWhy[e.seq] = error.why
        }
    }
}
