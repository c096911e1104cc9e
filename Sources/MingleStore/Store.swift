#if canImport(Glibc)
import Glibc
#endif
import MingleCore

/// A store directory opened for use: its config, roster and log, and the state replayed from
/// them. Every write goes through `append`, and the state changes only when the log is read
/// back, the same path for this process's writes and everyone else's.
public final class Store {
    public static let logName = "events.log"

    public let directory: String
    public private(set) var config: EventConfig
    public private(set) var roster: [Person]
    public private(set) var state: State {
        didSet { generation &+= 1 }
    }
    /// Goes up whenever the state changes (a line read, an undo, a new roster): what a screen
    /// derived from the state is stale when the generation it was made at is not this one.
    public private(set) var generation = 0
    /// Goes up when the log was replaced (by `mingle repair`) and read again from its start: what
    /// was kept by position in the history is stale then.
    public private(set) var logEpoch = 0
    let log: EventLog
    /// Things the user should be told once (a torn log end set aside, …).
    public private(set) var notices: [String] = []
    /// event.toml or roster.csv was edited into something that does not read: the last good
    /// version stays in use, and this says what is wrong where, until the file is fixed.
    public private(set) var sourceProblem: StoreError?
    /// Problems across the two files that do not stop the day (a stall owner not on the roster).
    public private(set) var configProblems: [ConfigIssue] = []
    /// Warnings about event.toml (one owner on two stalls, phases planned to overlap).
    public private(set) var configWarnings: [ConfigIssue] = []
    private var configStamp: Posix.FileStamp?
    private var rosterStamp: Posix.FileStamp?
    /// The clock, injectable for tests. An injected clock is not compared with the disk's: only
    /// the real one can be off against it.
    public var now: () -> Timestamp = Posix.now { didSet { comparesClockWithDisk = false } }
    private var comparesClockWithDisk = true
    /// How far this computer's clock is ahead of (or, negative, behind) the clock of the disk the
    /// store is on, in milliseconds, as last measured (at a write, or once a minute on refresh);
    /// nil when not measured. Screens say so beyond a minute.
    public private(set) var clockSkew: Int64?
    /// The log's last line is stamped this many milliseconds after this computer's clock says it
    /// is now (over a minute), and who wrote it: this clock is behind, or that writer's was ahead
    /// (on one machine the disk cannot tell which). Nil otherwise.
    public private(set) var clockBehindLog: (millis: Int64, by: Author)?

    /// What to say about this computer's clock, if anything: off the disk's by over a minute
    /// (the disk says which clock is wrong), else behind the log's last line (one of two is).
    public enum ClockNotice: Equatable, Sendable {
        case offDisk(Int64)
        case behindLog(Int64, by: Author)
    }

    public var clockNotice: ClockNotice? {
        if let skew = clockSkew, abs(skew) > 60_000 { return .offDisk(skew) }
        return clockBehindLog.map { .behindLog($0.millis, by: $0.by) }
    }
    private var clockMeasuredAt = -Double.infinity
    /// The log as read ends before the line last confirmed (events.log.last): what is shown is an
    /// older day. Said on every screen and by every command until put right; writes are refused.
    public private(set) var lostLines: StoreError?
    /// The last time a repaired log was taken though it differs from what was shown: news for
    /// the screens to say once (a screen compares it with what it said last).
    public private(set) var repairedNews: HistoryProblem?
    /// A replaced log that does not hold what this store showed: kept out until it changes again.
    private var rejectedLog: (stamp: Posix.FileStamp?, error: StoreError)?

    public var configPath: String { directory + "/" + ConfigFile.fileName }
    public var rosterPath: String { directory + "/" + RosterFile.fileName }
    public var logPath: String { directory + "/" + Store.logName }
    public var logTail: EventLog.Tail? { log.tail }
    public var logLinesRead: Int { log.linesRead }

