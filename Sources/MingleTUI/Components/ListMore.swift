import MingleTerminal

/// "↑2 ↓3" at the right end of a list's header row: rows scrolled out of sight are never silent
/// (on a phone-sized terminal a person at the table must not seem to have left).
enum ListMore {
    static func draw<C: Canvas>(_ c: inout C, above: Int, below: Int, row: Int, _ s: UIStrings) {
        guard above > 0 || below > 0 else { return }
        var parts: [String] = []
        if above > 0 { parts.append("↑\(above)") }
        if below > 0 { parts.append("↓\(below)") }
        let text = " " + s.fill(s.stall.moreOutOfSight, parts.joined(separator: " ")) + " "
        c.put(text, row: row, column: max(0, c.columns - DisplayWidth.of(text)), style: .key)
    }
}
