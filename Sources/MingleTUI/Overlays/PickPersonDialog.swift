import MingleCore
import MingleTerminal

/// "Who?": the reception's search in a box, over the people `include` allows (the timekeeper
/// adding a speaker, a stall seating someone). Enter picks the highlighted person.
final class PickPersonDialog: Layer {
    let title: String
    var picker = PersonPicker()
    /// The first in the list is picked by Enter before anything is typed (a short list of people
    /// to choose from), unlike the reception, where Enter must never pick whoever happens to be first.
    let highlightsFirst: Bool
    let pick: (App, Int) -> Void

    /// What to say when nobody can be chosen (who can be, and why the list is empty).
    let empty: String?

    init(title: String, highlightsFirst: Bool = false, empty: String? = nil, include: @escaping (Room, Int) -> Bool,
         pick: @escaping (App, Int) -> Void) {
        self.title = title
        self.empty = empty
        self.highlightsFirst = highlightsFirst
        picker.include = include
        self.pick = pick
    }

    var layerKind: LayerKind { .dialog }
    var takesText: Bool { true }
    var hasHalfTypedInput: Bool { !picker.search.isEmpty }

    func matches(_ app: App) -> [Int] { picker.matches(in: app.store.state.room, generation: app.store.generation) }

    /// The highlighted person, after bringing the list up to date (never from a stale copy).
    func highlighted(_ app: App) -> Int? {
        let list = matches(app)
        if highlightsFirst, !picker.isHighlightShown { return list.first }
        return picker.highlighted(in: list)
    }

    func keyMap(_ s: UIStrings) -> KeyMap {
        KeyMap(title, [
            KeyBinding([.enter], s.keyPick, disabled: { [unowned self] app in
                highlighted(app) == nil ? (matches(app).isEmpty ? app.strings.nobodyToPick : app.strings.typeFirst) : nil
            }) { [unowned self] app, _ in
                guard let p = highlighted(app) else { return }
                app.close(self)
                pick(app, p)
            },
            KeyBinding([.escape], s.keyCancel) { [unowned self] app, _ in app.close(self) },
            KeyBinding([.up, .down], s.keyMove, inBar: false) { [unowned self] app, key in
                picker.move(by: key == .up ? -1 : 1, in: matches(app), room: app.store.state.room)
            },
        ] + TextField.editingBindings(s, typing: s.keyTypeSearch) { [unowned self] app, key in
            picker.edit(key, room: app.store.state.room, generation: app.store.generation)
        })
    }

    func draw<C: Canvas>(_ c: inout C, _ app: App) {
        let s = app.strings, room = app.store.state.room
        let width = min(c.columns - 4, 60), left = (c.columns - width) / 2
        let list = matches(app)
        let height = min(c.rows - 6, 14), top = max(1, (c.rows - 3 - height) / 2)
        Box.draw(&c, top: top, left: left, width: width, height: height, title: title, style: .selected)
        var col = c.put("  \(s.search): ", row: top + 1, column: left, style: .selected)
        picker.search.draw(on: &c, row: top + 1, column: col, width: width - (col - left) - 2, focused: app.top === self)
        col = left
        let rows = height - 3
        let row = picker.row(in: list)
        picker.list.selected = row
        picker.list.scrollToShow(count: list.count, height: rows)
        if list.isEmpty {
            for (i, line) in Wrap.lines(empty ?? s.nobodyToPick, width: width - 4).prefix(rows).enumerated() {
                c.put("  " + line, row: top + 2 + i, column: left, width: width, style: .selected)
            }
        }
        for (i, p) in list.dropFirst(picker.list.offset).prefix(rows).enumerated() {
            let marked = picker.list.offset + i == row && (picker.isHighlightShown || highlightsFirst)
            let text = (marked ? "> " : "  ") + DisplayWidth.fit(picker.nameCell(p, room, width: 16), to: 16) + "  " + room.people[p].ministry
            c.put(text, row: top + 2 + i, column: col, width: width, style: marked ? .key : .selected)
        }
    }
}
