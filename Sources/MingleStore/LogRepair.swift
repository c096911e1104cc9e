#if canImport(Glibc)
import Glibc
#endif
import MingleCore

/// `mingle check` and `mingle repair` for the log.
public enum LogRepair {
    public struct Finding: Equatable, Sendable {
        public var line: Int
        public var problem: String
        /// True when `mingle repair` is needed; false for a torn end that the next write sets aside.
        public var needsRepair: Bool
    }

    /// Every line of the log that is not a good event, and a log that ends before its last
    /// confirmed line (events.log.last).
    public static func audit(_ path: String) throws(StoreError) -> (goodLines: Int, findings: [Finding]) {
        guard let bytes = Posix.readFile(path) else { throw .io("cannot read \(path): \(Posix.errorText())") }
        let lines = LogScan.lines(bytes)
        var (good, findings) = audit(lines: lines)
        if let lost = lostLines(lines, bytes, path: path) { findings.append(lost) }
        return (good, findings)
    }

    /// The finding for a log whose good lines end before the line last confirmed, from the lines
    /// already scanned (as a reader would see it: only when the good lines come first, unbroken).
    static func lostLines(_ lines: [LogScan.Line], _ bytes: [UInt8], path: String) -> Finding? {
        let good = lines.prefix(while: \.isGood)
        guard good.count == lines.filter(\.isGood).count else { return nil }
        var lastSeq = 0, lastCRC: UInt32? = 0
        if let last = good.last, case .good(let e) = last.outcome {
            lastSeq = e.seq
            lastCRC = bytes.withUnsafeBufferPointer { b in LogLineCodec.link(UnsafeBufferPointer(rebasing: b[last.range.lowerBound..<(last.range.upperBound - 1)]))?.crc }
        }
        guard let lost = EventLog.lostConfirmedLines(lastSeq: lastSeq, lastCRC: lastCRC, line: good.count, logPath: path) else { return nil }
        return Finding(line: lines.count, problem: lost.problem, needsRepair: true)
    }

    static func audit(lines: [LogScan.Line]) -> (goodLines: Int, findings: [Finding]) {
        let lastGood = lines.lastIndex { $0.isGood } ?? -1
        let tailStart = lastGood + 1 < lines.count ? lines[lastGood + 1].range.lowerBound : 0
        let tailBytes = (lines.last?.range.upperBound ?? 0) - tailStart
        var findings: [Finding] = []
        for (i, l) in lines.enumerated() {
            guard let problem = l.problem else { continue }
            if case .unlinked = l.outcome {
                findings.append(Finding(line: l.number, problem: problem, needsRepair: true))
                continue
            }
            let isBad: Bool = { if case .bad = l.outcome { true } else { false } }()
            let needsRepair = isBad && LogScan.damageReason(goodBefore: lastGood >= 0, goodAfter: i < lastGood, bytesToEnd: tailBytes) != nil
            findings.append(Finding(line: l.number, problem: problem, needsRepair: needsRepair))
        }
        return (lines.filter(\.isGood).count, findings)
    }

    public struct Outcome: Sendable {
        public var findings: [Finding]
        public var setAsideFile: String
        public var backupFile: String
        /// The lines moved aside, and those kept though a line before them was removed or changed
        /// (any other finding is about the log's end).
        public var moved: [Int]
        public var kept: [Int]
    }

