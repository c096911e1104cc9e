import MingleCore
import MingleTerminal

/// The timekeeper's screen on a canvas: the clock line, the rundown, the speaker with their
/// light, and the queue (beside the rest when the terminal is wide).
extension TimekeeperScreen {
    func draw<C: Canvas>(_ c: inout C, _ app: App) {
        let room = app.store.state.room, now = app.now()
        let wide = c.columns >= 120
        let leftWidth = wide ? min(78, c.columns / 2) : c.columns
        drawClock(&c, app, room, now, width: c.columns)
        var row = 3
        // A short terminal keeps the clock, the speaker and the queue; row 1 says how the phase stands.
        if wide || c.rows >= 22 { row = drawRundown(&c, app, room, now, top: row, width: leftWidth) + 1 } else { row = 2 }
        row = drawSpeaker(&c, app, room, now, top: row, width: leftWidth) + 1
        if let shown = room.messageShown {
            let label = " \(app.strings.program.boardMessage)："
            let col = c.put(label, row: row - 1, column: 0, style: .header)
            c.put(shown.text, row: row - 1, column: col, width: leftWidth - col, style: .warning)
            row += 1
        }
        if wide {
            for r in 2..<(c.rows - 3) { c.put("│", row: r, column: leftWidth, style: .dim) }
            drawQueue(&c, app, room, now, top: 2, left: leftWidth + 2, width: c.columns - leftWidth - 2, bottom: c.rows - 4)
        } else {
            drawQueue(&c, app, room, now, top: row, left: 0, width: c.columns, bottom: c.rows - 4)
        }
    }

    /// The running phase and its clock, in its state's colour and words; the projected end.
    private func drawClock<C: Canvas>(_ c: inout C, _ app: App, _ room: Room, _ now: Timestamp, width: Int) {
        let s = app.strings, p = s.program
        var col = c.put(" " + s.phase(room.phase) + "  ", row: 1, column: 0, style: .header)
        if let row = room.currentPhaseRow(now: now) {
            let state = room.clockState(of: row)
            let text = " \(ProgramLook.clock(row.elapsedSeconds)) / \(ProgramLook.clock(row.plannedSeconds)) "
            col = c.put(text, row: 1, column: col, style: ProgramLook.style(state, now: now))
            let left = row.remainingSeconds >= 0 ? "  \(p.left) \(ProgramLook.clock(row.remainingSeconds))"
                : "  \(p.over) \(ProgramLook.clock(-row.remainingSeconds))"
            col = c.put(left, row: 1, column: col, style: state == .over ? .alertText : .normal)
            if let word = ProgramLook.word(state, p) { col = c.put("  [\(word)]", row: 1, column: col, style: state == .over ? .alertText : .warning) }
        } else if let plan = app.store.config.plan(for: room.phase) {
            col = c.put("\(s.planned) \(plan.start)", row: 1, column: col, style: .dim)
        }
        if let end = room.projectedEnd(now: now) {
            let text = s.fill(room.phase == .closed ? p.endedAt : p.projectedEnd, ProgramLook.timeOfDay(end.projected)) + " · "
                + (end.lateMinutes > 0 ? s.fill(p.late, String(end.lateMinutes)) : p.onTime) + " "
            let w = DisplayWidth.of(text)
            if col + w + 2 <= width { c.put(text, row: 1, column: width - w, style: end.lateMinutes > 0 ? .alertText : .dim) }
        }
    }

    /// Every phase: planned start and length, when it began and ended, time used, left or over.
    private func drawRundown<C: Canvas>(_ c: inout C, _ app: App, _ room: Room, _ now: Timestamp, top: Int, width: Int) -> Int {
        let s = app.strings, p = s.program
        let widths = [max(8, min(13, width - 54)), 7, 6, 6, 6, 8, 11]
        Table.drawRow(&c, [p.colPhase, p.colPlanned, p.colLength, p.colStarted, p.colEnded, p.colUsed, p.colLeft],
                      widths: widths, row: top, width: width, style: .header)
        var row = top + 1
        for r in room.rundown(now: now) {
            // Running: what is left. Over: by how much. Ended early: how much was saved.
            let left: String
            if !r.hasStarted { left = p.notYet }
            else if r.remainingSeconds < 0 { left = s.fill(p.diffOver, ProgramLook.clock(-r.remainingSeconds)) }
            else if r.isCurrent || r.remainingSeconds == 0 { left = s.fill(p.diffLeft, ProgramLook.clock(r.remainingSeconds)) }
            else { left = s.fill(p.diffUnder, ProgramLook.clock(r.remainingSeconds)) }
            let cells = [s.phase(r.phase), r.plannedStart.description, String(r.plannedMinutes),
                         r.actualStart?.clock ?? p.notYet, r.actualEnd?.clock ?? (r.isCurrent ? "…" : p.notYet),
                         r.hasStarted ? ProgramLook.clock(r.elapsedSeconds) : p.notYet, left]
            let style: Style = r.isCurrent ? .selected : r.hasStarted && r.remainingSeconds < 0 ? .alertText : r.hasStarted ? .normal : .dim
            Table.drawRow(&c, cells, widths: widths, row: row, width: width, style: style, marked: r.isCurrent)
            row += 1
        }
        return row
    }

