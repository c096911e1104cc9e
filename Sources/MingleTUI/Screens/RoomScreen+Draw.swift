import MingleCore
import MingleTerminal

/// The room view on screen: the stalls above; below, who wanders and which new POs have not sat
/// anywhere (side by side when wide), or in the photo phase the roll call.
extension RoomScreen {
    func draw<C: Canvas>(_ c: inout C, _ app: App) {
        let s = app.strings, t = s.stall, room = app.store.state.room
        let last = c.rows - 4, width = c.columns
        guard !room.stalls.isEmpty else {
            for (i, line) in Wrap.lines(t.noStalls, width: width - 4).enumerated() { c.put(line, row: 2 + i, column: 2, width: width - 4) }
            drawLower(&c, app, top: 4, bottom: last)
            return
        }
        // The stalls: as many as fit while the part below keeps room for its lists — stacked on
        // a narrow terminal, two titles and two people each (the stall list scrolls).
        let order = room.stallsHelpFirst
        let below = width >= 70 ? 5 : 7
        let stallRows = min(order.count, max(3, last - 1 - below))
        let nameW = min(16, max(8, width / 6)), seatsW = 6, helpW = min(14, max(9, width / 8))
        let barW = SeatBar.width(seats: room.stalls.map(\.seats).max() ?? 8, room: min(16, max(4, width / 10)))
        let hostsW = max(6, min(30, width - nameW - barW - seatsW - helpW - 7))
        Table.drawRow(&c, [t.colStall, t.hosts, t.colSeats, "", ""], widths: [nameW, hostsW, barW, seatsW, helpW],
                      row: 1, width: width, style: .header)
        let selected = selected(app).flatMap { order.firstIndex(of: $0) }
        stallList.selected = selected
        stallList.scrollToShow(count: order.count, height: stallRows)
        for (i, st) in order.dropFirst(stallList.offset).prefix(stallRows).enumerated() {
            let stall = room.stalls[st], row = 2 + i
            let isSelected = stallList.offset + i == selected
            let help = room.helpRequested[st] ? s.fill(t.helpSince, room.helpRequestedAt[st]?.clock ?? "") : ""
            let style: Style = isSelected ? .selected : room.helpRequested[st] ? .alert : .normal
            // A host who is not here is said so: the table may need someone.
            let hosts = stall.owners.map { id in
                guard let p = room.index(ofPerson: id) else { return id }
                return room.presence[p].isHere ? room.people[p].name : s.fill(t.hostAway, room.people[p].name)
            }.joined(separator: "、")
            Table.drawRow(&c, [Sanitizer.clean(stall.name), Sanitizer.clean(hosts)], widths: [nameW, hostsW], row: row, width: width,
                          style: style, marked: isSelected)
            let barCol = 1 + nameW + 1 + hostsW + 1
            SeatBar.draw(&c, taken: room.seated[st].count, seats: stall.seats, width: barW, row: row, column: barCol)
            let seats = DisplayWidth.fitRight("\(room.seated[st].count)/\(stall.seats)", to: seatsW)
            let col = c.put(" " + seats + " ", row: row, column: barCol + barW, style: room.seated[st].count >= stall.seats ? .alertText : style)
            c.put(help, row: row, column: col, width: max(0, width - col), style: room.helpRequested[st] ? .alert : style)
        }
        if order.count > stallRows {
            let hidden = order.count - stallRows
            c.put(" " + s.fill(t.moreRows, String(hidden)), row: 2 + stallRows, column: 0, width: width, style: .dim)
        }
        drawLower(&c, app, top: 2 + stallRows + 1, bottom: last)
    }

