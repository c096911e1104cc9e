import MingleCore
import MingleTerminal

/// The board on the projector: read-only, by phase. Names and clocks are drawn large with GNU
/// Unifont where the terminal has room, and are always also on screen as their own characters.
/// The timekeeper's message shows above everything until it is cleared.
final class BoardScreen: Screen {
    let kind = ScreenKind.board
    /// Opened when first needed; nil when the font is not installed (then letters are spaced out).
    private lazy var font: Unifont? = Unifont()

    var takesText: Bool { false }
    var hasHalfTypedInput: Bool { false }
    var writes: Bool { false }

    /// The opening's clock and the speaker's time left count in seconds.
    func countsSeconds(_ app: App) -> Bool {
        let room = app.store.state.room
        return room.phase == .opening || room.phase == .introductions && room.intro.current != nil
    }

    /// Nothing of its own: quit, help and (unlocked) the screen keys come from the shell.
    func keyMap(_ s: UIStrings) -> KeyMap { KeyMap(s.screenBoard, []) }

    func draw<C: Canvas>(_ c: inout C, _ app: App) {
        let room = app.store.state.room, now = app.now(), s = app.strings
        var area = Area(top: 1, bottom: c.rows - 4, width: c.columns)
        if let m = room.messageShown {
            let lines = Wrap.lines(m.text, width: c.columns - 4).prefix(3)
            for line in lines {
                area.centered(&c, line, style: .alert, fill: true)
            }
            if area.rows > 12 { area.top += 1 }
        }
        switch room.phase {
        case .reception: drawReception(&c, &area, app, room)
        case .opening: drawPhaseClock(&c, &area, app, room, now)
        case .introductions: drawIntroductions(&c, &area, app, room, now)
        case .chat: drawStalls(&c, &area, app, room)
        case .photo:
            big(&c, &area, s.program.boardPhoto, style: .header)
            area.centered(&c, s.fill2(s.program.boardHere, String(room.headcounts.here), String(room.headcounts.invited)), style: .normal)
        case .closed:
            big(&c, &area, s.program.boardThanks, style: .header)
            area.centered(&c, app.store.config.title, style: .dim)
        }
    }

    // MARK: By phase

    private func drawReception<C: Canvas>(_ c: inout C, _ area: inout Area, _ app: App, _ room: Room) {
        let s = app.strings, config = app.store.config
        big(&c, &area, config.title, style: .header, maxRows: max(8, area.rows - 10))
        area.centered(&c, [config.date, config.venue].filter { !$0.isEmpty }.joined(separator: " · "), style: .dim)
        area.top += 1
        // The program as one block, its lines aligned on the times, the block centred.
        let program = config.phases.map { "\($0.start)  \(s.phase($0.phase))" }
        let blockWidth = program.map(DisplayWidth.of).max() ?? 0
        let fits = max(0, area.rows - 2)
        for line in program.prefix(program.count > fits ? max(0, fits - 1) : fits) {
            area.centered(&c, DisplayWidth.fit(line, to: blockWidth), style: .normal)
        }
        if program.count > fits, fits > 0 { area.centered(&c, s.fill(s.program.moreRows, String(program.count - fits + 1)), style: .dim) }
        area.top += 1
        let here = s.fill2(s.program.boardHere, String(room.headcounts.here), String(room.headcounts.invited))
        area.centered(&c, here, style: .header)
    }

    private func drawPhaseClock<C: Canvas>(_ c: inout C, _ area: inout Area, _ app: App, _ room: Room, _ now: Timestamp) {
        big(&c, &area, app.strings.phase(room.phase), style: .header, maxRows: max(8, area.rows - 10))
        guard let row = room.currentPhaseRow(now: now) else { return }
        let state = room.clockState(of: row), style = ProgramLook.style(state, now: now)
        big(&c, &area, ProgramLook.clock(row.elapsedSeconds), style: style, maxRows: max(1, area.rows - 1))
        // In words too: a projector without colour, or a colour-blind room.
        let p = app.strings.program
        let words = "\(ProgramLook.clock(row.elapsedSeconds)) / \(ProgramLook.clock(row.plannedSeconds))" + (ProgramLook.word(state, p).map { "  [\($0)]" } ?? "")
        area.centered(&c, words, style: style)
    }