    /// Who speaks, for how long against their time, the light; who is next.
    private func drawSpeaker<C: Canvas>(_ c: inout C, _ app: App, _ room: Room, _ now: Timestamp, top: Int, width: Int) -> Int {
        let s = app.strings, p = s.program
        let labelW = max(DisplayWidth.of(p.speaking), DisplayWidth.of(p.next)) + 2
        var col = c.put(" " + DisplayWidth.fit(p.speaking, to: labelW), row: top, column: 0, style: .header)
        if let clock = room.speakerClock(now: now) {
            col = c.put(DisplayWidth.truncate(Sanitizer.clean(room.label(clock.person)), to: max(10, width - 40)) + "  ", row: top, column: col, style: .normal)
            let text = " \(ProgramLook.clock(clock.seconds)) / \(ProgramLook.clock(room.secondsPerSpeaker)) \(ProgramLook.word(clock.light, p)) "
            c.put(text, row: top, column: col, style: ProgramLook.style(clock.light, now: now))
        } else if let last = room.intro.turns.last, last.outcome == .left, let end = last.end,
                  now.millis - end.millis < 120_000, room.phase == .introductions {
            // The speaker checked out (at another desk): said here, not just gone.
            c.put(s.fill(p.speakerLeft, room.label(last.person)), row: top, column: col, width: width - col, style: .warning)
        } else {
            c.put(room.phase == .introductions && !room.introQueue.isEmpty ? p.spaceStarts : p.nobodySpeaking,
                  row: top, column: col, width: width - col, style: .dim)
        }
        col = c.put(" " + DisplayWidth.fit(p.next, to: labelW), row: top + 1, column: 0, style: .header)
        let next = room.introQueue.first.map { room.label($0) } ?? p.queueEmpty
        c.put(next, row: top + 1, column: col, width: width - col, style: room.introQueue.isEmpty ? .dim : .normal)
        return top + 2
    }

    /// The introductions in order, with marks and times; the highlighted one for [ and ].
    private func drawQueue<C: Canvas>(_ c: inout C, _ app: App, _ room: Room, _ now: Timestamp, top: Int, left: Int, width: Int, bottom: Int) {
        let p = app.strings.program
        let list = entries(app)
        let counts = [(p.markDone, Room.QueueEntry.Mark.done), (p.markSkipped, .skipped), (p.markWaiting, .waiting)]
            .map { word, mark in "\(word) \(list.filter { $0.mark == mark }.count)" }.joined(separator: " · ")
        guard top < bottom else { return }
        c.put(" \(p.order) · \(counts)", row: top, column: left, width: width, style: .header)
        var visible = max(1, bottom - top)
        let selected = selectedID.flatMap { id in list.firstIndex { room.people[$0.person].id == id } }
        var state = ListState(selected: selected ?? list.firstIndex { $0.mark == .speaking })
        state.offset = queueOffset
        state.scrollToShow(count: list.count, height: visible)
        // More below than fits: the last row says how many, so nobody is forgotten off screen.
        if list.count - state.offset > visible, visible > 1 {
            visible -= 1
            state.scrollToShow(count: list.count, height: visible)
            let more = list.count - state.offset - visible
            c.put(" " + app.strings.fill(p.moreRows, String(more)), row: top + 1 + visible, column: left, width: width, style: .dim)
        }
        queueOffset = state.offset
        let nameW = max(8, min(20, width / 3)), ministryW = max(6, min(16, width - nameW - 22))
        for (i, e) in list.enumerated().dropFirst(state.offset).prefix(visible) {
            let mark: String
            switch e.mark {
            case .waiting: mark = p.markWaiting
            case .speaking: mark = p.markSpeaking
            case .done: mark = p.markDone
            case .skipped: mark = p.markSkipped
            case .away: mark = p.markAway
            }
            let time = e.seconds > 0 ? ProgramLook.clock(e.seconds) : ""
            let isSelected = i == selected
            let style: Style = isSelected ? .selected : e.mark == .speaking ? .header : e.mark == .waiting ? .normal : .dim
            let person = room.people[e.person]
            var x = c.put(isSelected ? ">" : " ", row: top + 1 + i - state.offset, column: left, style: style)
            for (text, w) in [(person.name, nameW), (person.ministry, ministryW), (mark, 8), (time, 6)] {
                x = c.put(text, row: top + 1 + i - state.offset, column: x, width: w, style: style)
                x = c.put(" ", row: top + 1 + i - state.offset, column: x, style: style)
            }
        }
        if list.isEmpty { c.put(" " + p.queueEmpty, row: top + 1, column: left, width: width, style: .dim) }
    }
}
