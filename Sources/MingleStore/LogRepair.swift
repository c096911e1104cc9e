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

    /// Every line of the log that is not a good event.
    public static func audit(_ path: String) throws(StoreError) -> (goodLines: Int, findings: [Finding]) {
        guard let bytes = Posix.readFile(path) else { throw .io("cannot read \(path): \(Posix.errorText())") }
        return audit(lines: LogScan.lines(bytes))
    }

    static func audit(lines: [LogScan.Line]) -> (goodLines: Int, findings: [Finding]) {
        let lastGood = lines.lastIndex { $0.isGood } ?? -1
        let tailStart = lastGood + 1 < lines.count ? lines[lastGood + 1].range.lowerBound : 0
        let tailBytes = (lines.last?.range.upperBound ?? 0) - tailStart
        var findings: [Finding] = []
        for (i, l) in lines.enumerated() {
            guard let problem = l.problem else { continue }
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
    }

    /// Moves every bad line into `events.log.damaged-STAMP` and keeps a full copy of the log as
    /// `events.log.before-repair-STAMP`, then puts a log of only the good lines in place (by rename,
    /// never by rewriting) and appends a note that says what was moved. Nil when nothing is wrong.
    public static func repair(store dir: String, author: Author, now: Timestamp) throws(StoreError) -> Outcome? {
        let path = dir + "/" + Store.logName
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { throw .io("cannot open \(path): \(Posix.errorText())") }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw .io("cannot lock \(path): \(Posix.errorText())") }
        defer { flock(fd, LOCK_UN) }
        guard let bytes = Posix.readAll(fd: fd, from: 0) else { throw .io("cannot read \(path): \(Posix.errorText())") }
        let lines = LogScan.lines(bytes)
        let (_, findings) = audit(lines: lines)
        guard !findings.isEmpty else { return nil }

        let stamp = now.fileStamp
        let mode = Posix.fileMode(forDirectory: dir)
        let backup = path + ".before-repair-" + stamp
        let aside = path + ".damaged-" + stamp
        try Posix.createFile(backup, bytes, mode: mode)
        var good: [UInt8] = [], bad: [UInt8] = []
        var lastSeq = 0
        for line in lines {
            if case .good(let e) = line.outcome { good += bytes[line.range]; lastSeq = e.seq } else { bad += bytes[line.range] }
        }
        if bad.last != 10 { bad.append(10) }
        try Posix.createFile(aside, bad, mode: mode)
        let numbers = findings.map { String($0.line) }.joined(separator: ", ")
        let note = LoggedEvent(seq: lastSeq + 1, time: now, author: author, event: .note(
            text: "repair moved \(findings.count) bad line(s) (line \(numbers)) to \(base(aside)); the log before repair is \(base(backup))"))
        good += LogLineCodec.encode(note)
        try Posix.writeFileAtomically(path, good, mode: mode)
        return Outcome(findings: findings, setAsideFile: base(aside), backupFile: base(backup))
    }

    private static func base(_ p: String) -> String { String(p.split(separator: "/").last ?? "") }
}