    /// Opens and replays a store. Throws `.noStore` when the folder holds no store.
    public init(directory: String, calls: FileCalls = .system) throws(StoreError) {
        self.directory = directory
        if let p = StoreAccess.openProblem(directory: directory) { throw .access(p) }
        try StoreAccess.refuseIfEveryoneMayWrite(directory)
        if Posix.exists(directory + "/" + ConfigFile.fileName), let p = StoreAccess.problem(directory: directory, write: false) {
            throw .access(p)
        }
        guard Posix.exists(directory + "/" + ConfigFile.fileName) else {
            throw .noStore(Posix.isDirectory(directory)
                ? (directory == "."
                    ? "This folder is not a mingle store (there is no \(ConfigFile.fileName) here). Name the store with --store DIR (or set MINGLE_STORE), or make one here with `mingle init .`."
                    : "\(directory) is not a mingle store (there is no \(ConfigFile.fileName) in it). Make one with `mingle init \(directory)`.")
                : "there is no folder \(directory). Make a store with `mingle init \(directory)`.")
        }
        configStamp = Posix.FileStamp(directory + "/" + ConfigFile.fileName)
        rosterStamp = Posix.FileStamp(directory + "/" + RosterFile.fileName)
        let sources = try Store.readSources(directory)
        (config, roster, configProblems, configWarnings) = sources
        log = try EventLog(path: directory + "/" + Store.logName, calls: calls)
        state = State(config: config, roster: roster)
        let events = try log.readNew()
        state = State.replay(config: config, roster: roster, events: events)
        lostLines = log.lostConfirmedLines()
        try Store.checkRosterIDs(rosterPath, state)
    }

    /// event.toml and roster.csv, read and checked against each other.
    static func readSources(_ directory: String) throws(StoreError)
        -> (EventConfig, [Person], problems: [ConfigIssue], warnings: [ConfigIssue]) {
        let (config, text, warnings) = try ConfigFile.loadText(directory + "/" + ConfigFile.fileName)
        let roster = try RosterFile.load(directory + "/" + RosterFile.fileName)
        return (config, roster, ConfigFile.ownerProblems(text, config, rosterIDs: Set(roster.map(\.id))), warnings)
    }

    /// An id a walk-in was given today must not turn up on the roster (typed in by hand): it
    /// would hide that walk-in and their check-in. Named with the roster's line.
    static func checkRosterIDs(_ rosterPath: String, _ state: State) throws(StoreError) {
        let walkIns = state.walkInIDsEver
        guard !walkIns.isEmpty, state.base.people.contains(where: { walkIns[$0.id] != nil }),
              let bytes = Posix.readFile(rosterPath) else { return }
        for (p, line) in RosterImport.read(bytes: bytes, file: RosterFile.fileName).people {
            if let name = walkIns[p.id] {
                throw .damaged(file: RosterFile.fileName, line: line,
                               problem: "the id \(p.id) was given to the walk-in \(name) today; give this row another id",
                               remedy: "Ids are never given twice: the walk-in's check-in would be lost.")
            }
        }
    }

    /// Picks up an edit of event.toml or roster.csv (by another terminal's import, or by hand):
    /// the state is made again from the log with the new files. An edit that does not read
    /// keeps the last good version and sets `sourceProblem`. True when anything changed.
    private func reloadSourcesIfEdited() -> Bool {
        let cs = Posix.FileStamp(configPath), rs = Posix.FileStamp(rosterPath)
        guard cs != configStamp || rs != rosterStamp else { return false }
        configStamp = cs
        rosterStamp = rs
        do {
            let sources = try Store.readSources(directory)
            let next = State.replay(config: sources.0, roster: sources.1, events: state.history)
            try Store.checkRosterIDs(rosterPath, next)
            (config, roster, configProblems, configWarnings) = sources
            sourceProblem = nil
            state = next
        } catch {
            sourceProblem = error
        }
        return true
    }

    /// Reads what others (and this process) appended since the last look. Returns true when the
    /// state changed. A log replaced (by `mingle repair`, or a copy moved over it), or whose lines
    /// already read were written over, is read again from the start (adoptReplacedLog).
    @discardableResult
    public func refresh() throws(StoreError) -> Bool {
        let edited = reloadSourcesIfEdited()
        measureClock(every: 60)
        let events = log.wasReplaced || log.changedInPlace ? [] : try log.readNew()
        if log.wasReplaced || log.changedInPlace {
            try adoptReplacedLog()
            return true
        }
        if events.isEmpty { return edited }
        state.apply(contentsOf: events)
        lostLines = log.lostConfirmedLines()
        return true
    }