    /// Moves every bad line into `events.log.damaged-STAMP` and keeps a full copy of the log as
    /// `events.log.before-repair-STAMP`, then puts a log of only the good lines in place (by rename,
    /// never by rewriting) and appends a note that says what was moved. A line that reads but
    /// does not link to the one before is kept, and the note says where the chain broke; the
    /// kept lines are linked anew. A log that lost lines already confirmed goes on after the
    /// last confirmed number. Nil when nothing is wrong.
    public static func repair(store dir: String, author: Author, now: Timestamp) throws(StoreError) -> Outcome? {
        let path = dir + "/" + Store.logName
        guard let fd = Posix.openRegular(path, O_RDWR) else { throw .io("cannot open \(path): \(Posix.errorText())") }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw .io("cannot lock \(path): \(Posix.errorText())") }
        defer { flock(fd, LOCK_UN) }
        guard let bytes = Posix.readAll(fd: fd, from: 0) else { throw .io("cannot read \(path): \(Posix.errorText())") }
        let lines = LogScan.lines(bytes)
        var (_, findings) = audit(lines: lines)
        let lost = lostLines(lines, bytes, path: path)
        if let lost { findings.append(lost) }
        guard !findings.isEmpty else { return nil }

        let stamp = now.fileStamp
        let mode = Posix.fileMode(forDirectory: dir)
        let backup = try Posix.createFile(path + ".before-repair-" + stamp, bytes, mode: mode, unique: true)
        var good: [UInt8] = [], bad: [UInt8] = []
        var lastSeq = 0, prev: UInt32 = 0, lastTime = now
        var moved: [Int] = [], unlinked: [Int] = []
        for line in lines {
            switch line.outcome {
            case .good(let e), .unlinked(let e, _):
                if case .unlinked = line.outcome { unlinked.append(line.number) }
                let relinked = relink(Array(bytes[line.range]), prev: prev)
                prev = LogLineCodec.crc(ofEncoded: relinked)
                good += relinked
                lastSeq = e.seq
                lastTime = max(lastTime, e.time)
            case .bad, .incomplete:
                bad += bytes[line.range]
                moved.append(line.number)
            }
        }
        var aside = ""
        if !bad.isEmpty {
            if bad.last != 10 { bad.append(10) }
            aside = try Posix.createFile(path + ".damaged-" + stamp, bad, mode: mode, unique: true)
        }
        var said: [String] = []
        if !moved.isEmpty { said.append("moved \(moved.count) bad line(s) (line \(moved.map { "\($0)" }.joined(separator: ", "))) to \(base(aside))") }
        if !unlinked.isEmpty { said.append("kept line \(unlinked.map { "\($0)" }.joined(separator: ", ")), where a line before was removed or changed") }
        if let lost { said.append("went on after the last confirmed event: \(lost.problem)") }
        let confirmed = EventLog.lastConfirmed(logPath: path)?.seq ?? 0
        let note = LoggedEvent(seq: max(lastSeq, confirmed) + 1, time: lastTime, author: author, event: .note(
            text: "repair " + said.joined(separator: "; ") + "; the log before repair is \(base(backup))"))
        let noteLine = LogLineCodec.encode(note, prev: prev)
        try Posix.writeFileAtomically(path, good + noteLine, mode: mode)
        try EventLog.writeLastConfirmed(logPath: path, seq: note.seq, crc: LogLineCodec.crc(ofEncoded: noteLine), durable: true)
        return Outcome(findings: findings, setAsideFile: aside.isEmpty ? "" : base(aside), backupFile: base(backup), moved: moved, kept: unlinked)
    }

    private static func base(_ p: String) -> String { String(p.split(separator: "/").last ?? "") }

    /// A good line (with its newline) linked to `prev`: its fields kept byte for byte, its old
    /// link (if any) and checksum written anew.
    static func relink(_ line: [UInt8], prev: UInt32) -> [UInt8] {
        let body = line.withUnsafeBufferPointer { b -> [UInt8] in
            let text = UnsafeBufferPointer(rebasing: b[0..<(b.count - 1)])
            let hasPrev = LogLineCodec.link(text)?.prev != nil
            return Array(text[0..<(text.count - LogLineCodec.crcSuffixLength - (hasPrev ? LogLineCodec.prevSuffixLength : 0))])
        }
        var out = body + Array(" prev=".utf8) + LogLineCodec.hex8(prev)
        let crc = CRC32.checksum(out)
        out += Array(" crc=".utf8) + LogLineCodec.hex8(crc) + [10]
        return out
    }
}