    private func drawLower<C: Canvas>(_ c: inout C, _ app: App, top: Int, bottom: Int) {
        guard bottom > top else { return }
        if app.store.state.room.phase == .photo {
            drawRollCall(&c, app, top: top, bottom: bottom)
            return
        }
        let s = app.strings, t = s.stall
        let (wandererRows, newRows) = lists(app)
        let w = s.fill(t.wanderers, String(wandererRows.count)), n = s.fill(t.newNotSeated, String(newRows.count))
        if c.columns >= 70 {
            let half = c.columns / 2
            drawList(&c, title: w, rows: wandererRows, empty: t.everyoneSeated, top: top, bottom: bottom, left: 0, width: half - 1)
            drawList(&c, title: n, rows: newRows, empty: t.noNewWaiting, top: top, bottom: bottom, left: half, width: c.columns - half)
        } else {
            // Stacked: each list gets half the rows, or what the other leaves over.
            let rows = bottom - top + 1
            let firstRows = max(2, min(1 + max(1, wandererRows.count), rows - min(rows / 2, 1 + max(1, newRows.count))))
            drawList(&c, title: w, rows: wandererRows, empty: t.everyoneSeated, top: top, bottom: top + firstRows - 1, left: 0, width: c.columns)
            drawList(&c, title: n, rows: newRows, empty: t.noNewWaiting, top: top + firstRows, bottom: bottom, left: 0, width: c.columns)
        }
    }

    /// A titled list of three columns between `top` and `bottom`; the last row says how many
    /// more when not all fit.
    private func drawList<C: Canvas>(_ c: inout C, title: String, rows: [[String]], empty: String, top: Int, bottom: Int,
                                     left: Int, width: Int) {
        guard bottom >= top else { return }
        c.put(" " + title, row: top, column: left, width: width, style: .header)
        let room = bottom - top
        if rows.isEmpty, room > 0 { c.put("  " + empty, row: top + 1, column: left, width: width, style: .dim) }
        let nameW = min(16, max(8, width * 2 / 5)), lastW = min(14, max(12, width / 4))
        let ministryW = max(8, min(12, width - nameW - lastW - 4))
        for (i, cells) in rows.prefix(room).enumerated() {
            let r = top + 1 + i
            if i == room - 1, rows.count > room {
                c.put("  … +\(rows.count - room + 1)", row: r, column: left, width: width, style: .dim)
                break
            }
            var x = c.put(" ", row: r, column: left, style: .normal)
            x = c.put(Sanitizer.clean(cells[0]), row: r, column: x, width: nameW)
            x = c.put(" " + Sanitizer.clean(cells[1]), row: r, column: x, width: ministryW + 1, style: .dim)
            c.put(" " + cells[2], row: r, column: x, width: min(lastW + 1, left + width - x))
        }
    }

    /// The photo: how many are here of those who came, by ministry (those missing someone stand
    /// out), and who left early with their check-out time.
    private func drawRollCall<C: Canvas>(_ c: inout C, _ app: App, top: Int, bottom: Int) {
        let s = app.strings, t = s.stall, roll = app.store.state.room.rollCall, room = app.store.state.room
        c.put(" \(t.rollCall) · " + s.fill2(t.rollHere, String(roll.here), String(roll.came)), row: top, column: 0, width: c.columns, style: .header)
        // Ministries packed along the rows: "衛福部 3/4".
        var row = top + 1, col = 1
        let leftRows = roll.leftEarly.isEmpty ? 2 : min(roll.leftEarly.count + 1, max(2, (bottom - top) / 2))
        let ministryBottom = bottom - leftRows
        for m in roll.byMinistry {
            let item = "\(m.ministry.isEmpty ? "—" : Sanitizer.clean(m.ministry)) \(m.here)/\(m.came)"
            let w = DisplayWidth.of(item) + 2
            if col + w > c.columns { row += 1; col = 1 }
            guard row <= ministryBottom else { break }
            col = c.put(item, row: row, column: col, style: m.here < m.came ? .warning : .normal) + 2
        }
        let leftTop = min(ministryBottom, row) + 1
        guard leftTop <= bottom else { return }
        let rows = roll.leftEarly.map { p in [room.people[p].name, room.people[p].ministry, room.presence[p].checkOutTime?.clock ?? ""] }
        drawList(&c, title: s.fill(t.leftEarly, String(rows.count)), rows: rows, empty: t.nobodyLeft, top: leftTop, bottom: bottom,
                 left: 0, width: min(c.columns, 60))
    }
}