    /// A log put in place of the one open here (`mingle repair`, or a copy moved over it) is taken
    /// only when it holds everything this store has shown, event for event; repair keeps every
    /// good line and adds after them. Anything else (an older copy, a line taken out) is said as
    /// damage, and the day as shown stays, rather than every screen going back to an older day.
    private func adoptReplacedLog() throws(StoreError) {
        let stamp = Posix.FileStamp(logPath)
        if let r = rejectedLog, r.stamp == stamp { throw r.error }
        let candidate = try EventLog(path: logPath, calls: log.calls)
        let events = try candidate.readNew()
        let shown = state.history
        // After `mingle repair` went on from this log, the organisers chose it: it is taken (repair
        // kept a copy of everything, and its note, numbered after all shown, says what it did).
        let repaired = events.contains { e in
            if case .note(let text) = e.event, text.hasPrefix("repair "), e.seq > (shown.last?.seq ?? 0) { true } else { false }
        }
        let differ = Store.firstDifference(shown: shown, in: events)
        if repaired, let differ { repairedNews = .repaired(line: differ + 1, shownLast: shown.last?.seq ?? 0) }
        if !repaired, let differ {
            let error = StoreError.history(.replaced(line: differ + 1, has: events.count, hasLast: events.last?.seq ?? 0,
                                                     shown: shown.count, shownLast: shown.last?.seq ?? 0))
            rejectedLog = (stamp, error)
            throw error
        }
        rejectedLog = nil
        try log.adopt(candidate)
        state = State.replay(config: config, roster: roster, events: events)
        lostLines = log.lostConfirmedLines()
        logEpoch += 1
    }

    /// The index of the first event shown that `events` does not hold as it was, or nil when
    /// `events` holds every one of them first.
    static func firstDifference(shown: [LoggedEvent], in events: [LoggedEvent]) -> Int? {
        for i in shown.indices {
            guard i < events.count else { return i }
            let a = shown[i], b = events[i]
            if a.seq != b.seq || a.time != b.time || a.event != b.event { return i }
        }
        return nil
    }

    /// Measures `clockSkew` against the disk's clock, at most every `seconds`.
    private func measureClock(every seconds: Double) {
        guard comparesClockWithDisk, Posix.monotonicSeconds() - clockMeasuredAt >= seconds else { return }
        clockMeasuredAt = Posix.monotonicSeconds()
        let t = now()
        if let disk = Posix.fileSystemNow(in: directory) { clockSkew = t.millis - disk }
        if let last = state.history.last, last.time.millis - t.millis > 60_000 {
            clockBehindLog = (last.time.millis - t.millis, last.author)
        } else {
            clockBehindLog = nil
        }
    }

    /// A line is stamped no earlier than the last line (time never runs backwards in the log, so
    /// a terminal whose clock is behind cannot make minutes negative), and a clock more than an
    /// hour ahead of the disk's is refused: its stamp would drag every later line's time with it.
    static let maxClockAheadMillis: Int64 = 3_600_000

    private func stamp() throws(StoreError) -> Timestamp {
        measureClock(every: 1)
        var t = now()
        if let skew = clockSkew, skew > Store.maxClockAheadMillis {
            throw .history(.clockAhead(clock: t, disk: Timestamp(millis: t.millis - skew, offsetMinutes: t.offsetMinutes)))
        }
        if let last = state.lastTime, t < last { t = Timestamp(millis: last.millis, offsetMinutes: t.offsetMinutes) }
        return t
    }

    /// Appends the events `make` decides on, atomically for all of them: lets `make` look at the
    /// up-to-date state under the lock (so two terminals cannot seat the last chair twice), checks
    /// every event against the rules, and writes them as one block. A refusal writes nothing.
    /// `desk`: a role-locked terminal's role, which limits what it may write (Desk.swift).
    /// `saw`: the facts the user decided on (Seen.swift); one that no longer holds refuses the
    /// action with what changed and who changed it, before `make` is asked.
    @discardableResult
    public func append(by author: Author, desk: Desk? = nil, saw: [Seen] = [], _ make: (State) throws(Refusal) -> [Event]) throws(StoreError) -> [LoggedEvent] {
        try writeLocked { state, time throws(StoreError) in
            if let stale = state.staleness(saw) { throw .refused(stale) }
            let events = try refused { () throws(Refusal) in try make(state) }
            try refused { () throws(Refusal) in try state.check(events, at: time, by: author, desk: desk) }
            // Several events from one action share a group, so one undo takes them all back.
            let group = events.count > 1 ? state.lastSeq + 1 : nil
            return events.enumerated().map { i, e in
                LoggedEvent(seq: state.lastSeq + 1 + i, time: time, author: author, event: e, group: group)
            }
        }
    }

