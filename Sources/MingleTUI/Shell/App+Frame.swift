import MingleCore
import MingleTerminal

/// The frame: a function of (state, the layers' models, size) onto a Canvas. The title row, the
/// screen, its forms, then the message, hint and status lines, then dialogs on top.
extension App {
    public static let minimumSize = (columns: 60, rows: 16)
    /// A phone's SSH app in portrait: enough for a stall owner's screen and the board.
    public static let phoneSize = (columns: 40, rows: 16)

    /// What the screen on show needs: a stall's own screen and the board work on a phone.
    var neededSize: (columns: Int, rows: Int) {
        switch screen {
        case .stall(.some), .board: App.phoneSize
        default: App.minimumSize
        }
    }

    /// Rows the screen may use: between the title and the message line.
    var bodyRows: Range<Int> { 1..<max(1, lastSize.rows - 3) }

    public func draw<C: Canvas>(_ c: inout C) {
        lastSize = (c.rows, c.columns)
        c.clear()
        c.hideCursor()
        guard c.columns >= neededSize.columns, c.rows >= neededSize.rows else {
            drawTooSmall(&c)
            return
        }
        drawTitle(&c)
        current.draw(&c, self)
        for layer in layers where layer.layerKind == .form { layer.draw(&c, self) }
        drawMessages(&c, bottom: c.rows - 3)
        drawHints(&c, row: c.rows - 2)
        drawStatus(&c, row: c.rows - 1)
        for layer in layers where layer.layerKind == .dialog { layer.draw(&c, self) }
    }

    private func drawTooSmall<C: Canvas>(_ c: inout C) {
        let need = "\(neededSize.columns)×\(neededSize.rows)"
        let lines = Wrap.lines(strings.fill(strings.tooSmall, need), width: c.columns)
        for (i, line) in lines.enumerated() {
            c.put(line, row: max(0, c.rows / 2 - lines.count / 2) + i, column: max(0, (c.columns - DisplayWidth.of(line)) / 2),
                  width: c.columns, style: .warning)
        }
    }

    func drawTitle<C: Canvas>(_ c: inout C) {
        c.fillRow(0, from: 0, style: .title)
        let tabs: [(ScreenKind, String)] = [(.reception, strings.screenReception), (.stall(nil), strings.screenStall),
                                            (.timekeeper, strings.screenTimekeeper), (.board, strings.screenBoard)]
        let labels = tabs.filter { !locked || $0.0.fKey == screen.fKey }.map { kind, name in
            (kind, locked ? " \(name) " : " F\(kind.fKey) \(name) ")
        }
        // The screen keys stay whole; the event's title gives way.
        let tabsWidth = labels.reduce(0) { $0 + DisplayWidth.of($1.1) }
        var col = c.put(" mingle · ", row: 0, column: 0, style: .title)
        let titleRoom = max(4, min(c.columns / 3, c.columns - col - tabsWidth - 2))
        col = c.put(DisplayWidth.truncate(Sanitizer.clean(store.config.title), to: titleRoom), row: 0, column: col, style: .title)
        col += 2
        for (kind, label) in labels {
            guard col + DisplayWidth.of(label) <= c.columns else { break }
            col = c.put(label, row: 0, column: col, style: kind.fKey == screen.fKey ? .key : .title)
        }
    }

    /// The store problem (wrapped) and the latest message, growing upwards from `bottom`.
    func drawMessages<C: Canvas>(_ c: inout C, bottom: Int) {
        var said: [(String, Style)] = []
        if let m = message, !messageHasFaded, m.text != storeProblem {
            // Two rows at most: a message must not hide the row it is about for long.
            var wrapped = Wrap.lines(m.text, width: c.columns - 2)
            if wrapped.count > 2 { wrapped = [wrapped[0], DisplayWidth.truncate(wrapped[1...].joined(), to: c.columns - 2)] }
            said = wrapped.map { ($0, m.isError ? .alert : .good) }
        }
        // At most a third of the screen; the screen's own rows keep the rest. A problem longer
        // than its rows keeps its beginning (what is wrong), cut with "…", never its end alone.
        let room = max(1, c.rows / 3)
        var lines: [(String, Style)] = []
        if let p = storeProblem {
            let wrapped = Wrap.lines(p, width: c.columns - 2)
            let fits = max(1, room - said.count)
            lines = wrapped.prefix(fits).map { ($0, .alert) }
            if wrapped.count > fits, let last = lines.indices.last {
                lines[last].0 = DisplayWidth.truncate(wrapped[last...].joined(), to: c.columns - 2)
            }
        }
        lines += said
        let shown = lines.suffix(room)
        for (i, (text, style)) in shown.enumerated() {
            c.put(" " + text, row: bottom - shown.count + 1 + i, column: 0, width: c.columns, style: style)
        }
    }

