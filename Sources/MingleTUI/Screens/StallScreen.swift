import MingleCore
import MingleTerminal

/// A stall owner's screen (`--role stall:ID`, or Enter on a stall in the room view): who sits at
/// this table now, seating by typing a name as at reception, releasing, and asking the
/// organisers for help. A text field is live, so the commands are F-keys and Enter.
final class StallScreen: Screen {
    let stallID: String
    var kind: ScreenKind { .stall(stallID) }
    /// The search over the people who are here.
    var picker = PersonPicker()
    /// The highlighted person at the table (with nothing typed), by id.
    var seatedSelectedID: String?
    var seatedList = ListState()
    /// The table's projection, made once per change of the log or minute of the clock.
    private var cache: (generation: Int, minute: Int64, view: Room.StallNow)?

    /// How far back "who just left" reaches.
    static let recentMinutes = 10

    init(stallID: String) {
        self.stallID = stallID
        picker.include = { room, p in room.presence[p].isHere }
        // Typing a name seats someone: those already at this table come last.
        picker.rankLast = { room, p in room.presence[p].stall.map { room.stalls[$0].id } == stallID }
    }

    var takesText: Bool { true }
    var hasHalfTypedInput: Bool { !picker.search.isEmpty }
    var searching: Bool { !picker.search.isEmpty }

    func stall(_ app: App) -> Int? { app.store.state.room.index(ofStall: stallID) }

    func view(_ app: App) -> Room.StallNow? {
        guard let s = stall(app) else { return nil }
        let now = app.now(), minute = now.millis / 60_000
        if let c = cache, c.generation == app.store.generation, c.minute == minute, c.view.stall == s { return c.view }
        let v = app.store.state.room.stallNow(s, now: now, recentMinutes: StallScreen.recentMinutes)
        cache = (app.store.generation, minute, v)
        return v
    }

    func matches(_ app: App) -> [Int] { picker.matches(in: app.store.state.room, generation: app.store.generation) }

    /// The person Enter seats: the highlighted search result.
    func highlighted(_ app: App) -> Int? { searching ? picker.highlighted(in: matches(app)) : nil }

    /// The person F7 releases: the highlighted search result, or the selected row at the table.
    func selected(_ app: App) -> Int? {
        if searching { return highlighted(app) }
        let seated = view(app)?.seated ?? []
        guard let id = seatedSelectedID, let p = app.store.state.room.index(ofPerson: id), seated.contains(p) else { return nil }
        return p
    }

    func pageRows(_ app: App) -> Int { max(1, app.lastSize.rows - 10) }

    func keyMap(_ s: UIStrings) -> KeyMap {
        let t = s.stall
        return KeyMap(s.screenStall, [
            KeyBinding([.enter], t.keySeat, help: t.keySeatHelp, disabled: { [unowned self] app in cannotSeat(app) }) { [unowned self] app, _ in
                seat(app)
            },
            KeyBinding([.function(7)], t.keyRelease, help: t.keyReleaseHelp, disabled: { [unowned self] app in cannotRelease(app) }) {
                [unowned self] app, _ in release(app)
            },
            KeyBinding([.function(8)], t.keyHelpOn, help: t.keyHelpHelp, disabled: { [unowned self] app in cannotToggleHelp(app) }) {
                [unowned self] app, _ in toggleHelp(app)
            },
            KeyBinding([.escape], t.keyClearOrBack, help: t.keyClearOrBackHelp, inBar: false) { [unowned self] app, _ in
                if searching { picker.clear() } else if !app.locked { app.switchTo(.stall(nil)) }
            },
            KeyBinding([.up, .down], s.keyMove, inBar: false) { [unowned self] app, key in move(app, by: key == .up ? -1 : 1) },
            KeyBinding([.pageUp, .pageDown], s.keyPage, inBar: false) { [unowned self] app, key in
                move(app, by: key == .pageUp ? -pageRows(app) : pageRows(app))
            },
        ] + TextField.editingBindings(s, typing: t.typeToSeat) { [unowned self] app, key in
            picker.edit(key, room: app.store.state.room, generation: app.store.generation)
        })
    }

    // MARK: Rules, asked of the core

    private func seatEvent(_ p: Int, _ app: App, forced: Bool = false) -> Event {
        .seat(person: app.store.state.room.people[p].id, stall: stallID, forced: forced)
    }

    /// Why Enter does nothing now. A full stall is not a reason: Enter then asks first.
    private func cannotSeat(_ app: App) -> String? {
        guard stall(app) != nil else { return app.strings.stall.stallGone }
        guard searching else { return app.strings.stall.typeFirst }
        guard let p = highlighted(app) else { return whyNobodyMatches(app) }
        do {
            try app.store.state.check([seatEvent(p, app)], at: app.now(), by: app.author, desk: app.desk)
        } catch {
            switch error.why {
            case .stallFull: return nil  // Enter asks
            case .seatingNotOpen(let now): return app.strings.fill(app.strings.stall.notOpenNow, app.strings.phase(now))  // no "force" here
            default: return app.strings.refusal(error)
            }
        }
        return nil
    }

