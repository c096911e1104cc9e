import MingleCore

/// One event per line, readable by a person and by grep/awk/cut:
///
///     SEQ TIME TYPE by=USER as=ROLE tty=TTY pid=PID [key=NAME] [grp=SEQ] [KEY=VALUE ...] prev=XXXXXXXX crc=XXXXXXXX
///
/// Values are UTF-8 with `%`, space, control characters, DEL and C1 controls written as `%XX`
/// (so Chinese names stay readable and a line never holds a raw escape). The CRC-32 covers every
/// byte before " crc="; `prev=` is the CRC of the line before (00000000 for the first), so every
/// line vouches for the one before it and a removed, changed or reordered line is found where the
/// chain breaks. Logs written before the chain have lines without `prev=`. See docs/store-format.md.
public enum LogLineCodec {
    static let crcSuffixLength = 13  // " crc=" + 8 hex digits
    static let prevSuffixLength = 14  // " prev=" + 8 hex digits

    // MARK: Encoding

    /// The line for `e`, linked to the line before it by that line's CRC (`prev`).
    public static func encode(_ e: LoggedEvent, prev: UInt32) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160)
        out += Array(String(e.seq).utf8)
        out.append(32)
        out += Array(e.time.iso8601.utf8)
        out.append(32)
        out += Array(e.event.kind.utf8)
        field(&out, "by", e.author.user)
        field(&out, "as", e.author.role)
        field(&out, "tty", e.author.terminal)
        field(&out, "pid", String(e.author.pid))
        if !e.author.key.isEmpty { field(&out, "key", e.author.key) }
        if let g = e.group { field(&out, "grp", String(g)) }
        for (k, v) in fields(of: e.event) { field(&out, k, v) }
        out += Array(" prev=".utf8)
        out += hex8(prev)
        let crc = CRC32.checksum(out)
        out += Array(" crc=".utf8)
        out += hex8(crc)
        out.append(10)
        return out
    }

    /// Lines for `events` in order, each linked to the one before; the first to `after` (the CRC
    /// of the log's last line, 0 for an empty log).
    public static func encode(_ events: [LoggedEvent], after: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(events.count * 140)
        var prev = after
        for e in events {
            let line = encode(e, prev: prev)
            prev = crc(ofEncoded: line)
            bytes += line
        }
        return bytes
    }

    static func fields(of event: Event) -> [(String, String)] {
        switch event {
        case .checkIn(let p), .checkOut(let p), .unseat(let p), .introStart(let p), .introDone(let p),
             .introSkip(let p), .introAdd(let p), .badgePrinted(let p):
            return [("person", p)]
        case .walkIn(let p):
            var f = [("person", p.id), ("name", p.name), ("ministry", p.ministry), ("role", p.role.rawValue)]
            if !p.email.isEmpty { f.append(("email", p.email)) }
            if !p.title.isEmpty { f.append(("title", p.title)) }
            return f
        case .seat(let p, let s, let forced):
            return [("person", p), ("stall", s)] + (forced ? [("forced", "yes")] : [])
        case .phase(let from, let to, let move, let reason):
            return [("from", from.rawValue), ("to", to.rawValue), ("move", move.rawValue)]
                + (reason.isEmpty ? [] : [("reason", reason)])
        case .introMove(let p, let position):
            return [("person", p), ("position", String(position))]
        case .help(let s, let on):
            return [("stall", s), ("on", on ? "yes" : "no")]
        case .message(let t), .note(let t):
            return [("text", t)]
        case .plan(let phase, let minutes):
            return [("phase", phase.rawValue), ("minutes", String(minutes))]
        case .photoTaken:
            return []
        case .undo(let seq):
            return [("seq", String(seq))]
        }
    }

    private static func field(_ out: inout [UInt8], _ key: String, _ value: String) {
        out.append(32)
        out += Array(key.utf8)
        out.append(61)
        escape(value, into: &out)
    }

    static func escape(_ value: String, into out: inout [UInt8]) {
        var previous: UInt8 = 0
        for b in value.utf8 {
            // C1 controls are U+0080–U+009F: UTF-8 C2 80…C2 9F. Escape both bytes of those.
            let isC1Tail = previous == 0xC2 && (0x80...0x9F).contains(b)
            if b <= 0x20 || b == 0x25 || b == 0x7F || isC1Tail {
                if isC1Tail { out.removeLast(); out += percent(0xC2) }
                out += percent(b)
            } else {
                out.append(b)
            }
            previous = b
        }
    }

    private static func percent(_ b: UInt8) -> [UInt8] { [37, hexDigit(b >> 4), hexDigit(b & 15)] }
    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 48 + v : 87 + v }
    static func hex8(_ v: UInt32) -> [UInt8] { (0..<8).reversed().map { hexDigit(UInt8((v >> (UInt32($0) * 4)) & 15)) } }

    /// A line's own CRC and the CRC it names as the line before (nil for a line written before
    /// the chain), read from the line's fixed end (without its newline). Nil when the end is not
    /// a checksum at all.
    static func link(_ line: UnsafeBufferPointer<UInt8>) -> (crc: UInt32, prev: UInt32?)? {
        let n = line.count
        guard n > crcSuffixLength, let crc = hex8Value(line, at: n - 8), line[n - crcSuffixLength] == 32 else { return nil }
        let p = n - crcSuffixLength - prevSuffixLength
        guard p >= 0, line[p] == 32, line[p + 1] == 112, line[p + 2] == 114, line[p + 3] == 101, line[p + 4] == 118, line[p + 5] == 61,
              let prev = hex8Value(line, at: p + 6) else { return (crc, nil) }
        return (crc, prev)
    }

    /// Whether " prev=" stands right before " crc=" (the digits are read by `link`).
    @inline(__always)
    static func hasPrev(_ line: UnsafeBufferPointer<UInt8>, crcStart: Int) -> Bool {
        let p = crcStart - prevSuffixLength
        return p >= 0 && line[p] == 32 && line[p + 1] == 112 && line[p + 2] == 114 && line[p + 3] == 101 && line[p + 4] == 118 && line[p + 5] == 61
    }

    private static func hex8Value(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt32? {
        var v: UInt32 = 0
        for i in start..<(start + 8) {
            guard let d = hexValue(b[i]), b[i] < 65 || b[i] > 70 else { return nil }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// The CRC at the end of an encoded line (with its newline), as `encode` wrote it.
    static func crc(ofEncoded line: [UInt8]) -> UInt32 {
        line.withUnsafeBufferPointer { b in link(UnsafeBufferPointer(rebasing: b[0..<(b.count - 1)]))?.crc ?? 0 }
    }
}
