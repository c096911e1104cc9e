import MingleCore
import MingleTerminal

/// The room at a glance (F3 on an unlocked terminal): every stall with its hosts and seats, help
/// requests first; who is here at no stall, and new POs who have not sat anywhere yet — so a
/// host can gently point them somewhere (the app never nudges by itself); in the photo phase,
/// the roll call. No text field: single keys act.
final class RoomScreen: Screen {
    let kind = ScreenKind.stall(nil)
    /// The highlighted stall, by id (stays on it as help requests reorder the list).
    var selectedID: String?
    var stallList = ListState()
    /// The rows below the stalls, made once per change of the log or minute of the clock.
    private var cache: (generation: Int, minute: Int64, wanderers: [[String]], newOnes: [[String]])?

    var takesText: Bool { false }
    var hasHalfTypedInput: Bool { false }

    /// The stall Enter opens and h clears: the highlighted one, else the first listed.
    func selected(_ app: App) -> Int? {
        let room = app.store.state.room, order = room.stallsHelpFirst
        if let id = selectedID, let s = room.index(ofStall: id) { return s }
        return order.first
    }

    func keyMap(_ s: UIStrings) -> KeyMap {
        let t = s.stall
        return KeyMap(t.roomTitle, [
            KeyBinding([.enter], t.keyOpen, help: t.keyOpenHelp, disabled: { app in app.store.state.room.stalls.isEmpty ? t.noStalls : nil }) {
                [unowned self] app, _ in
                guard let st = selected(app) else { return }
                app.switchTo(.stall(app.store.state.room.stalls[st].id))
            },
            KeyBinding([.up, .down], s.keyMove, inBar: false) { [unowned self] app, key in
                let room = app.store.state.room, order = room.stallsHelpFirst
                guard !order.isEmpty else { return }
                var state = ListState(selected: selected(app).flatMap { order.firstIndex(of: $0) })
                state.move(by: key == .up ? -1 : 1, count: order.count)
                selectedID = state.selected.map { room.stalls[order[$0]].id }
            },
            KeyBinding([.char("h"), .function(8)], t.keyClearHelp, help: t.keyClearHelpHelp,
                       disabled: { [unowned self] app in cannotClearHelp(app) }) { [unowned self] app, _ in
                guard let st = selected(app) else { return }
                App.askToClearHelp(app, stall: st)
            },
        ])
    }

    /// Who wanders (name, ministry, minutes free; the longest first) and the new POs who have not
    /// sat anywhere (name, ministry, since when here).
    func lists(_ app: App) -> (wanderers: [[String]], newOnes: [[String]]) {
        let now = app.now(), minute = now.millis / 60_000
        if let c = cache, c.generation == app.store.generation, c.minute == minute { return (c.wanderers, c.newOnes) }
        let s = app.strings, room = app.store.state.room
        let wanderers = room.wanderersLongestFirst.map { p in
            [room.people[p].name, room.people[p].ministry, s.fill(s.stall.freeFor, String(PersonCells.minutes(since: room.freeSince(p), now: now)))]
        }
        let newOnes = room.newNotYetSeated.map { p in [room.people[p].name, room.people[p].ministry, PersonCells.state(p, room, s)] }
        cache = (app.store.generation, minute, wanderers, newOnes)
        return (wanderers, newOnes)
    }

    private func cannotClearHelp(_ app: App) -> String? {
        let room = app.store.state.room
        guard let st = selected(app) else { return app.strings.stall.noStalls }
        return App.refusal([.help(stall: room.stalls[st].id, on: false)], app)
    }
}

extension App {
    /// Clears a stall's help request once someone has gone to help (asks first, naming the stall).
    static func askToClearHelp(_ app: App, stall s: Int) {
        let room = app.store.state.room, id = room.stalls[s].id
        app.confirm(app.strings.fill(app.strings.stall.confirmClearHelp, room.stalls[s].name)) { app in
            app.write { _ in [.help(stall: id, on: false)] }
        }
    }
}
