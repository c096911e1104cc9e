import MingleCore
import MingleTerminal

/// Asked when a walk-in's name (and ministry) is already on the list: most likely they are that
/// person, registered under another spelling of nothing at all. Enter checks the highlighted one
/// in; F6 registers a new person anyway; Esc goes back to the form.
final class WalkInMatchDialog: Layer {
    let form: WalkInForm
    /// The people offered, by id: another desk's import may move their places in the list.
    let ids: [String]
    var selected = 0
    /// Shown at most; more than this many namesakes is not a list to choose from on a screen.
    static let shown = 6

    init(form: WalkInForm, matches: [String]) {
        self.form = form
        ids = Array(matches.prefix(WalkInMatchDialog.shown))
    }

    /// The offered people still in the room, as places in it.
    private func matches(_ room: Room) -> [Int] { ids.compactMap(room.index(ofPerson:)) }

    var layerKind: LayerKind { .dialog }
    var takesText: Bool { false }
    var hasHalfTypedInput: Bool { false }

    func keyMap(_ s: UIStrings) -> KeyMap {
        KeyMap(s.matchTitle, [
            KeyBinding([.enter], s.keyMatchCheckIn, disabled: { [unowned self] app in
                matches(app.store.state.room).isEmpty ? app.strings.nobodyToPick : alreadyHere(app)
            }) { [unowned self] app, _ in
                checkIn(app)
            },
            KeyBinding([.function(6)], s.keyMatchNew) { [unowned self] app, _ in
                app.close(self)
                form.save(app, anyway: true)
            },
            KeyBinding([.escape], s.keyMatchBack) { [unowned self] app, _ in app.close(self) },
            KeyBinding([.up, .down], s.keyMove, inBar: false, disabled: { [unowned self] app in
                matches(app.store.state.room).count > 1 ? nil : app.strings.disabledAllShown
            }) { [unowned self] app, key in
                selected = max(0, min(matches(app.store.state.room).count - 1, selected + (key == .up ? -1 : 1)))
            },
        ])
    }

    private func alreadyHere(_ app: App) -> String? {
        let room = app.store.state.room, list = matches(room)
        guard !list.isEmpty else { return nil }
        let p = list[min(selected, list.count - 1)]
        guard room.presence[p].isHere else { return nil }
        return app.strings.refusal(Refusal(.alreadyCheckedIn(who: room.label(p), at: room.presence[p].checkInTime?.clock,
                                                             by: room.checkedInBy[p])))
    }

    private func checkIn(_ app: App) {
        let list = matches(app.store.state.room)
        guard !list.isEmpty else { return }
        let id = app.store.state.room.people[list[min(selected, list.count - 1)]].id
        guard app.write({ _ in [.checkIn(person: id)] }) != nil else { return }
        app.close(form)  // closes this dialog with it
        form.onSaved(app, id)
    }

    func draw<C: Canvas>(_ c: inout C, _ app: App) {
        let s = app.strings, room = app.store.state.room
        let width = min(c.columns - 4, 64)
        var lines: [(String, Style)] = Wrap.lines(s.matchIntro, width: width - 4).map { ($0, .alert) }
        let list = matches(room)
        selected = min(selected, max(0, list.count - 1))
        for (i, p) in list.enumerated() {
            let state = room.presence[p].isHere ? "\(s.stateHere) \(room.presence[p].checkInTime?.clock ?? "")" : s.stateInvited
            lines.append(((i == selected ? "> " : "  ") + "\(room.label(p))  \(room.people[p].id)  \(state)", i == selected ? .key : .alert))
        }
        lines.append(("", .alert))
        lines += Wrap.lines(s.matchHint, width: width - 4).map { ($0, .alert) }
        let top = max(1, c.rows / 2 - lines.count / 2 - 1), left = (c.columns - width) / 2
        Box.draw(&c, top: top, left: left, width: width, height: lines.count + 2, title: s.matchTitle, style: .alert)
        for (i, (text, style)) in lines.enumerated() {
            c.put("  " + text, row: top + 1 + i, column: left, width: width, style: style)
        }
    }
}