    private func drawIntroductions<C: Canvas>(_ c: inout C, _ area: inout Area, _ app: App, _ room: Room, _ now: Timestamp) {
        let p = app.strings.program
        guard let clock = room.speakerClock(now: now) else {
            big(&c, &area, app.strings.phase(.introductions), style: .header)
            drawNext(&c, &area, app, room, count: 3)
            return
        }
        // On a small board the name comes first; the words "now speaking" only where there is room.
        if area.rows >= 13 { area.centered(&c, p.boardSpeaker, style: .dim) }
        let person = room.people[clock.person]
        let left = room.secondsPerSpeaker - clock.seconds
        let time = left >= 0 ? ProgramLook.clock(left) : "+" + ProgramLook.clock(-left)
        // The light's colour is the big name's: seen from the back of the room.
        let style = ProgramLook.style(clock.light, now: now)
        // Room is kept below for the name in letters, the time and who is next.
        big(&c, &area, person.name, style: style, maxRows: area.rows - 3, spacedFallback: false)
        area.centered(&c, BoardScreen.spaced(person.name) + (person.ministry.isEmpty ? "" : "（\(person.ministry)）"), style: .header)
        if area.rows >= 10 { big(&c, &area, time, style: style, maxRows: 8) }
        area.centered(&c, " \(left >= 0 ? p.boardTimeLeft : p.boardOverBy) \(ProgramLook.clock(abs(left))) \(ProgramLook.word(clock.light, p)) ", style: style)
        if area.rows > 2 { area.top += 1 }
        drawNext(&c, &area, app, room, count: 2)
    }

    private func drawNext<C: Canvas>(_ c: inout C, _ area: inout Area, _ app: App, _ room: Room, count: Int) {
        let next = room.introQueue.prefix(count).map { room.label($0) }
        guard !next.isEmpty else { return }
        let s = app.strings
        area.centered(&c, s.fill(s.program.boardNext, next.joined(separator: s.language == "en" ? ", " : "、")), style: .normal)
    }

    /// Every stall: seats taken and free, as a bar, in columns when the terminal is wide.
    private func drawStalls<C: Canvas>(_ c: inout C, _ area: inout Area, _ app: App, _ room: Room) {
        let p = app.strings.program
        area.centered(&c, app.strings.phase(.chat), style: .header)
        area.top += 1
        let columns = area.width >= 150 ? 2 : 1
        let colWidth = (area.width - 2) / columns
        let occupancy = room.occupancy
        let perColumn = (occupancy.count + columns - 1) / columns
        let spacing = area.rows >= perColumn * 2 ? 2 : 1
        let fitting = max(0, (area.rows + spacing - 1) / spacing) * columns
        for (i, o) in occupancy.enumerated() {
            let r = area.top + (i % perColumn) * spacing
            guard r <= area.bottom else { continue }
            if occupancy.count > fitting, i % perColumn == (area.rows - 1) / spacing {
                // The last row that fits says how many stalls are not shown.
                c.put(app.strings.fill(p.moreRows, String(occupancy.count - fitting + columns)), row: r, column: 1 + (i / perColumn) * colWidth,
                      width: colWidth, style: .dim)
                continue
            }
            let x = 1 + (i / perColumn) * colWidth
            let free = o.stall.seats - o.seated.count
            let nameW = min(14, colWidth / 3), barW = max(4, min(o.stall.seats * 2, colWidth - nameW - 14))
            var col = c.put(DisplayWidth.fit(Sanitizer.clean(o.stall.name), to: nameW) + " ", row: r, column: x, style: .header)
            col = SeatBar.draw(&c, taken: o.seated.count, seats: o.stall.seats, width: barW, row: r, column: col)
            c.put(" \(o.seated.count)/\(o.stall.seats) " + (free > 0 ? app.strings.fill(p.boardSeatsFree, String(free)) : p.boardFull),
                  row: r, column: col, width: colWidth - (col - x), style: o.isFull ? .alertText : .normal)
        }
    }

    // MARK: Large text

    /// Draws `text` as large as fits (twice the size, once, or spaced-out letters), centred.
    private func big<C: Canvas>(_ c: inout C, _ area: inout Area, _ text: String, style: Style, maxRows: Int = .max,
                                spacedFallback: Bool = true) {
        let clean = Sanitizer.clean(text)
        if let font {
            for scale in [2, 1] {
                guard let size = BigText.size(clean, font: font, scale: scale), size.columns <= area.width - 2,
                      size.rows <= min(maxRows, area.rows), let lines = BigText.lines(clean, font: font, scale: scale) else { continue }
                for line in lines { area.centered(&c, line, style: style) }
                return
            }
        }
        if spacedFallback { area.centered(&c, BoardScreen.spaced(clean), style: style) }
    }

    /// "林 明 哲": letters spaced out, for a terminal without the big font or without room for it.
    static func spaced(_ text: String) -> String { text.map(String.init).joined(separator: " ") }

    /// The rows still free on the board, from `top` down to `bottom`.
    struct Area {
        var top: Int
        var bottom: Int
        var width: Int
        var rows: Int { bottom - top + 1 }

        mutating func centered<C: Canvas>(_ c: inout C, _ text: String, style: Style, fill: Bool = false) {
            guard top <= bottom else { return }
            let t = DisplayWidth.truncate(Sanitizer.clean(text), to: width - 2)
            if fill { c.put(String(repeating: " ", count: width), row: top, column: 0, style: style) }
            c.put(t, row: top, column: max(0, (width - DisplayWidth.of(t)) / 2), style: style)
            top += 1
        }
    }
}
