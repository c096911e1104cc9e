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
    }

    /// `firstLine` is the number of the buffer's first line; `lastSeq` the sequence number the
    /// next good line must exceed.
    static func lines(_ buf: UnsafeBufferPointer<UInt8>, firstLine: Int, lastSeq: Int) -> [Line] {
        var out: [Line] = []
        out.reserveCapacity(buf.count / 110 + 1)
        var start = 0, number = firstLine, seq = lastSeq
        while start < buf.count {
            guard let nl = newline(in: buf, from: start) else {
                out.append(Line(number: number, range: start..<buf.count, outcome: .incomplete))
                break
            }
            let outcome: Outcome
            do {
                let e = try LogLineCodec.decode(UnsafeBufferPointer(rebasing: buf[start..<nl]))
                if e.seq > seq {
                    outcome = .good(e)
                    seq = e.seq
                } else {
                    outcome = .bad("its sequence number \(e.seq) does not follow \(seq)")
                }
            } catch {
                outcome = .bad(error.description)
            }
            out.append(Line(number: number, range: start..<(nl + 1), outcome: outcome))
            number += 1
            start = nl + 1
        }
        return out
    }

    static func lines(_ bytes: [UInt8], firstLine: Int = 1, lastSeq: Int = 0) -> [Line] {
        bytes.withUnsafeBufferPointer { lines($0, firstLine: firstLine, lastSeq: lastSeq) }
    }

    private static func newline(in buf: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = buf.baseAddress, let p = memchr(base + from, 10, buf.count - from) else { return nil }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    static let repairAdvice = "Good lines follow it, so it is not a torn end. Nothing will be written until it is moved aside: run `mingle repair` (it keeps a copy of everything)."
}
