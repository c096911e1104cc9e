import MingleTerminal

/// F1: the keys of the layer beneath and the shell's keys that reach it, made from the same key
/// maps that handle them. Scrolls when the terminal is too short to show them all.
final class HelpOverlay: Layer {
    struct Line {
        var key: String
        var text: String
        var isTitle: Bool
    }

    let lines: [Line]
    var offset = 0

    init(lines: [Line]) { self.lines = lines }

    convenience init(for layer: any Layer, in app: App) {
        self.init(lines: HelpOverlay.lines([layer.keyMap(app.strings), app.shellKeys(for: layer)], app.strings) { $0.disabled(app) })
    }

    /// Section titles, then each binding: its keys and what it does, and why not now if so.
    static func lines(_ maps: [KeyMap], _ s: UIStrings, disabled: (KeyBinding) -> String?) -> [Line] {
        var out: [Line] = []
        for map in maps where map.bindings.contains(where: \.inHelp) {
            out.append(Line(key: map.title, text: "", isTitle: true))
            for b in map.bindings where b.inHelp {
                let why = disabled(b)
                out.append(Line(key: b.keyLabel, text: b.help + (why.map { " " + s.fill(s.notNow, $0) } ?? ""), isTitle: false))
            }
        }
        return out
    }

    var layerKind: LayerKind { .dialog }
    var takesText: Bool { false }
    var hasHalfTypedInput: Bool { false }

    /// Layout for a canvas: the box and the content lines wrapped to it.
    private func layout(rows: Int, columns: Int) -> (top: Int, left: Int, width: Int, height: Int, keyWidth: Int, rows: [(String, String, Bool)]) {
        let width = min(columns - 4, 76)
        let keyWidth = min(18, lines.filter { !$0.isTitle }.map { DisplayWidth.of($0.key) }.max() ?? 0)
        let textWidth = max(10, width - keyWidth - 4)
        var rowsOut: [(String, String, Bool)] = []
        for l in lines {
            if l.isTitle { rowsOut.append((l.key, "", true)); continue }
            let wrapped = Wrap.lines(l.text, width: textWidth)
            for (i, part) in wrapped.enumerated() { rowsOut.append((i == 0 ? l.key : "", part, false)) }
        }
        // Above the hint and status lines, which stay in view (with the box's margin row).
        let height = min(rows - 4, rowsOut.count + 3)
        let top = max(1, (rows - 3 - height) / 2), left = max(2, (columns - width) / 2)
        return (top, left, width, height, keyWidth, rowsOut)
    }

    private func contentRows(_ app: App) -> (visible: Int, total: Int) {
        let l = layout(rows: app.lastSize.rows, columns: app.lastSize.columns)
        return (max(1, l.height - 3), l.rows.count)
    }

    private func scrollable(_ app: App) -> String? {
        let c = contentRows(app)
        return c.total > c.visible ? nil : app.strings.disabledAllShown
    }

    private func scroll(_ app: App, by delta: Int) {
        let c = contentRows(app)
        offset = max(0, min(c.total - c.visible, offset + delta))
    }

    func keyMap(_ s: UIStrings) -> KeyMap {
        KeyMap(s.helpTitle, [
            KeyBinding([.escape, .function(1), .char("?"), .enter, .char("q")], s.keyCloseHelp) { [unowned self] app, _ in app.close(self) },
            // The help lists the screen keys, so they work from here too: help is never in the way.
            KeyBinding((2...5).map { .function($0) }, s.keyScreens, help: s.keyScreensHelp, keyLabel: "F2–F5", inBar: false,
                       disabled: { app in app.locked ? s.disabledLockedRole : nil }) { [unowned self] app, key in
                app.close(self)
                App.screenKeys(s, locked: false).perform(app, key)
            },
            KeyBinding([.up, .down], s.keyScroll, disabled: { [unowned self] app in scrollable(app) }) { [unowned self] app, key in
                scroll(app, by: key == .up ? -1 : 1)
            },
            KeyBinding([.pageUp, .pageDown], s.keyScrollPage, disabled: { [unowned self] app in scrollable(app) }) { [unowned self] app, key in
                let page = contentRows(app).visible
                scroll(app, by: key == .pageUp ? -page : page)
            },
        ])
    }

    func draw<C: Canvas>(_ c: inout C, _ app: App) {
        let s = app.strings
        let l = layout(rows: c.rows, columns: c.columns)
        let visible = max(1, l.height - 3)
        offset = max(0, min(offset, l.rows.count - visible))
        Box.draw(&c, top: l.top, left: l.left, width: l.width, height: l.height, title: s.helpTitle, style: .selected)
        for (i, row) in l.rows.dropFirst(offset).prefix(visible).enumerated() {
            let r = l.top + 2 + i
            if row.2 {
                c.put(" " + row.0, row: r, column: l.left, width: l.width, style: .key)
            } else {
                c.put("  " + DisplayWidth.fit(row.0, to: l.keyWidth) + "  " + row.1, row: r, column: l.left, width: l.width, style: .selected)
            }
        }
        var footer = s.helpClose
        if l.rows.count > visible {
            let more = offset + visible < l.rows.count ? "▼" : " ", less = offset > 0 ? "▲" : " "
            footer += " · ↑/↓ PgUp/PgDn \(s.keyScroll) \(less)\(more)"
        }
        c.put(" " + footer, row: l.top + l.height - 1, column: l.left, width: l.width, style: .selected)
    }
}