    /// Milliseconds until the frame would look different with nothing happening: the next second
    /// while something counts seconds (or a clock is past its time and flashes), else the next
    /// minute of the clocks on the status line, or a message fading. The run loop sleeps that long.
    public func nextWake() -> Int {
        let t = now().millis
        let toSecond = Int(1000 - t % 1000)
        var wake = Int(60_000 - t % 60_000)
        let room = store.state.room
        if let row = room.currentPhaseRow(now: now()) {
            if room.clockState(of: row) == .over { return toSecond }
            // The phase's minutes tick over with its own start, not the wall clock's.
            wake = min(wake, (60 - row.elapsedSeconds % 60) * 1000 - Int(t % 1000))
        }
        if top.countsSeconds(self) || current.countsSeconds(self) { return toSecond }
        if let m = messageTime, message != nil, !messageHasFaded {
            wake = min(wake, Int(m.millis + App.messageSeconds * 1000 - t))
        }
        return max(10, wake)
    }

    var messageHasFaded: Bool {
        guard let t = messageTime else { return false }
        return now().millis - t.millis >= App.messageSeconds * 1000
    }

    /// The top layer's keys, then the shell's; what does not fit is left out, but help and quit
    /// always stay. Disabled keys are not offered.
    func drawHints<C: Canvas>(_ c: inout C, row: Int) {
        let layer = top
        let shell = shellKeys(for: layer)
        func usable(_ b: KeyBinding) -> Bool { b.inBar && b.disabled(self) == nil }
        // Kept while others give way: help, quit, and F8 — a stall asking for help, or the desk
        // answering it — which a senior official on a phone must always find.
        let essential: Set<Key> = [.function(1), .function(10), .char("q"), .function(8)]
        var hints = layer.keyMap(strings).bindings.filter(usable).map { b in
            (key: b.keyLabel, label: b.label, keep: b.keys.contains(.function(8)))
        }
        hints += shell.bindings.filter(usable).map { b in
            // On a phone the quit key is named short: Ctrl-C still works, and help says so.
            (key: c.columns < App.minimumSize.columns && b.keys.contains(.function(10)) ? "F10" : b.keyLabel, label: b.label,
             keep: b.keys.contains { essential.contains($0) })
        }
        func width(_ h: [(key: String, label: String, keep: Bool)]) -> Int {
            h.reduce(0) { $0 + DisplayWidth.of($1.key) + DisplayWidth.of($1.label) + 3 }
        }
        while width(hints) > c.columns, let drop = hints.lastIndex(where: { !$0.keep }) { hints.remove(at: drop) }
        var col = 0
        for h in hints {
            guard col + DisplayWidth.of(h.key) + DisplayWidth.of(h.label) + 3 <= c.columns else { break }
            col = c.put(" " + h.key, row: row, column: col, style: .header)
            col = c.put(" " + h.label + " ", row: row, column: col, style: .normal)
        }
    }

    /// Phase and its clock, here/came/invited on the left; this terminal's role and user and the
    /// time on the right, kept whole (the left side gives way first).
    func drawStatus<C: Canvas>(_ c: inout C, row: Int) {
        c.fillRow(row, from: 0, style: .statusBar)
        let r = store.state.room, h = r.headcounts, t = now()
        let name = " " + strings.phase(r.phase) + " "
        // The phase clock in its state's colour, as on the timekeeper's screen.
        var clock = "", clockStyle = Style.statusBar
        if let current = r.currentPhaseRow(now: t) {
            let mins = current.elapsedSeconds / 60
            clock = "\(mins)′/\(current.plannedMinutes)′" + (current.remainingSeconds < 0 ? " \(strings.over) +\(-current.remainingSeconds / 60)′" : "")
            let state = r.clockState(of: current)
            clockStyle = state == .normal ? .statusBar : ProgramLook.style(state, now: t)
        } else if let plan = store.config.plan(for: r.phase) {
            clock = "\(strings.planned) \(plan.start)"
        }
        let counts = " │ \(strings.here) \(h.here) · \(strings.came) \(h.came)/\(h.invited)"
        // Role, user and terminal: two desks run by one account are told apart by the terminal.
        let tty = author.terminal == "-" ? "" : " " + author.terminal
        // A helper who came in with their own SSH key is named by it.
        let user = author.key.isEmpty ? author.user : author.key
        let who = DisplayWidth.truncate("\(strings.roleLabel(screen))@\(Sanitizer.clean(user))\(Sanitizer.clean(tty))", to: max(10, c.columns / 3))
        let right = " \(who) │ \(t.clock) "
        let rightWidth = DisplayWidth.of(right)
        // The phase clock gives way first, then the counts; the right side stays whole.
        let room = c.columns - rightWidth - 1
        var col = c.put(DisplayWidth.truncate(name, to: room), row: row, column: 0, style: .statusBar)
        let clockRoom = max(0, room - col - DisplayWidth.of(counts))
        if clockRoom > 2 { col = c.put(DisplayWidth.truncate(clock, to: clockRoom), row: row, column: col, style: clockStyle) }
        // The counts whole or not at all: "在…" says nothing.
        if DisplayWidth.of(counts) <= room - col { c.put(counts, row: row, column: col, style: .statusBar) }
        c.put(right, row: row, column: c.columns - rightWidth, style: .statusBar)
    }
}
