import MingleCore
import MingleTerminal

/// The timekeeper's screen: the rundown, the running phase's clock, the introductions with a
/// speaker light and the queue. No text field is live here, so single keys act; every one asks
/// the core's rules first and says why not when it cannot.
final class TimekeeperScreen: Screen {
    let kind = ScreenKind.timekeeper
    /// The highlighted speaker in the queue, by person id (stays on them as the queue moves).
    var selectedID: String?
    var queueOffset = 0

    var takesText: Bool { false }
    var hasHalfTypedInput: Bool { false }

    /// The phase clock and the speaker's timer run in seconds once the day has begun.
    func countsSeconds(_ app: App) -> Bool { app.store.state.room.currentPhaseRow(now: app.now()) != nil }

    func keyMap(_ s: UIStrings) -> KeyMap {
        let p = s.program
        return KeyMap(s.screenTimekeeper, [
            KeyBinding([.char(" ")], p.keySpeakerNext, help: p.keySpeakerNextHelp, keyLabel: "Space",
                       disabled: { app in App.refusal(.introNext, app) }) { [unowned self] app, _ in
                let saw = app.speakerShown
                guardDoubleTap(app, p.confirmQuickNext) { $0.run(.introNext, saw: [saw]) }
            },
            KeyBinding([.char("s")], p.keySkip, help: p.keySkipHelp, disabled: { app in App.refusal(.introSkipAndNext, app) }) { [unowned self] app, _ in
                let saw = app.speakerShown
                guardDoubleTap(app, p.confirmQuickSkip) { $0.run(.introSkipAndNext, saw: [saw]) }
            },
            KeyBinding([.char("n")], p.keyNextPhase, help: p.keyNextPhaseHelp,
                       disabled: { app in App.refusal(.phaseNext(reason: ""), app) }) { [unowned self] app, _ in askNextPhase(app) },
            KeyBinding([.char("b")], p.keyBackPhase, help: p.keyBackPhaseHelp,
                       disabled: { app in App.refusal(.phaseBack(reason: ""), app) }) { [unowned self] app, _ in askBackPhase(app) },
            KeyBinding([.char("a")], p.keyAdd, help: p.keyAddHelp) { [unowned self] app, _ in addSpeaker(app) },
            KeyBinding([.up, .down], p.keySelect, inBar: false) { [unowned self] app, key in select(app, by: key == .up ? -1 : 1) },
            KeyBinding([.char("["), .char("]")], p.keyShift, help: p.keyShiftHelp, inBar: false,
                       disabled: { [unowned self] app in shiftRefusal(app) }) { [unowned self] app, key in
                shift(app, by: key == .char("[") ? -1 : 1)
            },
            KeyBinding([.char("+"), .char("=")], p.keyMore, help: p.keyMoreHelp,
                       disabled: { app in App.refusal(.planRunning(minutes: 1), app) }) { app, _ in app.run(.planRunning(minutes: 1)) },
            KeyBinding([.char("-")], p.keyLess, help: p.keyLessHelp,
                       disabled: { app in App.refusal(.planRunning(minutes: -1), app) }) { app, _ in app.run(.planRunning(minutes: -1)) },
            KeyBinding([.char("m")], p.keyMessage, help: p.keyMessageHelp) { app, _ in
                // An empty field: what is typed replaces the message, it is never added to it.
                var prompt = p.messagePrompt
                if let shown = app.store.state.room.messageShown { prompt = "\(p.boardMessage)：\(shown.text)\n" + prompt }
                app.open(PromptDialog(title: p.messageTitle, prompt: prompt) { app, text in
                    app.write { _ in [.message(text: text)] }
                })
            },
            KeyBinding([.char("p")], p.keyPhoto, help: p.keyPhotoHelp, disabled: { app in App.refusal([.photoTaken], app) }) { app, _ in
                // A second p within moments (from any terminal) asks: a photo is one event, not two.
                let room = app.store.state.room, saw = Seen.photos(room.photos.count)
                app.askIfJustDone(room.photos.last, within: TimekeeperScreen.quickPhotoMillis,
                                  app.strings.fill(p.confirmQuickPhoto, room.photos.last?.clock ?? "")) { _ = $0.write(saw: [saw]) { _ in [.photoTaken] } }
            },
        ])
    }

    // MARK: Actions

    /// A speaker who began a moment ago is most likely a key pressed twice: ask before ending
    /// their turn. (Undo would also put it right, but the room would see the wrong name first.)
    private func guardDoubleTap(_ app: App, _ question: String, _ go: @escaping (App) -> Void) {
        let room = app.store.state.room, clock = room.speakerClock(now: app.now())
        app.askIfJustDone(clock.map { app.now().adding(seconds: -$0.seconds) }, within: Int64(TimekeeperScreen.quickSeconds) * 1000,
                          clock.map { app.strings.fill(question, room.label($0.person)) } ?? "", go)
    }

