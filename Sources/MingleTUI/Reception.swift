import MingleCore
import MingleTerminal

/// The reception desk: type a name (Chinese or Latin), an id or a ministry; Enter checks in the
/// highlighted person. Every printable key types — "q" and "u" are letters of names — so the
/// commands are function keys and Ctrl-combinations.
extension App {
    enum ReceptionAction: Sendable { case checkIn, checkOut, walkIn, up, down, pageUp, pageDown, clear }

    var receptionKeys: KeyMap<ReceptionAction> { App.receptionKeys(strings) }

    static func receptionKeys(_ s: UIStrings) -> KeyMap<ReceptionAction> {
        KeyMap([
            KeyBinding([.enter], s.keyCheckIn, .checkIn),
            KeyBinding([.function(6)], s.keyWalkIn, .walkIn),
            KeyBinding([.function(7)], s.keyCheckOut, .checkOut),
            KeyBinding([.escape], s.keyClear, .clear, inBar: false),
            KeyBinding([.up], s.keyMove, .up, inBar: false),
            KeyBinding([.down], s.keyMove, .down, inBar: false),
            KeyBinding([.pageUp], s.keyMove, .pageUp, inBar: false),
            KeyBinding([.pageDown], s.keyMove, .pageDown, inBar: false),
        ])
    }

    enum WalkInAction: Sendable { case next, previous, roleLeft, roleRight, save, cancel }

    var walkInKeys: KeyMap<WalkInAction> { App.walkInKeys(strings) }

    static func walkInKeys(_ s: UIStrings) -> KeyMap<WalkInAction> {
        KeyMap([
            KeyBinding([.tab, .down], s.keyNextField, .next),
            KeyBinding([.backTab, .up], s.keyPreviousField, .previous),
            KeyBinding([.left], s.keyChangeRole, .roleLeft, inBar: false),
            KeyBinding([.right], s.keyChangeRole, .roleRight, inBar: false),
            KeyBinding([.enter], s.keySave, .save),
            KeyBinding([.escape], s.keyCancel, .cancel),
        ])
    }

    /// Rows of the list that fit on screen now (for PgUp/PgDn).
    var listRows: Int { max(1, lastSize.rows - 6) }

    func handleReception(_ key: Key) {
        let room = store.state.room
        var matches = reception.matches(in: room, events: store.state.history.count)
        let row = reception.selected.flatMap { matches.firstIndex(of: $0) } ?? 0
        if let action = receptionKeys.action(for: key) {
            switch action {
            case .checkIn:
                // With nothing typed, Enter must not check in whoever happens to be first.
                guard !reception.search.isEmpty || reception.selected != nil else { say(strings.typeFirst, error: true); return }
                guard row < matches.count else { say(strings.noMatches, error: true); return }
                let p = room.people[matches[row]].id
                if write({ _ in [.checkIn(person: p)] }) != nil {
                    reception.search.clear()  // ready for the next arrival
                    reception.selected = nil
                }
            case .checkOut:
                guard row < matches.count else { say(strings.disabledNothingSelected, error: true); return }
                let i = matches[row]
                guard room.presence[i].isHere else { say("\(room.label(i)): \(strings.disabledNotHere)", error: true); return }
                let id = room.people[i].id
                overlay = .confirm(Confirm(prompt: strings.fill(strings.confirmCheckOut, room.label(i))) { [weak self] in
                    self?.write { _ in [.checkOut(person: id)] }
                })
            case .walkIn:
                var form = WalkInForm()
                // What was typed and found nobody is most likely the walk-in's name.
                if matches.isEmpty { form.name = TextField(reception.search.text) }
                reception.walkIn = form
                message = nil  // an old message would read as if it were about the form
            case .up, .down, .pageUp, .pageDown:
                guard !matches.isEmpty else { return }
                let step = action == .up ? -1 : action == .down ? 1 : action == .pageUp ? -listRows : listRows
                reception.selected = matches[min(matches.count - 1, max(0, row + step))]
            case .clear:
                reception.search.clear()
                reception.selected = nil
            }
            return
        }
        if reception.search.edit(key) {
            matches = reception.matches(in: room, events: store.state.history.count)
            reception.selected = matches.first
            reception.scroll = 0
        }
    }

    /// True when the form used the key.
    func handleWalkIn(_ key: Key) -> Bool {
        guard var form = reception.walkIn else { return false }
        defer { if reception.walkIn != nil { reception.walkIn = form } }
        let roleKey = form.focus == .role && (key == .left || key == .right)
        if let action = walkInKeys.action(for: key), roleKey || (key != .left && key != .right) {
            let roles = Role.allCases
            switch action {
            case .next: form.focus = WalkInForm.Field(rawValue: (form.focus.rawValue + 1) % 3)!
            case .previous: form.focus = WalkInForm.Field(rawValue: (form.focus.rawValue + 2) % 3)!
            case .roleLeft: form.role = roles[(roles.firstIndex(of: form.role)! + roles.count - 1) % roles.count]
            case .roleRight: form.role = roles[(roles.firstIndex(of: form.role)! + 1) % roles.count]
            case .save:
                let name = form.name.text.trimmedSpaces()
                guard !name.isEmpty else { say(strings.walkInNeedsName, error: true); form.focus = .name; return true }
                let ministry = form.ministry.text.trimmedSpaces(), role = form.role
                if let written = write({ s in [.walkIn(Person(id: s.room.nextWalkInID(), name: name, ministry: ministry, role: role))] }),
                   let e = written.first, case .walkIn(let p) = e.event {
                    reception.walkIn = nil
                    reception.search.clear()
                    reception.selected = store.state.room.index(ofPerson: p.id)
                }
            case .cancel:
                if form.isEmpty { reception.walkIn = nil } else {
                    overlay = .confirm(Confirm(prompt: strings.confirmDiscard) { [weak self] in self?.reception.walkIn = nil })
                }
            }
            return true
        }
        switch form.focus {
        case .name: return form.name.edit(key)
        case .ministry: return form.ministry.edit(key)
        case .role:
            if case .char(let c) = key, let r = Role.parse(String(c)) ?? Role.allCases.first(where: { $0.rawValue.hasPrefix(String(c).lowercased()) }) {
                form.role = r
                return true
            }
            return false
        }
    }
}
