import MingleTerminal

/// A yes/no question. Enter or y says yes, Esc or n says no; every other key waits.
final class ConfirmDialog: Layer {
    let prompt: String
    let yes: (App) -> Void

    init(prompt: String, yes: @escaping (App) -> Void) {
        self.prompt = prompt
        self.yes = yes
    }

    var layerKind: LayerKind { .dialog }
    var takesText: Bool { false }
    var hasHalfTypedInput: Bool { false }

    func keyMap(_ s: UIStrings) -> KeyMap {
        KeyMap(s.confirmTitle, [
            KeyBinding([.enter, .char("y")], s.keyYes) { [unowned self] app, _ in
                app.close(self)
                yes(app)
            },
            KeyBinding([.escape, .char("n")], s.keyNo) { [unowned self] app, _ in app.close(self) },
        ])
    }

    func draw<C: Canvas>(_ c: inout C, _ app: App) {
        let hint = app.strings.confirmHint
        let lines = Wrap.lines(prompt, width: c.columns - 8)
        let width = min(c.columns - 4, max(lines.map(DisplayWidth.of).max() ?? 0, DisplayWidth.of(hint)) + 4)
        let height = lines.count + 3
        let top = max(1, c.rows / 2 - 2), left = (c.columns - width) / 2
        Box.draw(&c, top: top, left: left, width: width, height: height, title: nil, style: .alert)
        for (i, line) in lines.enumerated() { c.put("  " + line, row: top + 1 + i, column: left, width: width, style: .alert) }
        c.put("  " + hint, row: top + 1 + lines.count, column: left, width: width, style: .alert)
    }
}
