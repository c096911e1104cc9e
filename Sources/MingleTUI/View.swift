import Foundation
import MingleCore
import MingleTerminal

/// Drawing: a function of (state, this terminal's model, size) onto a Canvas.
extension App {
    public static let minimumSize = (columns: 60, rows: 16)

    public func draw<C: Canvas>(_ c: inout C) {
        lastSize = (c.rows, c.columns)
        c.clear()
        c.hideCursor()
        guard c.columns >= App.minimumSize.columns, c.rows >= App.minimumSize.rows else {
            drawTooSmall(&c)
            return
        }
        drawTitle(&c)
        switch screen {
        case .reception: drawReception(&c)
        default: drawNotBuilt(&c)
        }
        drawMessage(&c, row: c.rows - 3)
        drawHints(&c, row: c.rows - 2)
        drawStatus(&c, row: c.rows - 1)
        switch overlay {
        case .help: drawHelp(&c)
        case .confirm(let confirm): drawConfirm(&c, confirm.prompt)
        case nil: break
        }
    }

    private func drawTooSmall<C: Canvas>(_ c: inout C) {
        let need = "\(App.minimumSize.columns)×\(App.minimumSize.rows)"
        let text = strings.fill(strings.tooSmall, need)
        c.put(text, row: c.rows / 2, column: max(0, (c.columns - DisplayWidth.of(text)) / 2), width: c.columns, style: .warning)
    }

    func drawTitle<C: Canvas>(_ c: inout C) {
        c.fillRow(0, from: 0, style: .title)
        var col = c.put(" mingle · ", row: 0, column: 0, style: .title)
        col = c.put(DisplayWidth.truncate(Sanitizer.clean(store.config.title), to: max(8, c.columns / 3)), row: 0, column: col, style: .title)
        col += 2
        let tabs: [(ScreenKind, String)] = [(.reception, strings.screenReception), (.stall(nil), strings.screenStall),
                                            (.timekeeper, strings.screenTimekeeper), (.board, strings.screenBoard)]
        for (kind, name) in tabs {
            let current = kind.fKey == screen.fKey
            if locked && !current { continue }
            let label = locked ? " \(name) " : " F\(kind.fKey) \(name) "
            guard col + DisplayWidth.of(label) <= c.columns else { break }
            col = c.put(label, row: 0, column: col, style: current ? .key : .title)
        }
    }

    func drawMessage<C: Canvas>(_ c: inout C, row: Int) {
        guard let m = message else { return }
        c.put(" " + m.text, row: row, column: 0, width: c.columns, style: m.isError ? .alert : .good)
    }

    func drawHints<C: Canvas>(_ c: inout C, row: Int) {
        var hints: [(String, String)]
        if screen == .reception, reception.walkIn != nil { hints = walkInKeys.hints } else if screen == .reception { hints = receptionKeys.hints } else { hints = [] }
        hints += globalKeys.hints
        var col = 0
        for (key, label) in hints {
            let w = DisplayWidth.of(key) + DisplayWidth.of(label) + 3
            guard col + w <= c.columns else { break }
            col = c.put(" " + key, row: row, column: col, style: .header)
            col = c.put(" " + label + " ", row: row, column: col, style: .normal)
        }
    }

    /// Phase and its clock, here/came/invited, this terminal's role and user, how to get help.
    func drawStatus<C: Canvas>(_ c: inout C, row: Int) {
        c.fillRow(row, from: 0, style: .statusBar)
        let r = store.state.room, h = r.headcounts, t = now()
        var left = " " + strings.phase(r.phase)
        if let since = r.phaseHistory.last?.since {
            let mins = Int((t.millis - since.millis) / 60_000)
            left += " \(mins)′"
            if let plan = store.config.plan(for: r.phase) {
                left += "/\(plan.minutes)′"
                if mins > plan.minutes { left += " \(strings.over) +\(mins - plan.minutes)′" }
            }
        } else if let plan = store.config.plan(for: r.phase) {
            left += " \(strings.planned) \(plan.start)"
        }
        left += " │ \(strings.here) \(h.here) · \(strings.came) \(h.came)/\(h.invited) │ \(screen.roleName)@\(Sanitizer.clean(author.user))"
        let right = " F1 \(strings.keyHelp) │ \(t.clock) "
        let rightWidth = DisplayWidth.of(right)
        c.put(DisplayWidth.truncate(left, to: c.columns - rightWidth), row: row, column: 0, style: .statusBar)
        c.put(right, row: row, column: c.columns - rightWidth, style: .statusBar)
    }

    private func drawNotBuilt<C: Canvas>(_ c: inout C) {
        c.put(" " + strings.notBuiltTitle, row: 2, column: 1, width: c.columns - 2, style: .header)
        var row = 4
        for line in wrap(strings.notBuiltBody, width: c.columns - 4) {
            c.put(line, row: row, column: 2, width: c.columns - 4)
            row += 1
        }
    }

    func drawHelp<C: Canvas>(_ c: inout C) {
        var lines: [(String, String)] = []
        if screen == .reception {
            if reception.walkIn != nil {
                lines += walkInKeys.bindings.map { ($0.keyLabel, $0.help) }
            } else {
                lines += receptionKeys.bindings.map { ($0.keyLabel, $0.help) }
                lines.append(("←/→/Home/End/Backspace", strings.keyEdit))
            }
        }
        lines += globalKeys.bindings.map { ($0.keyLabel, $0.help) }
        if locked { lines.append(("F2–F5", strings.helpLockedRole)) }
        let keyWidth = min(24, lines.map { DisplayWidth.of($0.0) }.max() ?? 0)
        let width = min(c.columns - 4, 64)
        let height = min(c.rows - 2, lines.count + 4)
        let top = max(1, (c.rows - height) / 2), left = max(2, (c.columns - width) / 2)
        for r in top..<(top + height) { c.put(String(repeating: " ", count: width), row: r, column: left, style: .selected) }
        c.put(" " + strings.helpTitle, row: top, column: left, width: width, style: .key)
        for (i, (k, h)) in lines.prefix(height - 4).enumerated() {
            c.put(" " + DisplayWidth.fit(k, to: keyWidth) + "  " + h, row: top + 2 + i, column: left, width: width, style: .selected)
        }
        c.put(" " + strings.helpClose, row: top + height - 1, column: left, width: width, style: .selected)
    }

    func drawConfirm<C: Canvas>(_ c: inout C, _ prompt: String) {
        let width = min(c.columns - 4, max(DisplayWidth.of(prompt), DisplayWidth.of(strings.confirmHint)) + 4)
        let top = c.rows / 2 - 2, left = (c.columns - width) / 2
        for r in top..<(top + 4) { c.put(String(repeating: " ", count: width), row: r, column: left, style: .alert) }
        c.put("  " + prompt, row: top + 1, column: left, width: width, style: .alert)
        c.put("  " + strings.confirmHint, row: top + 2, column: left, width: width, style: .alert)
    }

    /// Splits text into lines of at most `width` columns, at spaces where it can.
    func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for ch in text {
            if DisplayWidth.of(line) + DisplayWidth.of(ch) > width {
                if let space = line.lastIndex(of: " "), ch != " " {
                    lines.append(String(line[..<space]))
                    line = String(line[line.index(after: space)...])
                } else {
                    lines.append(line)
                    line = ""
                }
            }
            if !(line.isEmpty && ch == " ") { line.append(ch) }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
