import MingleCore
import MingleStore
import MingleTerminal

/// Writing through the store, undo, and what the message line says about it.
extension App {
    /// Reads what anyone appended. A damaged or unreadable store becomes the problem line, never
    /// a crash; it goes away when the store is fine again.
    @discardableResult
    public func refresh() -> Bool {
        var changed = checkStore()
        do {
            if try store.refresh() { changed = true }
            if readProblem != nil { readProblem = nil; changed = true }
        } catch {
            let text = problemText(error)
            if readProblem != text { readProblem = text; changed = true }
        }
        storeProblem = currentProblem
        if let news = store.repairedNews, news != repairedNewsSaid {
            repairedNewsSaid = news
            say(strings.history(news), error: true)
            changed = true
        }
        if let t = messageTime, message != nil, now().millis - t.millis >= App.messageSeconds * 1000 {
            message = nil
            changed = true
        }
        return changed
    }

    /// An edit of event.toml or roster.csv that does not read (the last good version is still in
    /// use), or a stall owner missing from the roster: said with file and line until fixed.
    var sourceProblemText: String? {
        if let e = store.sourceProblem { return "\(strings.sourceKept)\(strings.colon)\(e.description)" }
        return store.configProblems.first.map { "\(strings.configProblem)\(strings.colon)\($0.description)" }
    }

    /// The one problem line, the most urgent first: the log unreadable, the log older than what was
    /// confirmed, a file that does not read, no permission, a clock off.
    var currentProblem: String? {
        readProblem ?? store.lostLines.map(problemText) ?? sourceProblemText ?? accessProblem ?? clockProblemText
    }

    /// A clock more than a minute off the disk's, or behind the log's last line: said, since every
    /// time this terminal stamps (and the minutes at stalls) depends on it.
    var clockProblemText: String? {
        switch store.clockNotice {
        case .offDisk(let skew)?: strings.clockOff(skew)
        case .behindLog(let millis, let by)?: strings.clockBehindLog(millis, by: by)
        case nil: nil
        }
    }

    /// Whether this user can read, and in a role that writes, write the store: asked at start and
    /// then at most once a second, so a fixed permission is noticed without a restart.
    @discardableResult
    func checkStore() -> Bool {
        let t = now().millis
        guard t - storeProblemCheckedAt >= 1000 else { return false }
        storeProblemCheckedAt = t
        let needsWrite = screen != .board || !locked
        let text = StoreAccess.problem(directory: store.directory, write: needsWrite).map(strings.access)
        guard text != accessProblem else { return false }
        accessProblem = text
        storeProblem = currentProblem
        return true
    }

    /// Appends through the store; what happened, or why not, goes on the message line. `saw`:
    /// what the screen showed when the key was pressed (taken then, not when a question about it
    /// is answered), checked under the lock against what is true now.
    @discardableResult
    func write(saw: [Seen] = [], _ make: (State) throws(Refusal) -> [Event]) -> [LoggedEvent]? {
        do {
            let before = store.state.room, refusedBefore = store.state.refused
            let written = try store.append(by: author, desk: desk, saw: saw, make)
            if let e = written.last { say(describe(e, before: before) + knockOn(refusedBefore, before)) }
            return written
        } catch {
            show(error: error)
            return nil
        }
    }

    /// The confirmation for what was just written; an undo or redo names every event of the
    /// action it took back or put back.
    func describe(_ e: LoggedEvent, before: Room) -> String {
        let state = store.state
        if case .undo(let seq) = e.event, let target = state.event(seq: seq) {
            if case .undo(let original) = target.event {
                let back = state.events(ofAction: original).map { strings.describe($0.event, in: state.room) }
                return "\(strings.redid)\(strings.colon)" + back.joined(separator: strings.listSeparator)
            }
            let taken = state.events(ofAction: seq).map { strings.describe($0.event, in: before) }
            return "\(strings.undid)\(strings.colon)" + taken.joined(separator: strings.listSeparator)
        }
        if case .walkIn(let p) = e.event {
            return "\(strings.walkInSaved): \(p.name)\(p.ministry.isEmpty ? "" : " (\(p.ministry))") \(p.id)"
        }
        if case .seat(let id, let stall, _) = e.event, let p = before.index(ofPerson: id), let from = before.presence[p].stall,
           before.stalls[from].id != stall {
            // Someone seated elsewhere moved: say from where.
            return strings.describe(e.event, in: store.state.room) + strings.fill(strings.stall.seatedFrom, before.stalls[from].name)
        }
        return strings.describe(e.event, in: store.state.room)
    }

    /// What an undo took away with it: later events that needed what it took back ("so #12,
    /// seated 林明哲 at 開放政府, no longer applies"). Nothing changes without being said.
    func knockOn(_ refusedBefore: [Int: String], _ before: Room) -> String {
        let state = store.state
        let lost = state.refused.keys.filter { refusedBefore[$0] == nil }.sorted()
        guard !lost.isEmpty else { return "" }
        let what = lost.prefix(3).compactMap { seq in state.event(seq: seq).map { strings.describe($0.event, in: before) } }
        return strings.fill(strings.knockOn, what.joined(separator: strings.listSeparator) + (lost.count > 3 ? "…" : ""))
    }

    /// What undo and redo would take back or put back now. Asked for every frame (the hint line
    /// shows the keys only when they work), answered once per change of the log.
    func undoable() -> (undo: LoggedEvent?, redo: LoggedEvent?) {
        if let c = undoCache, c.generation == store.generation { return (c.undo, c.redo) }
        let s = store.state
        // This terminal's events: found once, then only among what the log gained since.
        if mine.epoch != store.logEpoch || mine.count > s.history.count { mine = (store.logEpoch, 0, []) }  // the log was replaced
        mine.positions += s.positions(of: author, from: mine.count)
        mine.count = s.history.count
        let answer = (undo: s.lastUndoable(among: mine.positions), redo: s.lastRedoable(among: mine.positions))
        undoCache = (store.generation, answer.undo, answer.redo)
        return answer
    }

    /// Takes back this terminal's last action still in effect; again, the one before.
    func undo() {
        guard let last = undoable().undo else {
            say(strings.nothingToUndo, error: true)
            return
        }
        write { _ in [.undo(seq: last.seq)] }
    }

    /// Puts back what this terminal's last undo took back.
    func redo() {
        guard let undo = undoable().redo else {
            say(strings.nothingToRedo, error: true)
            return
        }
        write { _ in [.undo(seq: undo.seq)] }
    }

    public func say(_ text: String, error: Bool = false) {
        message = Message(text: text, isError: error)
        messageTime = now()
    }

    func show(error: StoreError) {
        switch error {
        case .refused(let why): say(strings.refusal(why), error: true)
        default: say(problemText(error), error: true)
        }
    }

    func problemText(_ error: StoreError) -> String {
        if case .access(let p) = error { return strings.access(p) }
        if case .history(let h) = error { return "\(strings.storeProblem)\(strings.colon)\(strings.history(h))" }
        return "\(strings.storeProblem)\(strings.colon)\(error.description)"
    }
}
