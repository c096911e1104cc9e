import MingleTerminal

/// A screen that a later piece of work builds: it says so plainly and points to the commands
/// that do the same today. It has no text field, so the shell's single-letter keys work here.
final class NotBuiltScreen: Screen {
    let kind: ScreenKind
    init(_ kind: ScreenKind) { self.kind = kind }

    var takesText: Bool { false }
    var hasHalfTypedInput: Bool { false }

    func keyMap(_ s: UIStrings) -> KeyMap { KeyMap(s.notBuiltTitle, []) }

    func draw<C: Canvas>(_ c: inout C, _ app: App) {
        let s = app.strings
        c.put(" " + s.notBuiltTitle, row: 2, column: 1, width: c.columns - 2, style: .header)
        for (i, line) in Wrap.lines(s.notBuiltBody, width: c.columns - 4).enumerated() {
            c.put(line, row: 4 + i, column: 2, width: c.columns - 4)
        }
    }
}
