#if canImport(Glibc)
import Glibc
#endif
import MingleCore

/// Why a line of the log could not be read.
public enum LineProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case checksum
    case syntax(String)

    public var description: String {
        switch self {
        case .checksum: "its checksum does not match (the line was changed or damaged)"
        case .syntax(let why): why
        }
    }
}

/// The hot path of replay: parses one line (without its newline) straight from the bytes.
/// Hand-written rather than a general parser because 100,000 events must replay in ≤100 ms;
/// `mingle bench` measures it.
extension LogLineCodec {
    public static func decode(_ line: UnsafeBufferPointer<UInt8>) throws(LineProblem) -> LoggedEvent {
        var scratch = Fields()
        return try decode(line, scratch: &scratch)
    }

    /// `scratch` is reused from line to line so replay allocates nothing per field.
    static func decode(_ line: UnsafeBufferPointer<UInt8>, scratch fields: inout Fields) throws(LineProblem) -> LoggedEvent {
        let n = line.count
        guard n > crcSuffixLength else { throw .syntax("the line is too short to be an event") }
        let crcStart = n - crcSuffixLength
        guard line[crcStart] == 32, line[crcStart + 1] == 99, line[crcStart + 2] == 114,
              line[crcStart + 3] == 99, line[crcStart + 4] == 61
        else { throw .syntax("the line does not end with its checksum (crc=…)") }
        var expected: UInt32 = 0
        for i in (crcStart + 5)..<n {
            // Lowercase only, as written: a flipped case bit must not pass as the same digit.
            guard let d = hexValue(line[i]), line[i] < 65 || line[i] > 70 else { throw .syntax("the checksum is not 8 lowercase hex digits") }
            expected = expected << 4 | UInt32(d)
        }
        let body = UnsafeBufferPointer(rebasing: line[0..<crcStart])
        guard CRC32.checksum(body) == expected else { throw .checksum }
        // The link to the line before (prev=…) is checked by LogScan, which knows that line.
        let fieldsEnd = hasPrev(line, crcStart: crcStart) ? crcStart - prevSuffixLength : crcStart

        var tokens = Tokens(UnsafeBufferPointer(rebasing: line[0..<fieldsEnd]))
        guard let seqTok = tokens.next(), let seq = parseInt(seqTok), seq > 0 else {
            throw .syntax("it does not start with a sequence number")
        }
        guard let timeTok = tokens.next(), let time = Timestamp.parse(UnsafeBufferPointer(rebasing: timeTok)) else {
            throw .syntax("the time is not in the form 2026-11-27T14:03:12.123+08:00")
        }
        guard let kindTok = tokens.next() else { throw .syntax("the event type is missing") }
        fields.removeAll()
        while let tok = tokens.next() {
            guard let eq = tok.firstIndex(of: 61) else { throw .syntax("\"\(string(tok))\" is not KEY=VALUE") }
            fields.add(key: UnsafeBufferPointer(rebasing: tok[tok.startIndex..<eq]),
                       value: UnsafeBufferPointer(rebasing: tok[(eq + 1)..<tok.endIndex]))
        }
        let author = try fields.author()
        let event = try makeEvent(kind: UnsafeBufferPointer(rebasing: kindTok), fields)
        var group: Int?
        // Written right after pid= (or key=), when there is one: look there only (replay's hot path).
        let g4 = author.key.isEmpty ? 4 : 5
        if fields.keys.count > g4, fields.keys[g4].count == 3, fields.keys[g4][0] == 103, let g = fields.raw("grp") {
            guard let n = parseInt(g[...]), n > 0, n <= seq else { throw .syntax("grp= must be the number of an event at or before this one") }
            group = n
        }
        return LoggedEvent(seq: seq, time: time, author: author, event: event, group: group)
    }

    public static func decode(_ line: [UInt8]) throws(LineProblem) -> LoggedEvent {
        try line.withUnsafeBufferPointer { (b: UnsafeBufferPointer<UInt8>) throws(LineProblem) -> LoggedEvent in
            try decode(b)
        }
    }

