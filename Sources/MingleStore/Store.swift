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
    public private(set) var state: State
    let log: EventLog
    /// Things the user should be told once (a torn log end set aside, …).
    public private(set) var notices: [String] = []
    /// The clock, injectable for tests.
    public var now: () -> Timestamp = Posix.now

    public var configPath: String { directory + "/" + ConfigFile.fileName }
    public var rosterPath: String { directory + "/" + RosterFile.fileName }
    public var logPath: String { directory + "/" + Store.logName }
    public var logTail: EventLog.Tail? { log.tail }
    public var logLinesRead: Int { log.linesRead }

    /// Opens and replays a store. Throws `.noStore` when the folder holds no store.
    public init(directory: String, calls: FileCalls = .system) throws(StoreError) {
        self.directory = directory
        guard Posix.exists(directory + "/" + ConfigFile.fileName) else {
            throw .noStore(Posix.isDirectory(directory)
                ? "\(directory) is not a mingle store (there is no \(ConfigFile.fileName) in it). Make one with `mingle init \(directory)`."
                : "there is no folder \(directory). Make a store with `mingle init \(directory)`.")
        }
        config = try ConfigFile.load(directory + "/" + ConfigFile.fileName)
        roster = try RosterFile.load(directory + "/" + RosterFile.fileName)
        log = try EventLog(path: directory + "/" + Store.logName, calls: calls)
        state = State(config: config, roster: roster)
        let events = try log.readNew()
        state = State.replay(config: config, roster: roster, events: events)
    }

    /// Reads what others (and this process) appended since the last look. Returns true when the
    /// state changed. A log replaced by `mingle repair` is reopened and replayed from the start.
    @discardableResult
    public func refresh() throws(StoreError) -> Bool {
        if log.wasReplaced {
            try log.reopen()
            state = State.replay(config: config, roster: roster, events: try log.readNew())
            return true
        }
        let events = try log.readNew()
        if events.isEmpty { return false }
        state.apply(contentsOf: events)
        return true
    }

    /// Appends the events `make` decides on, atomically for all of them: takes the lock, catches
    /// up with the log, lets `make` look at the up-to-date state (so two terminals cannot seat the
    /// last chair twice), checks every event against the rules, writes one block, fsyncs, and
    /// reads the lines back. A refusal writes nothing.
    @discardableResult
    public func append(by author: Author, _ make: (State) throws(Refusal) -> [Event]) throws(StoreError) -> [LoggedEvent] {
        try log.lock()
        defer { log.unlock() }
        if log.wasReplaced {
            log.unlock()
            try refresh()
            try log.lock()
        }
        try refresh()
        if let notice = try log.setAsideTail(now: now()) { notices.append(notice) }
        let events: [Event]
        do { events = try make(state) } catch { throw .refused(error) }
        let time = now()
        do { try state.check(events, at: time, by: author) } catch { throw .refused(error) }
        var logged: [LoggedEvent] = []
        var bytes: [UInt8] = []
        for (i, e) in events.enumerated() {
            let le = LoggedEvent(seq: state.lastSeq + 1 + i, time: time, author: author, event: e)
            logged.append(le)
            bytes += LogLineCodec.encode(le)
        }
        guard !bytes.isEmpty else { return [] }
        try log.write(bytes)
        try refresh()
        return logged
    }

    /// One event, the common case.
    @discardableResult
    public func append(_ event: Event, by author: Author) throws(StoreError) -> LoggedEvent {
        try append(by: author) { _ in [event] }[0]
    }

    /// Writes many events under one lock and one fsync (simulate, bulk tools). Events are
    /// checked like any other; a refused one stops the batch before anything is written.
    public func appendBatch(_ events: [(Event, Timestamp)], by author: Author) throws(StoreError) {
        try log.lock()
        defer { log.unlock() }
        try refresh()
        if let notice = try log.setAsideTail(now: now()) { notices.append(notice) }
        var probe = state
        var bytes: [UInt8] = []
        bytes.reserveCapacity(events.count * 130)
        for (e, time) in events {
            let le = LoggedEvent(seq: probe.lastSeq + 1, time: time, author: author, event: e)
            do { try probe.applyChecked(le) } catch { throw .refused(Refusal("event \(le.seq) (\(e.kind)): \(error.reason)")) }
            bytes += LogLineCodec.encode(le)
        }
        try log.write(bytes)
        try refresh()
    }

    /// Replaces the roster (after an import). Check-ins live in the log by id, so they stay.
    public func saveRoster(_ people: [Person]) throws(StoreError) {
        try RosterFile.save(people, to: rosterPath)
        roster = people
        state = State.replay(config: config, roster: roster, events: state.history)
    }
}
