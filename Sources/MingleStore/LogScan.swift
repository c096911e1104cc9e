#if canImport(Glibc)
import Glibc
#endif
import MingleCore

/// Splits log bytes into lines and says of each whether it is a good event, a bad line, or an
/// unfinished last line. Shared by reading (EventLog), checking and repairing, so the three can
/// never disagree about what a good line is.
enum LogScan {
    enum Outcome {
        case good(LoggedEvent)
        case bad(String)
        /// The last bytes of the file, with no newline yet.
        case incomplete
    }

    struct Line {
        var number: Int
        /// Byte range of the line in the scanned buffer, newline included when there is one.
        var range: Range<Int>
        var outcome: Outcome

        var isGood: Bool { if case .good = outcome { true } else { false } }

        /// What is wrong with the line, nil when it is good.
        var problem: String? {
            switch outcome {
            case .good: nil
            case .bad(let why): why
            case .incomplete: LogScan.unfinishedLine
            }
        }
    }

    /// Calls `visit` for each line in order; `visit` returns false to stop early.
    /// `firstLine` is the number of the buffer's first line; `lastSeq` the sequence number the
    /// next good line must exceed.
    static func forEachLine(_ buf: UnsafeBufferPointer<UInt8>, firstLine: Int, lastSeq: Int,
                            _ visit: (Line) -> Bool) {
        var start = 0, number = firstLine, seq = lastSeq
        var scratch = Fields()
        while start < buf.count {
            guard let nl = newline(in: buf, from: start) else {
                _ = visit(Line(number: number, range: start..<buf.count, outcome: .incomplete))
                return
            }
            let outcome: Outcome
            do {
                let e = try LogLineCodec.decode(UnsafeBufferPointer(rebasing: buf[start..<nl]), scratch: &scratch)
                if e.seq > seq {
                    outcome = .good(e)
                    seq = e.seq
                } else {
                    outcome = .bad("its sequence number \(e.seq) does not follow \(seq)")
                }
            } catch {
                outcome = .bad(error.description)
            }
            guard visit(Line(number: number, range: start..<(nl + 1), outcome: outcome)) else { return }
            number += 1
            start = nl + 1
        }
    }

    /// Every line, for check and repair.
    static func lines(_ bytes: [UInt8], firstLine: Int = 1, lastSeq: Int = 0) -> [Line] {
        var out: [Line] = []
        bytes.withUnsafeBufferPointer { buf in
            forEachLine(buf, firstLine: firstLine, lastSeq: lastSeq) { out.append($0); return true }
        }
        return out
    }

    /// What reading new bytes of the log found.
    struct Reading {
        var events: [LoggedEvent] = []
        /// Bytes of the good lines before the first line that is not good.
        var consumed = 0
        /// The first line that is not good, and whether a good line follows it (damage inside).
        var firstBad: Line?
        var goodAfterBad = false
    }

    /// The replay path: good events up to the first bad line, and whether good lines follow it.
    static func read(_ bytes: [UInt8], firstLine: Int, lastSeq: Int) -> Reading {
        var r = Reading()
        r.events.reserveCapacity(bytes.count / 100)
        bytes.withUnsafeBufferPointer { buf in
            forEachLine(buf, firstLine: firstLine, lastSeq: lastSeq) { line in
                if r.firstBad == nil {
                    if case .good(let e) = line.outcome {
                        r.events.append(e)
                        r.consumed = line.range.upperBound
                    } else {
                        r.firstBad = line
                    }
                    return true
                }
                if line.isGood { r.goodAfterBad = true; return false }
                return true
            }
        }
        return r
    }

    private static func newline(in buf: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = buf.baseAddress, let p = memchr(base + from, 10, buf.count - from) else { return nil }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    /// A writer that dies mid-write leaves at most its last block unfinished. Bad lines at the end
    /// are taken for such a torn end — set aside by the next write — only when they could be one:
    /// nothing good after them, a good line before them, and no more than one big write's worth.
    /// Anything else waits for a person to run `mingle repair`. Nil when it is a torn end.
    /// Reading (EventLog) and checking (LogRepair) both ask this, so they never disagree.
    static func damageReason(goodBefore: Bool, goodAfter: Bool, bytesToEnd: Int) -> String? {
        let because: String
        if goodAfter { because = "Good lines follow it, so it is not a torn end." }
        else if !goodBefore { because = "It is the first line of the log, so it is not a torn end." }
        else if bytesToEnd > maxTornBytes { because = "\(bytesToEnd) bytes after it cannot be read: more than one write could leave behind." }
        else { return nil }
        return because + " Nothing will be written until it is moved aside: run `mingle repair` (it keeps a copy of everything)."
    }

    static let unfinishedLine = "the last line has no end (a writer stopped mid-line, or is still writing)"

    static let maxTornBytes = 1 << 20
}
