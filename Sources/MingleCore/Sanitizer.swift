/// The one sanitizer: data (names, ministries, stall names, messages) passes through it before it
/// reaches a terminal — a screen, any command's output, an export's cells — or a page. Each unsafe character becomes U+FFFD (�), so the host sees that something
/// was there and the terminal stays in its mode.
public enum Sanitizer {
    public static func clean(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: \.isUnsafeForTerminal) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(u.isUnsafeForTerminal ? "\u{FFFD}" : u) }
        return String(out)
    }

    /// Multi-line text: line ends (LF, and CR LF as CSV writes them) kept, everything else cleaned.
    public static func cleanLines(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: \.isUnsafeForTerminal) else { return s }
        var out = String.UnicodeScalarView()
        var scalars = s.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let u = pending {
            pending = scalars.next()
            if u == "\n" || (u == "\r" && pending == "\n") { out.append(u) }
            else { out.append(u.isUnsafeForTerminal ? "\u{FFFD}" : u) }
        }
        return String(out)
    }
}

extension Sanitizer {
    /// Serialised JSON made safe for a terminal without losing a character: every character the
    /// sanitizer would replace is written as a `\uXXXX` escape instead (JSON serialisers escape C0
    /// controls but leave DEL, C1 controls such as U+009B and bidi overrides raw). Those characters
    /// can only stand inside strings, so escaping them in the serialised text is exact.
    public static func jsonEscaped(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: \.isUnsafeForTerminal) else { return json }
        var out = String.UnicodeScalarView()
        for u in json.unicodeScalars {
            // Below U+0020 the serialiser has escaped them already; what is left is structure.
            if u.isUnsafeForTerminal && u.value >= 0x20 {
                let hex = String(u.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }
}
