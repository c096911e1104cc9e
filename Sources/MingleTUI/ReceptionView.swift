import MingleCore
import MingleTerminal

/// The reception desk on screen: the search field, the list in aligned columns, and — when the
/// terminal is wide enough — headcounts and the stalls on the side.
extension App {
    static let sidePanelWidth = 34
    static let sidePanelFrom = 110

    func drawReception<C: Canvas>(_ c: inout C) {
        let room = store.state.room
        let matches = reception.matches(in: room, events: store.state.history.count)
        let side = c.columns >= App.sidePanelFrom
        let width = side ? c.columns - App.sidePanelWidth - 1 : c.columns
        // The search line.
        let label = " \(strings.search): "
        var col = c.put(label, row: 1, column: 0, style: .header)
        let count = reception.search.isEmpty ? "" : "  \(matches.count) \(strings.matches)"
        let fieldWidth = max(10, min(40, width - col - DisplayWidth.of(count) - 1))
        reception.search.draw(on: &c, row: 1, column: col, width: fieldWidth, focused: reception.walkIn == nil && overlay == nil)
        col += fieldWidth
        c.put(count, row: 1, column: col, style: .dim)

        // The list.
        let roleW = 8, stateW = min(22, max(10, width / 5))
        // Columns grow with the terminal up to what names and ministries need, then stop: a
        // compact table reads better on a 200-column screen than one stretched across it.
        let nameW = min(24, max(10, (width - roleW - stateW - 4) * 9 / 20))
        let ministryW = min(30, max(6, width - roleW - stateW - nameW - 4))
        func row(_ cells: [String], _ r: Int, _ style: Style) {
            // ">" marks the highlighted row where colour and reverse video are not seen.
            var x = c.put(style == .selected ? ">" : " ", row: r, column: 0, style: style)
            for (text, w) in zip(cells, [nameW, ministryW, roleW, stateW]) {
                x = c.put(text, row: r, column: x, width: w, style: style)
                x = c.put(" ", row: r, column: x, style: style)
            }
            if style == .selected { c.put(String(repeating: " ", count: max(0, width - x)), row: r, column: x, style: style) }
        }
        row([strings.headerName, strings.headerMinistry, strings.headerRole, strings.headerState], 2, .header)
        let top = 3, visible = max(1, c.rows - 3 - top)
        if matches.isEmpty {
            c.put(" " + strings.noMatches, row: top, column: 0, width: width, style: .dim)
        }
        let selectedRow = reception.selected.flatMap { matches.firstIndex(of: $0) } ?? 0
        if selectedRow < reception.scroll { reception.scroll = selectedRow }
        if selectedRow >= reception.scroll + visible { reception.scroll = selectedRow - visible + 1 }
        reception.scroll = max(0, min(reception.scroll, max(0, matches.count - visible)))
        for (i, p) in matches.dropFirst(reception.scroll).prefix(visible).enumerated() {
            let person = room.people[p]
            // Nothing is highlighted until something is typed or an arrow is pressed.
            let isSelected = reception.scroll + i == selectedRow && (!reception.search.isEmpty || reception.selected != nil)
            row([person.name, person.ministry, strings.role(person.role), stateText(p, room)], top + i,
                isSelected ? .selected : room.presence[p].isHere ? .normal : .dim)
        }
        if side { drawSidePanel(&c, column: width + 1) }
        if reception.walkIn != nil { drawWalkIn(&c) }
    }

    func stateText(_ p: Int, _ room: Room) -> String {
        let pr = room.presence[p]
        if let s = pr.stall { return "\(strings.stateAtStall) \(room.stalls[s].name)" }
        if pr.isHere { return "\(strings.stateHere) \(pr.checkInTime?.clock ?? "")" }
        if pr.left { return "\(strings.stateLeft) \(pr.checkOutTime?.clock ?? "")" }
        return strings.stateInvited
    }

    private func drawSidePanel<C: Canvas>(_ c: inout C, column x: Int) {
        let room = store.state.room, h = room.headcounts, w = App.sidePanelWidth
        for r in 1..<(c.rows - 3) { c.put("│", row: r, column: x - 1, style: .dim) }
        c.put(" \(strings.people)", row: 1, column: x, width: w, style: .header)
        let counts = [(strings.here, h.here), (strings.came, h.came), (strings.invited, h.invited), (strings.left, h.left), (strings.walkIns, h.walkIns)]
        for (i, (label, n)) in counts.enumerated() {
            c.put(" " + DisplayWidth.fit(label, to: 12) + DisplayWidth.fitRight(String(n), to: 6), row: 2 + i, column: x, width: w)
        }
        let top = 3 + counts.count
        c.put(" \(strings.stalls)", row: top, column: x, width: w, style: .header)
        for (i, o) in room.occupancy.enumerated() where top + 1 + i < c.rows - 3 {
            let seats = "\(o.seated.count)/\(o.stall.seats)"
            // Seats line up in one column; a help request is marked after them.
            let name = DisplayWidth.fit(Sanitizer.clean(o.stall.name), to: w - 14)
            let help = o.helpRequested ? " " + strings.helpRequested : ""
            c.put(" " + name + DisplayWidth.fitRight(seats, to: 6) + help, row: top + 1 + i, column: x, width: w,
                  style: o.helpRequested ? .alert : o.isFull ? .warning : .normal)
        }
    }

    private func drawWalkIn<C: Canvas>(_ c: inout C) {
        guard let form = reception.walkIn else { return }
        let width = min(c.columns - 4, 56), left = (c.columns - width) / 2, top = max(2, c.rows / 2 - 4)
        for r in top..<(top + 7) { c.put(String(repeating: " ", count: width), row: r, column: left, style: .selected) }
        c.put(" " + strings.walkInTitle, row: top, column: left, width: width, style: .key)
        let labelW = 10, fieldW = width - labelW - 3
        let fields: [(String, WalkInForm.Field)] = [(strings.walkInName, .name), (strings.walkInMinistry, .ministry), (strings.walkInRole, .role)]
        for (i, (label, f)) in fields.enumerated() {
            let r = top + 2 + i
            c.put(" " + DisplayWidth.fit(label, to: labelW), row: r, column: left, style: .selected)
            switch f {
            case .name: form.name.draw(on: &c, row: r, column: left + labelW + 2, width: fieldW, focused: form.focus == .name && overlay == nil)
            case .ministry: form.ministry.draw(on: &c, row: r, column: left + labelW + 2, width: fieldW, focused: form.focus == .ministry && overlay == nil)
            case .role:
                let roles = Role.allCases.map { $0 == form.role ? "[\(strings.role($0))]" : " \(strings.role($0)) " }.joined()
                c.put(roles, row: r, column: left + labelW + 2, width: fieldW, style: form.focus == .role ? .field : .selected)
            }
        }
        c.put(" " + strings.walkInHint, row: top + 6, column: left, width: width, style: .selected)
    }
}
