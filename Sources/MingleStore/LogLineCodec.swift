import MingleCore

/// One event per line, readable by a person and by grep/awk/cut:
///
///     SEQ TIME TYPE by=USER as=ROLE tty=TTY pid=PID [key=NAME] [grp=SEQ] [KEY=VALUE ...] crc=XXXXXXXX
///
/// Values are UTF-8 with `%`, space, control characters, DEL and C1 controls written as `%XX`
/// (so Chinese names stay readable and a line never holds a raw escape). The CRC-32 covers every
/// byte before " crc=". See docs/store-format.md.
public enum LogLineCodec {
    static let crcSuffixLength = 13  // " crc=" + 8 hex digits

    // MARK: Encoding

    public static func encode(_ e: LoggedEvent) -> [UInt8] {
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
        let crc = CRC32.checksum(out)
        out += Array(" crc=".utf8)
        out += hex8(crc)
        out.append(10)
        return out
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
}
