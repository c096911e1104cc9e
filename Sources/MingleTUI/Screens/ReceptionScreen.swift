import MingleCore
import MinglePaper
import MingleTerminal

/// The reception desk: type a name (Chinese or Latin), an id or a ministry; Enter checks in the
/// highlighted person. Every printable key types — "q" and "u" are letters of names — so the
/// commands are function keys and Ctrl-combinations.
final class ReceptionScreen: Screen {
    let kind = ScreenKind.reception
    var picker = PersonPicker()
    var takesText: Bool { true }
    var hasHalfTypedInput: Bool { !picker.search.isEmpty }
    /// Who this desk checked in or registered last: F9 with nothing typed writes their tag.
    var lastArrival: String?

    /// Rows of the list that fit on screen now (for PgUp/PgDn).
    func pageRows(_ app: App) -> Int { max(1, app.lastSize.rows - 6) }

    func matches(_ app: App) -> [Int] { picker.matches(in: app.store.state.room, generation: app.store.generation) }

    /// The highlighted person, after bringing the list up to date (never from a stale copy).
    func highlighted(_ app: App) -> Int? {
        let list = matches(app)
        return picker.highlighted(in: list)
    }

    func keyMap(_ s: UIStrings) -> KeyMap {
        KeyMap(s.screenReception, [
            KeyBinding([.enter], s.keyCheckIn, disabled: { [unowned self] app in cannotCheckIn(app) }) { [unowned self] app, _ in
                checkIn(app)
            },
            KeyBinding([.function(6)], s.keyWalkIn, help: s.keyWalkInHelp) { [unowned self] app, _ in openWalkIn(app) },
            KeyBinding([.function(7)], s.keyCheckOut, disabled: { [unowned self] app in cannotCheckOut(app) }) { [unowned self] app, _ in
                askCheckOut(app)
            },
            KeyBinding([.function(8)], s.stall.keyClearHelp, help: s.stall.keyClearOldestHelp, disabled: { app in
                app.store.state.room.stallsHelpFirst.first.map { app.store.state.room.helpRequested[$0] } == true ? nil : s.stall.noHelpAsked
            }) { app, _ in
                // The stall asking longest; the banner names it.
                if let st = app.store.state.room.stallsHelpFirst.first { App.askToClearHelp(app, stall: st) }
            },
            KeyBinding([.function(9)], s.keyPrintTag, help: s.keyPrintTagHelp, disabled: { [unowned self] app in
                tagTarget(app) == nil ? s.nobodyToPrint : nil
            }) { [unowned self] app, _ in printTag(app) },
            KeyBinding([.escape], s.keyClear, inBar: false) { [unowned self] _, _ in picker.clear() },
            KeyBinding([.up, .down], s.keyMove, inBar: false) { [unowned self] app, key in
                picker.move(by: key == .up ? -1 : 1, in: matches(app), room: app.store.state.room)
            },
            KeyBinding([.pageUp, .pageDown], s.keyPage, inBar: false) { [unowned self] app, key in
                picker.move(by: key == .pageUp ? -pageRows(app) : pageRows(app), in: matches(app), room: app.store.state.room)
            },
        ] + TextField.editingBindings(s, typing: s.keyTypeSearch) { [unowned self] app, key in
            picker.edit(key, room: app.store.state.room, generation: app.store.generation)
        })
    }

    /// Why Enter does nothing now: nothing typed, nobody found, or the rules' own refusal (the
    /// highlighted person is already here, and who checked them in).
    private func cannotCheckIn(_ app: App) -> String? {
        guard picker.isHighlightShown else { return app.strings.typeFirst }
        guard let p = highlighted(app) else { return app.strings.noMatches }
        return refusal(.checkIn(person: app.store.state.room.people[p].id), app)
    }

    private func cannotCheckOut(_ app: App) -> String? {
        guard let p = highlighted(app) else { return app.strings.disabledNothingSelected }
        return refusal(.checkOut(person: app.store.state.room.people[p].id), app)
    }

    private func refusal(_ e: Event, _ app: App) -> String? {
        do { try app.store.state.check([e], at: app.now(), by: app.author, desk: app.desk) } catch { return app.strings.refusal(error) }
        return nil
    }

    private func checkIn(_ app: App) {
        guard let p = highlighted(app) else { return }
        let id = app.store.state.room.people[p].id
        if app.write({ _ in [.checkIn(person: id)] }) != nil {
            picker.clear()  // ready for the next arrival
            lastArrival = id
        }
    }

    /// The highlighted person while something is typed, else who this desk saw arrive last.
    private func tagTarget(_ app: App) -> Int? {
        let room = app.store.state.room
        if picker.isHighlightShown { return highlighted(app) }
        return lastArrival.flatMap(room.index(ofPerson:))
    }

    private func printTag(_ app: App) {
        guard let p = tagTarget(app) else { return }
        let room = app.store.state.room, person = room.people[p]
        let path: String
        do { path = try TagFile.write(person, config: room.config, store: app.store.directory) } catch {
            app.show(error: error)
            return
        }
        // The record lets `mingle badges --not-printed` leave this tag out.
        if app.write({ _ in [.badgePrinted(person: person.id)] }) != nil {
            app.say(app.strings.fill2(app.strings.tagWritten, room.label(p), path))
        }
    }

    private func askCheckOut(_ app: App) {
        let room = app.store.state.room
        guard let p = highlighted(app) else { return }
        let id = room.people[p].id
        var prompt = app.strings.fill(app.strings.confirmCheckOut, room.label(p))
        if let s = room.presence[p].stall { prompt += " " + app.strings.fill(app.strings.confirmCheckOutStall, room.stalls[s].name) }
        app.confirm(prompt) { [weak self] app in
            // Like a check-in, a check-out clears the search: a second Enter must not check them in again.
            if app.write({ _ in [.checkOut(person: id)] }) != nil { self?.picker.clear() }
        }
    }

    private func openWalkIn(_ app: App) {
        // What was typed and found nobody is most likely the walk-in's name.
        let name = matches(app).isEmpty ? picker.search.text : ""
        app.open(WalkInForm(name: name) { [weak self] app, id in
            self?.picker.clear()
            self?.picker.selectedID = id
            self?.lastArrival = id
        })
    }
}