    /// Under this many seconds, a turn ending is asked about first.
    static let quickSeconds = 3
    /// A photo within this long of the last one is asked about first.
    static let quickPhotoMillis: Int64 = 10_000

    private func askNextPhase(_ app: App) {
        let room = app.store.state.room, s = app.strings
        guard let next = room.phase.next else { return }
        let plan = room.phasePlan(to: next, move: .next)
        var prompt = s.fill(s.program.confirmNextPhase, s.phase(next))
        prompt += effects(plan, room, s).map { "\n" + $0 }.joined()
        let saw = Seen.phase(room.phase)
        app.confirm(prompt) { $0.run(.phaseNext(reason: ""), saw: [saw]) }
    }

    private func askBackPhase(_ app: App) {
        let room = app.store.state.room, s = app.strings
        guard let previous = room.phase.previous else { return }
        let plan = room.phasePlan(to: previous, move: .back)
        var prompt = s.fill(s.program.backPrompt, s.phase(previous))
        prompt += effects(plan, room, s).map { " " + $0 }.joined() + "\n" + s.program.reasonAsk
        let saw = Seen.phase(room.phase)
        app.open(PromptDialog(title: s.program.backTitle, prompt: prompt) { app, reason in app.run(.phaseBack(reason: reason), saw: [saw]) })
    }

    /// What a phase move will change, in the screen's words.
    func effects(_ plan: Room.PhasePlan, _ room: Room, _ s: UIStrings) -> [String] {
        var out: [String] = []
        if !plan.leave.isEmpty { out.append(s.fill(s.program.effectLeave, String(plan.leave.count))) }
        if plan.notYetIntroduced > 0 { out.append(s.fill(s.program.effectNotYet, String(plan.notYetIntroduced))) }
        if let p = plan.endTurnOf { out.append(s.fill(s.program.effectEndTurn, room.label(p))) }
        if !plan.back.isEmpty { out.append(s.fill(s.program.effectBack, String(plan.back.count))) }
        if let p = plan.resumeTurnOf { out.append(s.fill(s.program.effectResume, room.label(p))) }
        return out
    }

    private func addSpeaker(_ app: App) {
        app.open(PickPersonDialog(title: app.strings.program.addTitle, highlightsFirst: true, empty: app.strings.program.nobodyToAdd,
                                  include: { room, p in
            (try? room.check(.introAdd(person: room.people[p].id))) != nil
        }) { app, p in
            let id = app.store.state.room.people[p].id
            app.write { _ in [.introAdd(person: id)] }
        })
    }

    /// The list the timekeeper moves through: everyone in the introductions' order.
    func entries(_ app: App) -> [Room.QueueEntry] { app.store.state.room.introList(now: app.now()) }

    private func selectedRow(_ list: [Room.QueueEntry], _ room: Room) -> Int? {
        selectedID.flatMap { id in list.firstIndex { room.people[$0.person].id == id } }
    }

    private func select(_ app: App, by delta: Int) {
        let room = app.store.state.room, list = entries(app)
        guard !list.isEmpty else { return }
        let start = selectedRow(list, room) ?? list.firstIndex { $0.mark == .waiting } ?? 0
        let row = selectedID == nil ? start : max(0, min(list.count - 1, start + delta))
        selectedID = room.people[list[row].person].id
    }

    /// [ and ] move a waiting speaker; which way cannot go is said when pressed.
    private func shiftRefusal(_ app: App) -> String? {
        guard let id = selectedID else { return app.strings.program.nothingSelected }
        let room = app.store.state.room
        guard let p = room.index(ofPerson: id), room.introQueue.contains(p) else {
            return app.strings.refusal(Refusal(.notWaiting(who: room.index(ofPerson: id).map(room.label) ?? id)))
        }
        return nil
    }

    private func shift(_ app: App, by delta: Int) {
        guard let id = selectedID else { return }
        if let why = App.refusal(.introShift(person: id, by: delta), app) { app.say(why, error: true); return }
        app.run(.introShift(person: id, by: delta))
    }
}

extension App {
    /// Why a command cannot be done now, in the screen's words; nil when it can.
    static func refusal(_ c: Command, _ app: App) -> String? {
        do {
            return refusal(try app.store.state.room.events(for: c), app)
        } catch {
            return app.strings.refusal(error)
        }
    }

    static func refusal(_ events: [Event], _ app: App) -> String? {
        do {
            try app.store.state.check(events, at: app.now(), by: app.author, desk: app.desk)
        } catch {
            return app.strings.refusal(error)
        }
        return nil
    }

    /// Writes what a command means now, as one action.
    func run(_ c: Command, saw: [Seen] = []) {
        write(saw: saw) { s throws(Refusal) in try s.room.events(for: c) }
    }

    /// The speaker on screen now, as the timekeeper's Space and s mean them.
    var speakerShown: Seen { .speaker(store.state.room.intro.current.map { store.state.room.people[$0].id }) }
}
