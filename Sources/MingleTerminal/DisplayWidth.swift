import CNcursesw

/// The one width function: terminal columns, as libc's wcwidth (and so ncursesw and tmux) count
/// them — Han characters 2, combining marks 0. Every truncation, padding and alignment uses it.
public enum DisplayWidth {
    /// wcwidth answers per the LC_CTYPE locale; under "C" every non-ASCII character is -1.
    /// Tests and tools that never start curses still get UTF-8 widths.
    private static let localeReady: Bool = {
        if x_codeset_is_utf8() == 0 {
            if setlocale(LC_CTYPE, "") == nil || x_codeset_is_utf8() == 0 {
                setlocale(LC_CTYPE, "C.UTF-8")
            }
        }
        return x_codeset_is_utf8() != 0
    }()

    public static func of(_ u: Unicode.Scalar) -> Int {
        if u.value >= 0x20 && u.value < 0x7F { return 1 }
        _ = localeReady
        return max(0, Int(wcwidth(wchar_t(bitPattern: u.value))))
    }

    /// A Character's width is the sum of its scalars' widths (what ncursesw does with them).
    public static func of(_ c: Character) -> Int {
        var w = 0
        for u in c.unicodeScalars { w += of(u) }
        return w
    }

    public static func of(_ s: String) -> Int {
        var w = 0
        for u in s.unicodeScalars { w += of(u) }
        return w
    }

    /// Cuts `s` to at most `width` columns, never inside a character; a cut is marked with "…".
    public static func truncate(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        var out = "", used = 0
        for c in s {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// `s` cut to `width` and padded with spaces to exactly `width` columns.
    public static func fit(_ s: String, to width: Int) -> String {
        let t = truncate(s, to: width)
        return t + String(repeating: " ", count: max(0, width - of(t)))
    }

    /// Right-aligned in exactly `width` columns.
    public static func fitRight(_ s: String, to width: Int) -> String {
        let t = truncate(s, to: width)
        return String(repeating: " ", count: max(0, width - of(t))) + t
    }
}
