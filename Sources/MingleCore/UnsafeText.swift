extension Unicode.Scalar {
    /// Characters that must never reach a terminal or a page raw: C0 and C1 controls (ESC and
    /// U+009B, the one-character CSI, among them), DEL, the bidi marks, embeddings, overrides and
    /// isolates that can reorder what a host sees, and U+FFFE/U+FFFF, which XML cannot hold.
    /// The import warns about them; the one Sanitizer replaces them.
    public var isUnsafeForTerminal: Bool {
        let v = value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C || v == 0x2028 || v == 0x2029 || v == 0xFFFE || v == 0xFFFF
    }
}
