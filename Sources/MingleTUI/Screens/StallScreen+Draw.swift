import MingleCore
import MingleTerminal

/// A stall's screen: the table's name, hosts and seats; the ministries there now and today; the
/// help request while it is on; the seat search; who sits here (or the search's results); and
/// who got up in the last minutes and where they went. Under 60 columns (a phone in portrait)
/// it keeps the stall, its seats, the search and who sits here, and leaves out hosts, the
/// ministries now and the role column.
extension StallScreen {
    /// A phone's SSH app in portrait.
    static func isNarrow(_ width: Int) -> Bool { width < App.minimumSize.columns }

    func draw<C: Canvas>(_ c: inout C, _ app: App) {
        let s = app.strings, t = s.stall, room = app.store.state.room, now = app.now()
        guard let si = stall(app), let v = view(app) else {
            c.put(" " + t.stallGone + " (\(stallID))", row: 2, column: 1, width: c.columns - 2, style: .alert)
            return
        }
        let st = room.stalls[si], width = c.columns, last = c.rows - 4
        let narrow = StallScreen.isNarrow(width)
        var row = 1

        // The table: name and hosts on the left, seats on the right.
        let seatsText = narrow ? " \(v.seated.count)/\(st.seats) " : " \(t.seats) \(v.seated.count)/\(st.seats) "
        let barW = SeatBar.width(seats: st.seats, room: narrow ? 8 : 16)
        let right = DisplayWidth.of(seatsText) + barW + 1
        var col = c.put(" " + DisplayWidth.truncate(Sanitizer.clean(st.name), to: max(8, width - right - 2)), row: row, column: 0, style: .header)
        let hosts = st.owners.map { room.person($0)?.name ?? $0 }.joined(separator: "、")
        if !hosts.isEmpty, !narrow, width - right - col > 6 {
            col = c.put("  \(t.hosts) " + Sanitizer.clean(hosts), row: row, column: col, width: width - right - col - 1, style: .dim)
        }
        let seatsCol = c.put(seatsText, row: row, column: width - right, style: v.seated.count >= st.seats ? .alertText : .normal)
        SeatBar.draw(&c, taken: v.seated.count, seats: st.seats, width: barW, row: row, column: seatsCol)
        row += 1

        // Ministries now, and how many today.
        let today = s.fill2(t.today, String(v.ministriesToday), String(v.peopleToday))
        let nowText = v.ministriesNow.isEmpty ? "" : t.nowAtTable + v.ministriesNow.map { "\(Sanitizer.clean($0.ministry)) \($0.people)" }.joined(separator: " · ")
        let todayW = DisplayWidth.of(today) + 2
        if narrow {
            c.put(" " + today, row: row, column: 0, width: width, style: .dim)
        } else {
            if !nowText.isEmpty { c.put(" " + nowText, row: row, column: 0, width: max(0, width - todayW - 1)) }
            c.put(today + " ", row: row, column: max(0, width - todayW + 1), style: .dim)
        }
        row += 1

        if room.helpRequested[si] {
            // Whole, on two rows if need be (a phone): how to withdraw it must not be cut off.
            for line in Wrap.lines(s.fill(t.helpOn, room.helpRequestedAt[si]?.clock ?? ""), width: width - 2).prefix(2) {
                c.fillRow(row, from: 0, style: .alert)
                c.put(" " + line, row: row, column: 0, width: width, style: .alert)
                row += 1
            }
        } else if let cleared = room.helpClearedBy[si],
                  // Withdrawn by this stall itself (from any of its terminals) is not an answer.
                  cleared.author.role != "stall:\(st.id)",
                  cleared.author.user != app.author.user || cleared.author.terminal != app.author.terminal,
                  PersonCells.minutes(since: cleared.at, now: now) < StallScreen.recentMinutes {
            // Cleared by someone else than this terminal (the organisers): someone is on their way.
            let by = ScreenKind.parse(cleared.author.role).map(s.roleLabel) ?? cleared.author.role
            c.put(" " + s.fill2(t.helpAnswered, cleared.at.clock, Sanitizer.clean(by)), row: row, column: 0, width: width, style: .good)
            row += 1
        }

        // The seat search.
        col = c.put(" " + t.seatLabel, row: row, column: 0, style: .header)
        let fieldWidth = max(10, min(30, width - col - 2))
        picker.search.draw(on: &c, row: row, column: col, width: fieldWidth, focused: app.top === self)
        // The hint only where it fits whole: a cut-off hint reads as a broken screen.
        if !searching, DisplayWidth.of(t.typeToSeat) + 1 <= width - col - fieldWidth {
            c.put(" " + t.typeToSeat, row: row, column: col + fieldWidth, width: max(0, width - col - fieldWidth), style: .dim)
        }
        row += 1

        // Who just left: below the table, only in rows the table does not need — everyone at the
        // table comes first.
        let leavers = searching ? [] : v.recentlyLeft
        let listRows = last - row  // below the header row
        let leaverRows = leavers.isEmpty ? 0 : min(leavers.count, max(0, listRows - max(1, v.seated.count) - 1))
        let listBottom = leaverRows > 0 ? last - leaverRows - 1 : last

        let roleW = narrow ? 0 : 8, lastW = narrow ? (searching ? 13 : 6) : min(24, max(8, width / 4))
        let nameW = narrow ? 12 : min(24, max(10, (width - roleW - lastW - 4) * 9 / 20))
        let ministryW = min(24, max(6, width - roleW - lastW - nameW - 4))
        let widths = [nameW, ministryW, roleW, lastW]
        Table.drawRow(&c, columns([s.headerName, s.headerMinistry, s.headerRole, searching ? t.colWhere : t.colHere], narrow),
                      widths: columns(widths, narrow), row: row, width: width, style: .header)
        row += 1
        let visible = max(1, listBottom - row + 1)
        if searching {
            drawMatches(&c, app, widths: widths, top: row, visible: visible)
        } else {
            drawSeated(&c, app, v, widths: widths, top: row, visible: visible, now: now)
        }

        if leaverRows > 0 {
            let top = last - leaverRows
            c.put(" " + s.fill(t.recentlyLeft, String(StallScreen.recentMinutes)), row: top, column: 0, width: width, style: .header)
            for (i, l) in leavers.prefix(leaverRows).enumerated() {
                let person = room.people[l.person]
                let minutes = PersonCells.minutes(since: l.at, now: now)
                let ago = minutes == 0 ? t.justNow : s.fill(t.minutesAgo, String(minutes))
                if narrow {
                    Table.drawRow(&c, [picker.nameCell(l.person, room, width: nameW), ago, whereNow(l.person, room, s)],
                                  widths: [nameW, 9, max(6, width - nameW - 12)], row: top + 1 + i, width: width, style: .dim)
                } else {
                    Table.drawRow(&c, [picker.nameCell(l.person, room, width: nameW), person.ministry, ago, whereNow(l.person, room, s)],
                                  widths: [nameW, ministryW, 10, max(lastW, width - nameW - ministryW - 15)],
                                  row: top + 1 + i, width: width, style: .dim)
                }
            }
        }
    }

