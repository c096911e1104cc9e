extension Unicode.Scalar {
    /// Characters that must never reach a terminal raw: C0 and C1 controls (ESC among them), DEL,
    /// and the bidi embeddings/overrides/isolates that can reorder what a host sees.
    /// The import warns about them; the sanitizer in MingleTerminal replaces them when drawing.
    public var isUnsafeForTerminal: Bool {
        let v = value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