    private static func makeEvent(kind k: UnsafeBufferPointer<UInt8>, _ f: Fields) throws(LineProblem) -> Event {
        // Compared as bytes: a String switch costs a String per line and up to 16 comparisons.
        let kind = Kind.match(k)
        switch kind {
        case .checkin: return .checkIn(person: try f.text("person"))
        case .checkout: return .checkOut(person: try f.text("person"))
        case .unseat: return .unseat(person: try f.text("person"))
        case .intro_start: return .introStart(person: try f.text("person"))
        case .intro_done: return .introDone(person: try f.text("person"))
        case .intro_skip: return .introSkip(person: try f.text("person"))
        case .intro_add: return .introAdd(person: try f.text("person"))
        case .walkin:
            let roleText = try f.text("role")
            guard let role = Role(rawValue: roleText) else { throw .syntax("unknown role \"\(roleText)\"") }
            return .walkIn(Person(id: try f.text("person"), name: try f.text("name"),
                                  ministry: try f.text("ministry"), role: role,
                                  email: f.optionalText("email") ?? "", title: f.optionalText("title") ?? ""))
        case .seat:
            return .seat(person: try f.text("person"), stall: try f.text("stall"),
                         forced: f.optionalText("forced") == "yes")
        case .phase:
            func phase(_ key: StaticString) throws(LineProblem) -> Phase {
                let t = try f.text(key)
                guard let p = Phase(rawValue: t) else { throw .syntax("unknown phase \"\(t)\"") }
                return p
            }
            let moveText = try f.text("move")
            guard let move = PhaseMove(rawValue: moveText) else { throw .syntax("unknown phase move \"\(moveText)\"") }
            return .phase(from: try phase("from"), to: try phase("to"), move: move,
                          reason: f.optionalText("reason") ?? "")
        case .intro_move:
            return .introMove(person: try f.text("person"), position: try f.int("position"))
        case .help:
            let on = try f.text("on")
            guard on == "yes" || on == "no" else { throw .syntax("on= must be yes or no") }
            return .help(stall: try f.text("stall"), on: on == "yes")
        case .message: return .message(text: f.optionalText("text") ?? "")
        case .plan:
            let t = try f.text("phase")
            guard let p = Phase(rawValue: t) else { throw .syntax("unknown phase \"\(t)\"") }
            return .plan(phase: p, minutes: try f.signedInt("minutes"))
        case .note: return .note(text: try f.text("text"))
        case .photo: return .photoTaken
        case .badge: return .badgePrinted(person: try f.text("person"))
        case .undo: return .undo(seq: try f.int("seq"))
        case nil: throw .syntax("unknown event type \"\(String(decoding: k, as: UTF8.self))\"")
        }
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 97...102: c - 87
        case 65...70: c - 55
        default: nil
        }
    }

    static func parseInt(_ b: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !b.isEmpty, b.count <= 18 else { return nil }
        var v = 0
        for c in b {
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }

    static func string(_ b: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b), as: UTF8.self)
    }

    /// Undoes the %XX escapes; plain values (the common case) are decoded without a copy.
    static func unescape(_ b: UnsafeBufferPointer<UInt8>) throws(LineProblem) -> String {
        guard b.contains(37) else { return String(decoding: b, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == 37 {
                guard i + 2 < b.count, let h = hexValue(b[i + 1]), let l = hexValue(b[i + 2]) else {
                    throw .syntax("a % escape is not followed by two hex digits")
                }
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The event types, matched from the line's bytes.
enum Kind: CaseIterable {
    case checkin, checkout, walkin, seat, unseat, phase, intro_start, intro_done, intro_skip, intro_add
    case intro_move, help, message, photo, undo, note, plan, badge

    var word: StaticString {
        switch self {
        case .checkin: "checkin"
        case .checkout: "checkout"
        case .walkin: "walkin"
        case .seat: "seat"
        case .unseat: "unseat"
        case .phase: "phase"
        case .intro_start: "intro-start"
        case .intro_done: "intro-done"
        case .intro_skip: "intro-skip"
        case .intro_add: "intro-add"
        case .intro_move: "intro-move"
        case .help: "help"
        case .message: "message"
        case .photo: "photo"
        case .undo: "undo"
        case .note: "note"
        case .plan: "plan"
        case .badge: "badge"
        }
    }

    /// Picks the candidate by length and one letter, then confirms it with one memcmp.
    static func match(_ b: UnsafeBufferPointer<UInt8>) -> Kind? {
        let candidate: Kind?
        switch b.count {
        case 4: candidate = b[0] == 115 ? .seat : b[0] == 104 ? .help : b[0] == 117 ? .undo : b[0] == 112 ? .plan : .note
        case 5: candidate = b[0] == 98 ? .badge : b[1] == 104 && b[2] == 97 ? .phase : .photo
        case 6: candidate = b[0] == 119 ? .walkin : .unseat
        case 7: candidate = b[0] == 99 ? .checkin : .message
        case 8: candidate = .checkout
        case 9: candidate = .intro_add
        case 10: candidate = b[6] == 100 ? .intro_done : b[7] == 107 ? .intro_skip : .intro_move
        case 11: candidate = .intro_start
        default: candidate = nil
        }
        guard let k = candidate, memcmp(b.baseAddress!, k.word.utf8Start, b.count) == 0 else { return nil }
        return k
    }
}

/// Space-separated tokens of a line.
struct Tokens {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    mutating func next() -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard i < b.count else { return nil }
        let start = i
        while i < b.count, b[i] != 32 { i += 1 }
        let tok = b[start..<i]
        i += 1  // skip the space
        return tok
    }
}

/// The KEY=VALUE fields of a line. A line has few fields, so a linear scan beats a dictionary.
struct Fields {
    var keys: [UnsafeBufferPointer<UInt8>] = []
    var values: [UnsafeBufferPointer<UInt8>] = []
    /// The bytes `by=… as=… tty=… pid=…` of recent writers and the Author made from them: a day's
    /// lines come from a few terminals, so most lines reuse one instead of making 3 Strings.
    private var authorBytes: [[UInt8]] = []
    private var authorValues: [Author] = []
    private var lastHit = 0

    init() {
        keys.reserveCapacity(10)
        values.reserveCapacity(10)
    }

    /// The writer of the line, from its by/as/tty/pid fields (the first four, as written).
    mutating func author() throws(LineProblem) -> Author {
        // A helper's key= follows pid= and belongs to the author (one SSH key, one helper).
        let last = keys.count >= 5 && keyIs(4, "key") ? 4 : 3
        if keys.count >= 4, let start = keys[0].baseAddress, let end = values[last].baseAddress.map({ $0 + values[last].count }),
           keyIs(0, "by"), keyIs(3, "pid") {
            let span = UnsafeBufferPointer(start: start, count: start.distance(to: end))
            // The writer of the line before is the likeliest; then the others seen lately.
            for k in 0..<authorBytes.count {
                let i = (lastHit + k) % authorBytes.count
                let same = authorBytes[i].count == span.count
                    && authorBytes[i].withUnsafeBufferPointer { memcmp($0.baseAddress!, start, span.count) == 0 }
                if same { lastHit = i; return authorValues[i] }
            }
            let a = Author(user: try text("by"), role: try text("as"), terminal: try text("tty"), pid: try int("pid"),
                           key: last == 4 ? try text("key") : "")
            if authorBytes.count == 8 { authorBytes.removeFirst(); authorValues.removeFirst() }
            authorBytes.append(Array(span))
            authorValues.append(a)
            lastHit = authorBytes.count - 1
            return a
        }
        return Author(user: try text("by"), role: try text("as"), terminal: try text("tty"), pid: try int("pid"),
                      key: optionalText("key") ?? "")
    }

    private func keyIs(_ i: Int, _ key: StaticString) -> Bool {
        keys[i].count == key.utf8CodeUnitCount && memcmp(keys[i].baseAddress!, key.utf8Start, keys[i].count) == 0
    }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    mutating func add(key: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        keys.append(key)
        values.append(value)
    }

    func raw(_ key: StaticString) -> UnsafeBufferPointer<UInt8>? {
        let n = key.utf8CodeUnitCount
        for i in keys.indices where keys[i].count == n && memcmp(keys[i].baseAddress!, key.utf8Start, n) == 0 {
            return values[i]
        }
        return nil
    }

    func text(_ key: StaticString) throws(LineProblem) -> String {
        guard let v = raw(key) else { throw .syntax("the field \(key)= is missing") }
        return try LogLineCodec.unescape(v)
    }

    func optionalText(_ key: StaticString) -> String? {
        guard let v = raw(key) else { return nil }
        return try? LogLineCodec.unescape(v)
    }

    /// A whole number that may be negative ("-1").
    func signedInt(_ key: StaticString) throws(LineProblem) -> Int {
        guard let v = raw(key) else { throw .syntax("the field \(key)= is missing or not a number") }
        let negative = v.first == 45
        guard let n = LogLineCodec.parseInt(negative ? v[(v.startIndex + 1)...] : v[...]) else {
            throw .syntax("the field \(key)= is missing or not a number")
        }
        return negative ? -n : n
    }

    func int(_ key: StaticString) throws(LineProblem) -> Int {
        guard let v = raw(key), let n = LogLineCodec.parseInt(v[...]) else {
            throw .syntax("the field \(key)= is missing or not a number")
        }
        return n
    }
}