    private func drawSeated<C: Canvas>(_ c: inout C, _ app: App, _ v: Room.StallNow, widths: [Int], top: Int, visible: Int, now: Timestamp) {
        let s = app.strings, room = app.store.state.room
        guard !v.seated.isEmpty else {
            let empty = room.phase == .chat ? s.stall.nobodySeated : s.fill(s.stall.notOpenNow, s.phase(room.phase))
            c.put(" " + empty, row: top, column: 0, width: c.columns, style: .dim)
            return
        }
        let selectedRow = seatedSelectedID.flatMap(room.index(ofPerson:)).flatMap { v.seated.firstIndex(of: $0) }
        seatedList.selected = selectedRow
        seatedList.scrollToShow(count: v.seated.count, height: visible)
        ListMore.draw(&c, above: seatedList.offset, below: v.seated.count - seatedList.offset - visible, row: top - 1, s)
        for (i, p) in v.seated.dropFirst(seatedList.offset).prefix(visible).enumerated() {
            let person = room.people[p]
            let here = s.fill(s.stall.minutesShort, String(PersonCells.minutes(since: room.presence[p].seatedSince, now: now)))
            let isSelected = seatedList.offset + i == selectedRow
            let narrow = StallScreen.isNarrow(c.columns)
            Table.drawRow(&c, columns([picker.nameCell(p, room, width: widths[0]), person.ministry, s.role(person.role), here], narrow),
                          widths: columns(widths, narrow), row: top + i, width: c.columns, style: isSelected ? .selected : .normal, marked: isSelected)
        }
    }

    private func drawMatches<C: Canvas>(_ c: inout C, _ app: App, widths: [Int], top: Int, visible: Int) {
        let s = app.strings, room = app.store.state.room
        let matches = matches(app)
        guard !matches.isEmpty else {
            // Someone on the list who is not here yet is named, with what to do.
            for (i, line) in Wrap.lines(whyNobodyMatches(app), width: c.columns - 2).prefix(3).enumerated() {
                c.put(" " + line, row: top + i, column: 0, width: c.columns, style: .dim)
            }
            return
        }
        let selectedRow = picker.row(in: matches)
        picker.list.selected = selectedRow
        picker.list.scrollToShow(count: matches.count, height: visible)
        ListMore.draw(&c, above: picker.list.offset, below: matches.count - picker.list.offset - visible, row: top - 1, s)
        let here = stall(app)
        for (i, p) in matches.dropFirst(picker.list.offset).prefix(visible).enumerated() {
            let person = room.people[p]
            let isSelected = picker.list.offset + i == selectedRow
            let narrow = StallScreen.isNarrow(c.columns)
            Table.drawRow(&c, columns([picker.nameCell(p, room, width: widths[0]), person.ministry, s.role(person.role), PersonCells.state(p, room, s)], narrow),
                          widths: columns(widths, narrow), row: top + i, width: c.columns,
                          style: isSelected ? .selected : room.presence[p].stall == here ? .dim : .normal, marked: isSelected)
        }
    }

    /// The role column goes on a phone: name, ministry and the last column stay.
    private func columns<T>(_ cells: [T], _ narrow: Bool) -> [T] {
        narrow ? [cells[0], cells[1], cells[3]] : cells
    }

    /// Where someone who got up from this table is now.
    private func whereNow(_ p: Int, _ room: Room, _ s: UIStrings) -> String {
        let pr = room.presence[p]
        if let other = pr.stall { return s.fill(s.stall.wentTo, room.stalls[other].name) }
        if pr.left { return s.fill(s.stall.checkedOutAt, pr.checkOutTime?.clock ?? "") }
        return s.stall.wentNowhere
    }
}
