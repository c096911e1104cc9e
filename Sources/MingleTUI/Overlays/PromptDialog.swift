import MingleTerminal

/// A question answered with one line of text (a reason for going back, a message to the room).
/// Enter sends what is typed (empty when `allowsEmpty`); Esc closes without doing anything.
final class PromptDialog: Layer {
    let title: String
    let prompt: String
    var field = TextField()
    let allowsEmpty: Bool
    let send: (App, String) -> Void

    init(title: String, prompt: String, text: String = "", allowsEmpty: Bool = true, send: @escaping (App, String) -> Void) {
        self.title = title
        self.prompt = prompt
        field = TextField(text)
        self.allowsEmpty = allowsEmpty
        self.send = send
    }

    var layerKind: LayerKind { .dialog }
    var takesText: Bool { true }
    var hasHalfTypedInput: Bool { !field.isEmpty }

    func keyMap(_ s: UIStrings) -> KeyMap {
        KeyMap(title, [
            KeyBinding([.enter], s.keySend, disabled: { [unowned self] app in
                allowsEmpty || !field.text.trimmedSpaces().isEmpty ? nil : app.strings.typeFirstShort
            }) { [unowned self] app, _ in
                app.close(self)
                send(app, field.text.trimmedSpaces())
            },
            KeyBinding([.escape], s.keyCancel) { [unowned self] app, _ in app.close(self) },
        ] + TextField.editingBindings(s, typing: s.keyTypeLine) { [unowned self] _, key in _ = field.edit(key) })
    }

    func draw<C: Canvas>(_ c: inout C, _ app: App) {
        let width = min(c.columns - 4, 64), left = (c.columns - width) / 2
        let lines = Wrap.lines(prompt, width: width - 4)
        let height = lines.count + 5, top = max(1, (c.rows - 3 - height) / 2)
        Box.draw(&c, top: top, left: left, width: width, height: height, title: title, style: .selected)
        for (i, line) in lines.enumerated() { c.put("  " + line, row: top + 2 + i, column: left, width: width, style: .selected) }
        field.draw(on: &c, row: top + 2 + lines.count + 1, column: left + 2, width: width - 4, focused: app.top === self)
    }
}
