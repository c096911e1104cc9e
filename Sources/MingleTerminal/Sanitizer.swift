import MingleCore

/// The one sanitizer: data (names, ministries, stall names, messages) passes through it before it
/// reaches a terminal. Each unsafe character becomes U+FFFD (�), so the host sees that something
/// was there and the terminal stays in its mode.
public enum Sanitizer {
    public static func clean(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: \.isUnsafeForTerminal) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(u.isUnsafeForTerminal ? "\u{FFFD}" : u) }
        return String(out)
    }

    /// Multi-line text: newlines kept, everything else cleaned.
    public static func cleanLines(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { clean(String($0)) }.joined(separator: "\n")
    }
}
