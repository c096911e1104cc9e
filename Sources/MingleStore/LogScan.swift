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
        /// A line that reads as an event but does not link to the line before it (its prev= is
        /// not that line's CRC): a line was removed, changed or moved there. Never a torn end:
        /// the event itself may be good, so repair keeps it and says where the chain broke.
        case unlinked(LoggedEvent, String)
        /// The last bytes of the file, with no newline yet.
        case incomplete
    }

    /// Where reading stands between calls: the last good sequence number, the CRC of the line
    /// read last (the next line's prev=) and whether the log's lines carry links yet.
    struct Chain: Equatable {
        var lastSeq = 0
        var lastCRC: UInt32? = 0
        var linked = false
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
            case .bad(let why), .unlinked(_, let why): why
            case .incomplete: LogScan.unfinishedLine
            }
        }
    }

    /// Calls `visit` for each line in order, with the chain as it stands after that line; `visit`
    /// returns false to stop early. `firstLine` is the number of the buffer's first line; `chain`
    /// where reading stood before it.
    static func forEachLine(_ buf: UnsafeBufferPointer<UInt8>, firstLine: Int, chain initial: Chain,
                            _ visit: (Line, Chain) -> Bool) {
        var start = 0, number = firstLine, chain = initial
        var scratch = Fields()
        while start < buf.count {
            guard let nl = newline(in: buf, from: start) else {
                _ = visit(Line(number: number, range: start..<buf.count, outcome: .incomplete), chain)
                return
            }
            let bytes = UnsafeBufferPointer(rebasing: buf[start..<nl])
            let link = LogLineCodec.link(bytes)
            var outcome: Outcome
            do {
                let e = try LogLineCodec.decode(bytes, scratch: &scratch)
                if e.seq <= chain.lastSeq {
                    outcome = .bad("its sequence number \(e.seq) does not follow \(chain.lastSeq)")
                } else {
                    outcome = .good(e)
                    if let prev = link?.prev {
                        if let before = chain.lastCRC, prev != before {
                            outcome = .unlinked(e, number == 1
                                ? "the log does not begin here: the first line names a line before it (the lines before were removed, or this is part of another log)"
                                : "it does not follow the line before it (that line is not the one it was written after): a line was removed, changed or moved just before it")
                        }
                    } else if chain.linked {
                        outcome = .unlinked(e, "it has no link to the line before it (prev=…), though the lines before it have one: it was not written by mingle, or was copied in from elsewhere")
                    }
                    chain.lastSeq = e.seq
                }
            } catch {
                outcome = .bad(error.description)
            }
            chain.lastCRC = link?.crc
            if link?.prev != nil { chain.linked = true }
            guard visit(Line(number: number, range: start..<(nl + 1), outcome: outcome), chain) else { return }
            number += 1
            start = nl + 1
        }
    }

    /// Every line, for check and repair.
    static func lines(_ bytes: [UInt8], firstLine: Int = 1, chain: Chain = Chain()) -> [Line] {
        var out: [Line] = []
        bytes.withUnsafeBufferPointer { buf in
            forEachLine(buf, firstLine: firstLine, chain: chain) { line, _ in out.append(line); return true }
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
        /// The chain after the last good line.
        var chain = Chain()
    }

    /// The replay path: good events up to the first bad line, and whether good lines follow it.
    static func read(_ bytes: [UInt8], firstLine: Int, chain: Chain) -> Reading {
        var r = Reading()
        r.chain = chain
        r.events.reserveCapacity(bytes.count / 100)
        bytes.withUnsafeBufferPointer { buf in
            forEachLine(buf, firstLine: firstLine, chain: chain) { line, after in
                if r.firstBad == nil {
                    if case .good(let e) = line.outcome {
                        r.events.append(e)
                        r.consumed = line.range.upperBound
                        r.chain = after
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
