import MingleCore
import MingleTerminal

/// The walk-in form over the reception: name, ministry, role. Enter saves and checks in at once.
/// It is modal: every key goes to it (letters on the Role field choose a role, never reach the
/// search behind it); Esc cancels at once; F6 again, another screen or quitting ask first when
/// something is typed.
final class WalkInForm: Layer {
    enum Field: Int, CaseIterable { case name, ministry, role }
    var name: TextField
    var ministry = TextField()
    var role = Role.walkInDefault
    var focus: Field = .name
    /// Tells the screen beneath who was registered (it highlights them).
    let onSaved: (App, String) -> Void

    init(name: String = "", onSaved: @escaping (App, String) -> Void) {
        self.name = TextField(name)
        self.onSaved = onSaved
    }

    var layerKind: LayerKind { .form }
    var takesText: Bool { focus != .role }
    var hasHalfTypedInput: Bool { !name.isEmpty || !ministry.isEmpty }

    func keyMap(_ s: UIStrings) -> KeyMap {
        KeyMap(s.walkInTitle, [
            KeyBinding([.enter], s.keySave) { [unowned self] app, _ in save(app) },
            KeyBinding([.escape], s.keyCancel, help: s.keyCancelForm) { [unowned self] app, _ in app.close(self) },
            KeyBinding([.tab, .down], s.keyNextField, inBar: false) { [unowned self] _, _ in
                focus = Field(rawValue: (focus.rawValue + 1) % 3)!
            },
            KeyBinding([.backTab, .up], s.keyPreviousField, inBar: false) { [unowned self] _, _ in
                focus = Field(rawValue: (focus.rawValue + 2) % 3)!
            },
            KeyBinding([.left, .right], s.keyCursorOrRole, inBar: false) { [unowned self] _, key in
                if focus == .role { stepRole(key == .left ? -1 : 1) } else { editFocused(key) }
            },
            KeyBinding(typing: s.keyTypingLabel, s.keyTypeField) { [unowned self] app, key in
                if focus == .role { chooseRole(key, app) } else { editFocused(key) }
            },
            KeyBinding([.home, .end], s.keyStartEnd, inBar: false) { [unowned self] _, key in editFocused(key) },
            KeyBinding([.ctrl("a"), .ctrl("e")], s.keyStartEnd, inBar: false) { [unowned self] _, key in editFocused(key) },
            KeyBinding([.backspace, .delete], s.keyErase, inBar: false) { [unowned self] _, key in editFocused(key) },
            KeyBinding([.ctrl("u")], s.keyEraseAll, inBar: false) { [unowned self] _, key in editFocused(key) },
            KeyBinding([.function(6)], s.keyCloseForm, help: s.keyCloseFormHelp, inBar: false) { [unowned self] app, _ in
                if hasHalfTypedInput { app.confirm(app.strings.confirmDiscard) { $0.close(self) } } else { app.close(self) }
            },
        ])
    }

    private func editFocused(_ key: Key) {
        switch focus {
        case .name: _ = name.edit(key)
        case .ministry: _ = ministry.edit(key)
        case .role: break
        }
    }

    private func stepRole(_ delta: Int) {
        let roles = Role.allCases
        role = roles[(roles.firstIndex(of: role)! + roles.count + delta) % roles.count]
    }

    /// n, s, t, g or 新, 資, 工, 來 choose a role; another letter says which ones do.
    private func chooseRole(_ key: Key, _ app: App) {
        guard case .char(let c) = key else { return }
        let text = String(c).lowercased()
        if let r = Role.parse(text) ?? Role.allCases.first(where: { $0.rawValue.hasPrefix(text) }) ?? UIStrings.roleByInitial(text) {
            role = r
        } else {
            app.say(app.strings.walkInRoleLetters, error: true)
        }
    }

    /// Saves, unless someone on the list may be this person: then they are offered first.
    func save(_ app: App, anyway: Bool = false) {
        let name = name.text.trimmedSpaces(), ministry = ministry.text.trimmedSpaces(), role = role
        guard !name.isEmpty else {
            app.say(app.strings.walkInNeedsName, error: true)
            focus = .name
            return
        }
        let listed = app.store.state.room.listedPeople(named: name, ministry: ministry)
        if !anyway, !listed.isEmpty {
            app.open(WalkInMatchDialog(form: self, matches: listed.map { app.store.state.room.people[$0].id }))
            return
        }
        if let written = app.write({ s in [.walkIn(Person(id: s.nextWalkInID(), name: name, ministry: ministry, role: role))] }),
           let e = written.first, case .walkIn(let p) = e.event {
            app.close(self)
            onSaved(app, p.id)
        }
    }

    func draw<C: Canvas>(_ c: inout C, _ app: App) {
        let s = app.strings
        let width = min(c.columns - 4, 56), left = (c.columns - width) / 2, top = max(2, c.rows / 2 - 4)
        Box.draw(&c, top: top, left: left, width: width, height: 7, title: s.walkInTitle, style: .selected)
        let labelW = 10, fieldW = width - labelW - 3
        let focused = app.top === self
        let fields: [(String, Field)] = [(s.walkInName, .name), (s.walkInMinistry, .ministry), (s.walkInRole, .role)]
        for (i, (label, f)) in fields.enumerated() {
            let r = top + 2 + i
            // The field being filled in has its label marked, for terminals that hide the cursor.
            c.put((focus == f ? ">" : " ") + DisplayWidth.fit(label, to: labelW), row: r, column: left, style: focus == f ? .key : .selected)
            switch f {
            case .name: name.draw(on: &c, row: r, column: left + labelW + 2, width: fieldW, focused: focused && focus == .name)
            case .ministry: ministry.draw(on: &c, row: r, column: left + labelW + 2, width: fieldW, focused: focused && focus == .ministry)
            case .role:
                let roles = Role.allCases.map { $0 == role ? "[\(s.role($0))]" : " \(s.role($0)) " }.joined()
                c.put(roles, row: r, column: left + labelW + 2, width: fieldW, style: focus == .role ? .field : .selected)
                if focused && focus == .role {
                    let before = Role.allCases.prefix { $0 != role }.map { " \(s.role($0)) " }.joined()
                    c.setCursor(row: r, column: left + labelW + 2 + DisplayWidth.of(before) + 1)
                }
            }
        }
        c.put(" " + s.walkInHint, row: top + 6, column: left, width: width, style: .selected)
    }
}
