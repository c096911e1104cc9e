#if canImport(Glibc)
import Glibc
#endif
import MingleCore

/// The append-only log file: reads new complete lines by byte offset, appends under an
/// exclusive flock, and sets aside a torn tail. Never rewrites a line in place.
public final class EventLog {
    /// Bytes after the last good line that are not (yet) good lines themselves.
    public struct Tail: Equatable, Sendable {
        /// 1-based line number where the tail starts.
        public var line: Int
        public var bytes: Int
        /// False for a last line without its newline (a writer may still be writing it).
        public var hasNewline: Bool
        public var problem: String
    }

    public let path: String
    let calls: FileCalls
    private(set) var fd: Int32 = -1
    private var inode: ino_t = 0
    public let writable: Bool
    /// Bytes of good, complete lines read so far.
    public private(set) var offset = 0
    /// Good lines read so far.
    public private(set) var linesRead = 0
    /// The last good line's sequence number and CRC (the next line's prev=).
    private(set) var chain = LogScan.Chain()
    /// The file as it was when last read to its end: a change of it that added nothing (an edit
    /// in place of lines already read) sets `changedInPlace`, and the store reads it all again.
    private var readStamp: Posix.FileStamp?
    public private(set) var changedInPlace = false
    public var lastSeq: Int { chain.lastSeq }
    public private(set) var tail: Tail?
    public var fileName: String { String(path.split(separator: "/").last ?? "events.log") }

    init(path: String, calls: FileCalls) throws(StoreError) {
        self.path = path
        self.calls = calls
        writable = access(path, W_OK) == 0
        try openFile()
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Reads a whole log file: every good event, or the error a store would report.
    public static func readAll(path: String) throws(StoreError) -> [LoggedEvent] {
        try EventLog(path: path, calls: .system).readNew()
    }

    private func openFile() throws(StoreError) {
        if fd >= 0 { close(fd) }
        fd = Posix.openRegular(path, writable ? O_RDWR | O_APPEND : O_RDONLY) ?? -1
        guard fd >= 0 else { throw .damaged(file: fileName, line: 0, problem: "cannot be opened: \(Posix.errorText())", remedy: "") }
        inode = Posix.inode(fd: fd) ?? 0
        offset = 0
        linesRead = 0
        chain = LogScan.Chain()
        readStamp = nil
        changedInPlace = false
        tail = nil
    }

    /// True when the file at `path` is no longer the one open here (`mingle repair` replaced it).
    public var wasReplaced: Bool { Posix.inode(path) != inode }

    /// Opens the file anew and starts reading from its first byte.
    func reopen() throws(StoreError) { try openFile() }

    /// Takes over what `other` (opened on the same path and read) has open and has read.
    func adopt(_ other: EventLog) throws(StoreError) {
        if fd >= 0 { close(fd) }
        fd = other.fd
        other.fd = -1
        inode = other.inode
        offset = other.offset
        linesRead = other.linesRead
        chain = other.chain
        tail = other.tail
        readStamp = other.readStamp
        changedInPlace = false
    }

    /// Reads every complete line added since the last call. A bad line followed by a good one is
    /// damage in the middle: an error naming the line. Bad lines at the very end are the tail.
    public func readNew() throws(StoreError) -> [LoggedEvent] {
        guard let size = Posix.size(fd: fd) else { throw .io("cannot read \(fileName): \(Posix.errorText())") }
        if size < offset {
            throw .damaged(file: fileName, line: linesRead, problem: "the file got shorter while open (\(size) bytes, had read \(offset))",
                           remedy: "Run `mingle check` to see what is wrong.")
        }
        tail = nil
        if size == offset {
            if let was = readStamp, let stamp = Posix.FileStamp(fd: fd), stamp != was { changedInPlace = true }
            return []
        }
        guard let bytes = Posix.readAll(fd: fd, from: offset) else {
            throw .io("cannot read \(fileName): \(Posix.errorText())")
        }
        let r = LogScan.read(bytes, firstLine: linesRead + 1, chain: chain)
        if let bad = r.firstBad, let problem = bad.problem {
            // A break in the chain is never a torn end: the lines around it are whole.
            if case .unlinked = bad.outcome {
                throw .damaged(file: fileName, line: bad.number, problem: problem,
                               remedy: "Nothing will be written until this is looked at: put back the right copy of \(fileName), or run `mingle repair`, which keeps every line and notes where the chain broke.")
            }
            // An unfinished last line is never damage: a writer may be writing it right now.
            if case .bad = bad.outcome,
               let why = LogScan.damageReason(goodBefore: bad.number > 1, goodAfter: r.goodAfterBad,
                                              bytesToEnd: bytes.count - bad.range.lowerBound) {
                throw .damaged(file: fileName, line: bad.number, problem: problem, remedy: why)
            }
            tail = Tail(line: bad.number, bytes: bytes.count - bad.range.lowerBound,
                        hasNewline: bytes[bad.range.upperBound - 1] == 10, problem: problem)
        }
        chain = r.chain
        offset += r.consumed
        if r.firstBad == nil { readStamp = Posix.FileStamp(fd: fd) }
        linesRead += r.events.count
        return r.events
    }

    // MARK: Writing (all under the lock)

    /// Takes the exclusive lock, waiting up to `timeout` seconds for another writer.
    func lock(timeout: Double = 5) throws(StoreError) {
        guard writable else { throw .access(StoreAccess.problem(path: path, need: .write, readOnly: Posix.isReadOnlyMount(path))) }
        let deadline = Posix.monotonicSeconds() + timeout
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw .io("cannot lock \(fileName): \(Posix.errorText())")
            }
            if Posix.monotonicSeconds() > deadline {
                throw .lockTimeout("another terminal has been writing to \(fileName) for over \(Int(timeout)) s; try again")
            }
            usleep(1000)
        }
    }

    func unlock() { flock(fd, LOCK_UN) }

    /// Moves the tail into a file next to the log (never deleting it) and cuts the log back to
    /// its last good line. Only with the lock held, when no writer can be mid-line.
    func setAsideTail(now: Timestamp) throws(StoreError) -> String? {
        guard let tail else { return nil }
        guard let bytes = Posix.readAll(fd: fd, from: offset) else { throw .io("cannot read \(fileName): \(Posix.errorText())") }
        let aside = path + ".torn-line\(tail.line)-\(now.fileStamp)"
        let written = try Posix.createFile(aside, bytes, mode: Posix.fileMode(forDirectory: Posix.directoryName(path)), unique: true, calls: calls)
        guard ftruncate(fd, off_t(offset)) == 0, calls.fsync(fd) == 0 else {
            throw .io("cannot cut the torn end off \(fileName): \(Posix.errorText())")
        }
        self.tail = nil
        readStamp = Posix.FileStamp(fd: fd)
        let what = tail.hasNewline ? "was damaged (\(tail.problem))" : "was incomplete (a writer stopped mid-line)"
        return "The end of \(fileName) from line \(tail.line) (\(tail.bytes) bytes) \(what); it was moved to \(Posix.baseName(written)) and nothing else changed."
    }

    /// Cuts the log back to `size` bytes (a line of this writer's that did not read back), under
    /// the lock, and forgets what was read past it.
    func cutBack(to size: Int) throws(StoreError) {
        guard ftruncate(fd, off_t(size)) == 0, calls.fsync(fd) == 0 else {
            throw .io("cannot cut \(fileName) back to its last good line: \(Posix.errorText())")
        }
        tail = nil
        readStamp = Posix.FileStamp(fd: fd)
    }

    /// One write() of whole lines, then fsync. On any failure the file is cut back to where it
    /// was, so no partial line is left behind.
    func write(_ bytes: [UInt8]) throws(StoreError) {
        guard let before = Posix.size(fd: fd) else { throw .io("cannot read \(fileName): \(Posix.errorText())") }
        var ok = Posix.writeAll(fd: fd, bytes, calls: calls)
        var err = errno
        if ok {
            ok = calls.fsync(fd) == 0
            err = errno
        }
        if !ok {
            ftruncate(fd, off_t(before))
            _ = Glibc.fsync(fd)
            throw .io("could not save to \(fileName): \(Posix.errorText(err)). Nothing was written; free some space or fix the disk, then try again.")
        }
    }
}