    /// One event, the common case.
    @discardableResult
    public func append(_ event: Event, by author: Author) throws(StoreError) -> LoggedEvent {
        try append(by: author) { _ in [event] }[0]
    }

    /// Writes many events with their own times under one lock and one fsync (simulate, bulk
    /// tools). Events are checked like any other; a refused one stops the batch before anything
    /// is written.
    public func appendBatch(_ events: [(Event, Timestamp)], by author: Author) throws(StoreError) {
        try writeLocked { state, _ throws(StoreError) in
            var probe = state
            var logged: [LoggedEvent] = []
            logged.reserveCapacity(events.count)
            for (e, time) in events {
                let le = LoggedEvent(seq: probe.lastSeq + 1, time: time, author: author, event: e)
                try refused { () throws(Refusal) in
                    do throws(Refusal) { try probe.applyChecked(le) } catch { throw Refusal("event \(le.seq) (\(e.kind)): \(error.reason)") }
                }
                logged.append(le)
            }
            return logged
        }
    }

    /// A rule's refusal as the store's error.
    private func refused<T>(_ body: () throws(Refusal) -> T) throws(StoreError) -> T {
        do { return try body() } catch { throw .refused(error) }
    }

    /// The one write path: takes the lock (reopening a log that `repair` replaced), catches up with
    /// the log, refuses a log that lost lines already confirmed, sets a torn end aside, asks
    /// `decide` for the lines against that state and the time to stamp, writes them in one block
    /// with fsync, linked to the line before, and reads them back like any other terminal's. A
    /// line that does not read back is cut off again and the write refused: what a writer
    /// confirms, every reader accepts.
    @discardableResult
    private func writeLocked(_ decide: (State, Timestamp) throws(StoreError) -> [LoggedEvent]) throws(StoreError) -> [LoggedEvent] {
        try log.lock()
        defer { log.unlock() }
        if log.wasReplaced {
            log.unlock()
            try refresh()
            try log.lock()
        }
        try refresh()
        if let lost = log.lostConfirmedLines() { throw lost }
        if let bad = log.lastConfirmedFileProblem() { throw bad }
        if let notice = try log.setAsideTail(now: now()) { notices.append(notice) }
        let logged = try decide(state, try stamp())
        guard !logged.isEmpty else { return [] }
        let before = log.offset
        try log.write(LogLineCodec.encode(logged, after: log.chain.lastCRC ?? 0))
        try refresh()
        guard log.lastSeq == logged.last!.seq, log.tail == nil else {
            let why = log.tail?.problem ?? "it was not read back as written"
            try log.cutBack(to: before)
            throw .io("The new line could not be read back (\(why)), so it was taken out again; nothing was written.")
        }
        if let notice = log.confirm() { notices.append(notice) }
        return logged
    }

    /// Replaces the roster (after an import). Check-ins live in the log by id, so they stay.
    public func saveRoster(_ people: [Person]) throws(StoreError) {
        _ = try updateRoster { _, _ throws(StoreError) in people }
    }

    /// Changes the roster under the log's lock, against the roster and state as they are now
    /// (another desk may have imported a moment ago), and writes it atomically (a new file,
    /// then rename): a terminal following the store reads either the old file or the new one.
    /// `change` returns the new roster, or nil to write nothing.
    @discardableResult
    public func updateRoster(_ change: ([Person], State) throws(StoreError) -> [Person]?) throws(StoreError) -> [Person]? {
        try log.lock()
        defer { log.unlock() }
        try refresh()
        if let problem = sourceProblem { throw problem }
        guard let people = try change(roster, state) else { return nil }
        try RosterFile.save(people, to: rosterPath)
        rosterStamp = Posix.FileStamp(rosterPath)
        roster = people
        configProblems = ConfigFile.ownerProblems(Posix.readFile(configPath).map { String(decoding: $0, as: UTF8.self) } ?? "",
                                                  config, rosterIDs: Set(people.map(\.id)))
        state = State.replay(config: config, roster: roster, events: state.history)
        return people
    }
}
