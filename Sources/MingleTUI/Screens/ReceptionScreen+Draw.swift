import MingleCore
import MingleTerminal

/// The reception desk on screen: the search field, the list in aligned columns, and — when the
/// terminal is wide enough — headcounts and the stalls on the side.
extension ReceptionScreen {
    static let sidePanelWidth = 34
    static let sidePanelFrom = 110

    func draw<C: Canvas>(_ c: inout C, _ app: App) {
        let s = app.strings, room = app.store.state.room
        let matches = matches(app)
        let side = c.columns >= ReceptionScreen.sidePanelFrom
        let width = side ? c.columns - ReceptionScreen.sidePanelWidth - 1 : c.columns
        // The search line.
        var col = c.put(" \(s.search): ", row: 1, column: 0, style: .header)
        let count = picker.search.isEmpty ? "" : "  \(matches.count) \(matches.count == 1 ? s.oneMatch : s.matches)"
        let fieldWidth = max(10, min(40, width - col - DisplayWidth.of(count) - 1))
        picker.search.draw(on: &c, row: 1, column: col, width: fieldWidth, focused: app.top === self)
        col += fieldWidth
        c.put(count, row: 1, column: col, style: .dim)

        // The list. Columns grow with the terminal up to what names and ministries need, then
        // stop: a compact table reads better on a 200-column screen than one stretched across it.
        let roleW = 8, stateW = min(22, max(10, width / 5))
        let nameW = min(24, max(10, (width - roleW - stateW - 4) * 9 / 20))
        let ministryW = min(30, max(6, width - roleW - stateW - nameW - 4))
        let widths = [nameW, ministryW, roleW, stateW]
        Table.drawRow(&c, [s.headerName, s.headerMinistry, s.headerRole, s.headerState], widths: widths, row: 2, width: width, style: .header)
        // A help request takes the list's last row, above the message line, until it is cleared.
        let asking = room.stallsHelpFirst.filter { room.helpRequested[$0] }
        let top = 3, visible = max(1, c.rows - 3 - top - (asking.isEmpty ? 0 : 1))
        if let first = asking.first {
            let name = "\(room.stalls[first].name) \(room.helpRequestedAt[first]?.clock ?? "")"
            let more = asking.count > 1 ? s.fill(s.stall.helpBannerMore, String(asking.count - 1)) : ""
            c.put(" " + s.fill(s.stall.helpBanner, Sanitizer.clean(name)) + more, row: c.rows - 4, column: 0, width: width, style: .alert)
        }
        if matches.isEmpty { c.put(" " + s.noMatches, row: top, column: 0, width: width, style: .dim) }
        let selectedRow = picker.row(in: matches)
        picker.list.selected = selectedRow
        picker.list.scrollToShow(count: matches.count, height: visible)
        for (i, p) in matches.dropFirst(picker.list.offset).prefix(visible).enumerated() {
            let person = room.people[p]
            let isSelected = picker.list.offset + i == selectedRow && picker.isHighlightShown
            Table.drawRow(&c, [picker.nameCell(p, room, width: nameW), person.ministry, s.role(person.role), PersonCells.state(p, room, s)],
                          widths: widths, row: top + i, width: width,
                          style: isSelected ? .selected : room.presence[p].isHere ? .normal : .dim, marked: isSelected)
        }
        if side { drawSidePanel(&c, column: width + 1, app) }
    }

    private func drawSidePanel<C: Canvas>(_ c: inout C, column x: Int, _ app: App) {
        let s = app.strings, room = app.store.state.room, h = room.headcounts, w = ReceptionScreen.sidePanelWidth
        for r in 1..<(c.rows - 3) { c.put("│", row: r, column: x - 1, style: .dim) }
        c.put(" \(s.people)", row: 1, column: x, width: w, style: .header)
        let counts = [(s.here, h.here), (s.came, h.came), (s.invited, h.invited), (s.left, h.left), (s.walkIns, h.walkIns)]
        for (i, (label, n)) in counts.enumerated() {
            c.put(" " + DisplayWidth.fit(label, to: 12) + DisplayWidth.fitRight(String(n), to: 6), row: 2 + i, column: x, width: w)
        }
        let top = 3 + counts.count
        c.put(" \(s.stalls)", row: top, column: x, width: w, style: .header)
        // Help requests first, the longest asking first, as in the room view (F3).
        let occupancy = room.occupancy
        let order = room.stallsHelpFirst
        for (i, st) in order.enumerated() where top + 1 + i < c.rows - 6 {
            let o = occupancy[st]
            let seats = "\(o.seated.count)/\(o.stall.seats)"
            // Seats line up in one column; a help request is marked after them.
            let name = DisplayWidth.fit(Sanitizer.clean(o.stall.name), to: w - 14)
            let help = o.helpRequested ? " " + s.helpRequested : ""
            c.put(" " + name + DisplayWidth.fitRight(seats, to: 6) + help, row: top + 1 + i, column: x, width: w,
                  style: o.helpRequested ? .alert : o.isFull ? .warning : .normal)
        }
        // Who to point somewhere: the room view (F3) lists them.
        c.put(" " + s.fill(s.stall.wanderers, String(room.wanderers.count)), row: c.rows - 5, column: x, width: w, style: .dim)
        c.put(" " + s.fill(s.stall.newNotSeated, String(room.newNotYetSeated.count)), row: c.rows - 4, column: x, width: w, style: .dim)
    }
}