// MARK: The last confirmed line

/// `events.log.last`, beside the log: the sequence number and CRC of the last line a writer
/// confirmed, written over in place after every append (`confirm`). A log that ends before it, or
/// ends there with another line, lost its newest lines or was put back from an older copy: the
/// next writer refuses rather than give a confirmed number again, and `check` says so.
extension EventLog {
    public struct LastConfirmed: Equatable, Sendable {
        public var seq: Int
        public var crc: UInt32
    }

    public var lastConfirmedPath: String { path + EventLog.lastConfirmedSuffix }
    public static let lastConfirmedSuffix = ".last"

    /// Nil when there is none (an older store) or it does not read (never an error: it only
    /// ever adds a check).
    public func lastConfirmed() -> LastConfirmed? { EventLog.lastConfirmed(logPath: path) }

    static func lastConfirmed(logPath: String) -> LastConfirmed? {
        guard let bytes = Posix.readFile(logPath + lastConfirmedSuffix) else { return nil }
        var seq: Int?, crc: UInt32?
        for part in String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if part.hasPrefix("seq=") { seq = Int(part.dropFirst(4)) }
            if part.hasPrefix("crc="), part.count == 12 { crc = UInt32(part.dropFirst(4), radix: 16) }
        }
        guard let seq, let crc else { return nil }
        return LastConfirmed(seq: seq, crc: crc)
    }

    /// Why the log as read does not hold the last confirmed line, or nil when it does.
    public func lostConfirmedLines() -> StoreError? {
        EventLog.lostConfirmedLines(lastSeq: lastSeq, lastCRC: chain.lastCRC, line: linesRead, logPath: path).map(StoreError.history)
    }

    /// The same for a log read by other means (check and repair scan it themselves): `lastSeq`
    /// and `lastCRC` of its last good line, `line` the number of good lines.
    static func lostConfirmedLines(lastSeq: Int, lastCRC: UInt32?, line: Int, logPath: String) -> HistoryProblem? {
        guard let last = lastConfirmed(logPath: logPath) else { return nil }
        if last.seq < lastSeq || (last.seq == lastSeq && last.crc == lastCRC) { return nil }
        return .lostConfirmed(lastSeq: lastSeq, confirmed: last.seq, line: line)
    }

    /// Why events.log.last cannot be the record it should be: not an ordinary file, or one with
    /// more than one name (a hard link to the log or the roster: writing it over would write over
    /// them). Nil when it is fine or missing. Asked before every append, so nothing is written
    /// that could not be confirmed.
    public func lastConfirmedFileProblem() -> StoreError? {
        var st = stat()
        guard lstat(lastConfirmedPath, &st) == 0 else { return nil }
        let why: String
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            guard st.st_nlink > 1 || UInt64(st.st_ino) == UInt64(inode) else { return nil }
            why = "it is another name of a file (\(st.st_nlink) names: a hard link, perhaps to events.log itself), so writing it would write over that file"
        case S_IFLNK: why = Posix.errorText(ELOOP)
        default: why = Posix.errorText(ENODEV)
        }
        return .damaged(file: Posix.baseName(lastConfirmedPath), line: 0, problem: why,
                        remedy: "Nothing was written. Remove it (rm \(lastConfirmedPath)); the next write makes it anew.")
    }

    /// For `mingle check`: what is wrong with events.log.last (a problem), or that it is missing
    /// though the log has lines (a note: an older copy put back cannot be told until the next
    /// write makes it again).
    public static func auditLastConfirmed(logPath: String) -> (problem: String?, note: String?) {
        guard let log = try? EventLog(path: logPath, calls: .system) else { return (nil, nil) }
        if let p = log.lastConfirmedFileProblem() { return (p.description, nil) }
        guard !Posix.exists(log.lastConfirmedPath), Posix.size(fd: log.fd) ?? 0 > 0 else { return (nil, nil) }
        return (nil, "\(Posix.baseName(log.lastConfirmedPath)) is missing (an older store, or it was removed): until the next write makes it again, a log put back from an older copy cannot be told from the newest")
    }

    /// After an append: the record of the last line. Written over in place, under the log's lock,
    /// as one pwrite of a record of fixed length (one disk sector: it is read whole or not at all;
    /// one that does not read is no alarm), opened without following a link, and only when it is
    /// a file of one name; made, when missing, by the one safe writer. Not fsynced: it is written
    /// after the log's own fsync, so a crash can only leave it behind the log. A rename per append
    /// cost twice as much (docs/performance.md). The line is written already: a failure here is
    /// said (the returned notice), not thrown, so nobody writes the same thing again.
    func confirm() -> String? {
        let record = EventLog.lastConfirmedRecord(seq: lastSeq, crc: chain.lastCRC ?? 0)
        let failed = { (why: String) in "The event was written, but \(Posix.baseName(self.lastConfirmedPath)) could not be updated (\(why)); `mingle check` says more." }
        if let problem = lastConfirmedFileProblem() { return failed(problem.description) }
        guard let fd = Posix.openRegular(lastConfirmedPath, O_WRONLY) else {
            if errno != ENOENT { return failed(Posix.errorText()) }
            do { try EventLog.writeLastConfirmed(logPath: path, seq: lastSeq, crc: chain.lastCRC ?? 0, durable: false) } catch { return failed(error.description) }
            return nil
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_nlink == 1 else { return failed("it has more than one name") }
        let ok = record.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) == $0.count } && ftruncate(fd, off_t(record.count)) == 0
        return ok ? nil : failed(Posix.errorText())
    }

    /// "seq=00000000000000000042 crc=0a1b2c3d\n": always 38 bytes, so an overwrite never leaves
    /// the end of a longer one behind.
    static func lastConfirmedRecord(seq: Int, crc: UInt32) -> [UInt8] {
        let digits = String(seq)
        return Array(("seq=" + String(repeating: "0", count: max(0, 20 - digits.count)) + digits + " crc=").utf8) + LogLineCodec.hex8(crc) + [10]
    }

    static func writeLastConfirmed(logPath: String, seq: Int, crc: UInt32, durable: Bool) throws(StoreError) {
        try Posix.writeFileAtomically(logPath + lastConfirmedSuffix, lastConfirmedRecord(seq: seq, crc: crc),
                                      mode: Posix.fileMode(forDirectory: Posix.directoryName(logPath)), durable: durable)
    }
}

extension Posix {
    public static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
