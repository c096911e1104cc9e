import Foundation
import MingleCore
import MingleStore
import MingleTerminal

/// Which screen a terminal shows.
public enum ScreenKind: Equatable, Sendable {
    case reception, stall(String?), timekeeper, board

    /// `--role` values: reception, stall:ID, timekeeper, board.
    public static func parse(_ text: String) -> ScreenKind? {
        switch text {
        case "reception": return .reception
        case "timekeeper": return .timekeeper
        case "board": return .board
        case "stall": return .stall(nil)
        default:
            if text.hasPrefix("stall:") { return .stall(String(text.dropFirst(6))) }
            return nil
        }
    }

    var fKey: Int {
        switch self {
        case .reception: 2
        case .stall: 3
        case .timekeeper: 4
        case .board: 5
        }
    }

    var roleName: String {
        switch self {
        case .reception: "reception"
        case .stall(let id): id.map { "stall:\($0)" } ?? "stall"
        case .timekeeper: "timekeeper"
        case .board: "board"
        }
    }
}

/// The app shell (Bubble Tea's Model/Update/View): keys come in, events go to the log through the
/// store, and the screen is drawn from the state the store read back. UI-only state — the search
/// text, the highlighted row, an open form or dialog — lives here, never in the log.
public final class App {
    public struct Message: Equatable {
        public var text: String
        public var isError: Bool
    }

    struct Confirm {
        var prompt: String
        var yes: () -> Void
    }

    enum Overlay {
        case help
        case confirm(Confirm)
    }

    public let store: Store
    public var strings: UIStrings
    public private(set) var screen: ScreenKind
    /// With `--role` the terminal stays on one screen.
    public let locked: Bool
    public let author: Author
    /// The clock, injected so screens render the same in tests.
    public var now: () -> Timestamp
    public internal(set) var message: Message?
    var overlay: Overlay?
    var reception = ReceptionModel()
    public private(set) var shouldQuit = false
    /// The size of the last frame drawn.
    var lastSize = (rows: 24, columns: 80)

    public init(store: Store, screen: ScreenKind, locked: Bool, author: Author, language: String? = nil,
                now: @escaping () -> Timestamp) {
        self.store = store
        self.screen = screen
        self.locked = locked
        self.author = author
        self.now = now
        strings = UIStrings.forLanguage(language ?? store.config.language)
    }

    // MARK: Update

    /// Reads what anyone appended; a damaged store becomes a message, never a crash.
    @discardableResult
    public func refresh() -> Bool {
        do { return try store.refresh() } catch {
            show(error: error)
            return true
        }
    }

    enum GlobalAction: Sendable { case help, quit, undo, screen(Int), nextScreen }

    var globalKeys: KeyMap<GlobalAction> { App.globalKeys(strings, locked: locked) }

    static func globalKeys(_ s: UIStrings, locked: Bool) -> KeyMap<GlobalAction> {
        var b: [KeyBinding<GlobalAction>] = [
            KeyBinding([.function(1)], s.keyHelp, .help),
            KeyBinding([.ctrl("z")], s.keyUndo, .undo),
            KeyBinding([.function(10), .ctrl("c")], s.keyQuit, .quit),
        ]
        if !locked {
            b.append(KeyBinding([.function(2), .function(3), .function(4), .function(5)], s.keyScreens, .screen(0), inBar: false))
            b.append(KeyBinding([.tab], s.keyScreens, .nextScreen, inBar: false))
        }
        return KeyMap(b)
    }

    /// One key press. Everything the user can do passes through here.
    public func handle(_ key: Key) {
        if key == .resize { return }
        if let overlay {
            handleOverlay(overlay, key)
            return
        }
        // An open walk-in form takes Tab and the arrows for its fields; help and quit still work.
        if screen == .reception, reception.walkIn != nil, ![.function(1), .function(10), .ctrl("c")].contains(key),
           handleWalkIn(key) {
            return
        }
        if let action = globalKeys.action(for: key) {
            switch action {
            case .help: overlay = .help
            case .quit: askToQuit()
            case .undo: undo()
            case .screen:
                if case .function(let n) = key { switchTo(n) }
            case .nextScreen: switchTo(screen.fKey == 5 ? 2 : screen.fKey + 1)
            }
            return
        }
        if case .function(let n) = key, (2...5).contains(n), locked {
            say(strings.disabledLockedRole, error: true)
            return
        }
        switch screen {
        case .reception: handleReception(key)
        default:
            // No text field here: q quits, u undoes and ? shows the help.
            switch key {
            case .char("q"): askToQuit()
            case .char("u"): undo()
            case .char("?"): overlay = .help
            default: break
            }
        }
    }

    private func handleOverlay(_ overlay: Overlay, _ key: Key) {
        switch overlay {
        case .help:
            if [.escape, .function(1), .char("?"), .enter, .char("q")].contains(key) { self.overlay = nil }
        case .confirm(let c):
            if key == .enter || key == .char("y") || key == .char("Y") {
                self.overlay = nil
                c.yes()
            } else if key == .escape || key == .char("n") || key == .char("N") {
                self.overlay = nil
            }
        }
    }

    private func switchTo(_ n: Int) {
        switch n {
        case 2: screen = .reception
        case 3: screen = .stall(nil)
        case 4: screen = .timekeeper
        case 5: screen = .board
        default: break
        }
    }

    var hasHalfTypedInput: Bool { !reception.search.isEmpty || reception.walkIn?.isEmpty == false }

    func askToQuit() {
        if hasHalfTypedInput {
            overlay = .confirm(Confirm(prompt: strings.confirmQuit) { [weak self] in self?.shouldQuit = true })
        } else {
            shouldQuit = true
        }
    }

    /// Appends through the store; what happened, or why not, goes on the message line.
    @discardableResult
    func write(_ make: (State) throws(Refusal) -> [Event]) -> [LoggedEvent]? {
        do {
            let before = store.state.room
            let written = try store.append(by: author, make)
            if let e = written.last { say(describe(e, before: before)) }
            return written
        } catch {
            show(error: error)
            return nil
        }
    }

    /// The confirmation for what was just written; an undo names what it undid.
    func describe(_ e: LoggedEvent, before: Room) -> String {
        if case .undo(let seq) = e.event, let target = store.state.event(seq: seq) {
            if case .undo = target.event { return "\(strings.redid) #\(target.seq)" }
            return "\(strings.undid): \(strings.describe(target.event, in: before))"
        }
        if case .walkIn(let p) = e.event {
            return "\(strings.walkInSaved): \(p.name)\(p.ministry.isEmpty ? "" : " (\(p.ministry))") \(p.id)"
        }
        return strings.describe(e.event, in: store.state.room)
    }

    func undo() {
        guard let last = store.state.lastUndoable(by: author) else {
            say(strings.nothingToUndo, error: true)
            return
        }
        write { _ in [.undo(seq: last.seq)] }
    }

    func say(_ text: String, error: Bool = false) { message = Message(text: text, isError: error) }

    func show(error: StoreError) {
        if case .refused(let why) = error { say(strings.refusal(why), error: true) } else { say("\(strings.storeProblem): \(error.description)", error: true) }
    }
}
