/// The whole state: the room plus the history it was built from. The log is the one source of
/// truth; `State.replay` and repeated `apply` give the same result (a property test proves it).
///
/// Undo: an `undo` event cancels an earlier event (undoing an undo redoes it). The room is then
/// rebuilt from the effective events, so the consequences of cancelling are exact: a later event
/// that depended on the cancelled one (a seat after an undone check-in) no longer applies and is
/// listed in `refused`. Undos are rare human actions; a rebuild of 100,000 events takes ~tens of ms.
public struct State: Equatable, Sendable {
    public private(set) var room: Room
    public private(set) var history: [LoggedEvent] = []
    /// Sequence numbers of events cancelled by an effective undo.
    public private(set) var cancelled: Set<Int> = []
    /// Events in the log that did not apply when replayed (seq → reason).
    public private(set) var refused: [Int: String] = [:]
    let base: Room

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
        s.cancelled = cancellations(of: events)
        s.rebuild()
        return s
    }

    /// Applies one more event from the log (in sequence order).
    public mutating func apply(_ e: LoggedEvent) {
        history.append(e)
        if case .undo = e.event {
            cancelled = State.cancellations(of: history)
            rebuild()
        } else {
            applyToRoom(e)
        }
    }

    /// Applies several events; one rebuild at most.
    public mutating func apply<S: Sequence>(contentsOf events: S) where S.Element == LoggedEvent {
        var hasUndo = false
        for e in events {
            if case .undo = e.event { hasUndo = true; history.append(e) } else if hasUndo { history.append(e) } else { apply(e) }
        }
        if hasUndo {
            cancelled = State.cancellations(of: history)
            rebuild()
        }
    }

    /// Applies the event only if the rules allow it now; throws the reason and changes nothing
    /// otherwise.
    public mutating func applyChecked(_ e: LoggedEvent) throws(Refusal) {
        guard e.seq > lastSeq else { throw Refusal(.outOfOrder(seq: e.seq, last: lastSeq)) }
        if case .undo(let target) = e.event {
            _ = try undoTarget(target)
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

    /// Would this one event apply now?
    public func check(_ event: Event) throws(Refusal) {
        if case .undo(let target) = event {
            _ = try undoTarget(target)
        } else {
            try room.check(event)
        }
    }

    /// The event an undo of `seq` would cancel or restore, after checking it can be undone.
    public func undoTarget(_ seq: Int) throws(Refusal) -> LoggedEvent {
        guard let e = event(seq: seq) else { throw Refusal(.noSuchEvent(seq: seq)) }
        if case .note = e.event { throw Refusal(.cannotUndoNote(seq: seq)) }
        guard !cancelled.contains(seq) else {
            let by = history.last { if case .undo(seq) = $0.event { !cancelled.contains($0.seq) } else { false } }?.author
            throw Refusal(.alreadyUndone(seq: seq, kind: e.event.kind, by: by))
        }
        return e
    }

    /// The most recent event by this user on this terminal that is still in effect and can be undone.
    public func lastUndoable(by author: Author) -> LoggedEvent? {
        history.last { e in
            guard e.author.user == author.user, e.author.terminal == author.terminal,
                  !cancelled.contains(e.seq), refused[e.seq] == nil else { return false }
            if case .note = e.event { return false }
            return true
        }
    }

    public func event(seq: Int) -> LoggedEvent? {
        // Sequence numbers increase along the history: binary search.
        var lo = 0, hi = history.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let s = history[mid].seq
            if s == seq { return history[mid] }
            if s < seq { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }

    /// Walks back from the newest event: an undo that is itself in effect cancels its target.
    static func cancellations(of events: [LoggedEvent]) -> Set<Int> {
        var out: Set<Int> = []
        for e in events.reversed() {
            guard case .undo(let target) = e.event, !out.contains(e.seq), target < e.seq else { continue }
            out.insert(target)
        }
        return out
    }

    private mutating func rebuild() {
        room = base
        refused = [:]
        for e in history where !cancelled.contains(e.seq) { applyToRoom(e) }
    }

    private mutating func applyToRoom(_ e: LoggedEvent) {
        if case .undo(let target) = e.event {
            if target >= e.seq || event(seq: target) == nil { refused[e.seq] = "undo of an unknown event \(target)" }
            return
        }
        do {
            try room.apply(e.event, at: e.time, by: e.author)
        } catch {
            refused[e.seq] = error.reason
        }
    }
}