    /// Nobody here matches what is typed: someone on the list who is not here is named, with
    /// what to do; otherwise, that only people here can sit.
    func whyNobodyMatches(_ app: App) -> String {
        let room = app.store.state.room, t = app.strings.stall
        let away = room.findPerson(picker.search.text).filter { !room.presence[$0].isHere }
        guard away.count == 1 else { return t.nobodyHereMatches }
        let p = away[0], pr = room.presence[p]
        return pr.left ? app.strings.fill2(t.checkedOutEarlier, room.label(p), pr.checkOutTime?.clock ?? "")
                       : app.strings.fill(t.notCheckedInYet, room.label(p))
    }

    private func cannotRelease(_ app: App) -> String? {
        guard let s = stall(app) else { return app.strings.stall.stallGone }
        guard let p = selected(app) else { return app.strings.stall.selectFirst }
        let room = app.store.state.room
        return room.presence[p].stall == s ? nil : app.strings.fill(app.strings.stall.notAtThisStall, room.label(p))
    }

    private func cannotToggleHelp(_ app: App) -> String? {
        guard let s = stall(app) else { return app.strings.stall.stallGone }
        return App.refusal([.help(stall: stallID, on: !app.store.state.room.helpRequested[s])], app)
    }

    // MARK: Actions

    private func seat(_ app: App) {
        guard let p = highlighted(app), let s = stall(app) else { return }
        let room = app.store.state.room, event = seatEvent(p, app), id = room.people[p].id
        // Where the owner saw them sit: another owner seating them meanwhile is said, not undone.
        let saw = Seen.seat(person: id, stall: room.presence[p].stall.map { room.stalls[$0].id })
        // Past the seats only when asked and answered yes: then the seat is forced.
        let seat: (App, Bool) -> Void = { [weak self] app, forced in
            guard case .seat(let person, let stall, _) = event else { return }
            if app.write(saw: [saw], { _ in [.seat(person: person, stall: stall, forced: forced)] }) != nil {
                // Ready for the next name; the person just seated is highlighted at the table.
                self?.picker.clear()
                self?.seatedSelectedID = id
            }
        }
        if room.seated[s].count >= room.stalls[s].seats, room.presence[p].stall != s {
            let stallText = "\(room.stalls[s].name) (\(room.seated[s].count)/\(room.stalls[s].seats))"
            app.confirm(app.strings.fill2(app.strings.stall.confirmFull, stallText, room.label(p))) { seat($0, true) }
        } else {
            seat(app, false)
        }
    }

    private func release(_ app: App) {
        guard let p = selected(app) else { return }
        let room = app.store.state.room, id = room.people[p].id
        // The highlight moves on after a release: F7 again within moments (here or on another of
        // this stall's terminals) asks before releasing the next person too. Only a release counts
        // (they sit nowhere now), not a move to another stall or a check-out.
        let released = view(app)?.recentlyLeft.first { room.presence[$0.person].stall == nil && !room.presence[$0.person].left }
        let question = released.map { app.strings.fill2(app.strings.stall.confirmQuickRelease, room.label($0.person), room.label(p)) } ?? ""
        app.askIfJustDone(released?.at, within: StallScreen.quickReleaseMillis, question) { [weak self] in self?.release(p, $0) }
    }

    static let quickReleaseMillis: Int64 = 3000

    private func release(_ p: Int, _ app: App) {
        let id = app.store.state.room.people[p].id
        let place = view(app)?.seated.firstIndex(of: p)
        // Released from this table, as shown: someone moved meanwhile is said, not released.
        guard app.write(saw: [.seat(person: id, stall: stallID)], { _ in [.unseat(person: id)] }) != nil else { return }
        if searching { picker.clear() }
        // The highlight goes to whoever is now in that row, so F7 can go down the table.
        let seated = view(app)?.seated ?? []
        seatedSelectedID = place.flatMap { seated.isEmpty ? nil : app.store.state.room.people[seated[min($0, seated.count - 1)]].id }
    }

    private func toggleHelp(_ app: App) {
        guard let s = stall(app) else { return }
        let on = !app.store.state.room.helpRequested[s]
        app.write { _ in [.help(stall: stallID, on: on)] }
    }

    private func move(_ app: App, by delta: Int) {
        if searching {
            picker.move(by: delta, in: matches(app), room: app.store.state.room)
            return
        }
        let seated = view(app)?.seated ?? []
        guard !seated.isEmpty else { return }
        let room = app.store.state.room
        let current = seatedSelectedID.flatMap(room.index(ofPerson:)).flatMap { seated.firstIndex(of: $0) }
        var state = ListState(selected: current)
        if current == nil { state.selected = delta > 0 ? -1 : seated.count }  // the first press lands on the first (or last) row
        state.move(by: delta, count: seated.count)
        seatedSelectedID = state.selected.map { room.people[seated[$0]].id }
    }
}
