import MingleCore
import MingleStore
import MingleTerminal

/// The app shell (Bubble Tea's Model/Update/View): keys come in, events go to the log through the
/// store, and the frame is drawn from the state the store read back. It keeps only what every
/// screen shares — routing, the stack of forms and dialogs, the message, hint and status lines,
/// writing and undo. Each screen is its own unit (Layer.swift); UI-only state lives in the
/// layers, never in the log.
public final class App {
    public struct Message: Equatable {
        public var text: String
        public var isError: Bool
    }

    /// A message fades after this long, or at the next key.
    static let messageSeconds: Int64 = 6

    public let store: Store
    public var strings: UIStrings
    /// With `--role` the terminal stays on one screen.
    public let locked: Bool
    /// What this terminal may write when locked to a role (nil: anything).
    public let desk: Desk?
    public let author: Author
    /// The clock, injected so screens render the same in tests.
    public var now: () -> Timestamp
    public internal(set) var message: Message?
    var messageTime: Timestamp?
    /// What keeps this terminal from working (the store cannot be written, the log is damaged):
    /// shown whole, in the screen's language, until it is fixed.
    public internal(set) var storeProblem: String?
    /// The repair last said on the message line (Store.repairedNews), so it is said once.
    var repairedNewsSaid: HistoryProblem?
    var accessProblem: String?, readProblem: String?
    var storeProblemCheckedAt: Int64 = -1_000_000
    /// The screen at the bottom; forms and dialogs above it, the last on top.
    private(set) var current: any Screen
    private(set) var layers: [any Layer] = []
    /// Screens already opened keep their state (a half-typed search) when the user comes back.
    private var screens: [String: any Screen] = [:]
    public private(set) var shouldQuit = false
    /// Ctrl-L: the terminal should send the next frame whole.
    public internal(set) var repaintRequested = false
    var undoCache: (generation: Int, undo: LoggedEvent?, redo: LoggedEvent?)?
    /// Where this terminal's events are in the log, for undo (see `undoable`).
    var mine: (epoch: Int, count: Int, positions: [Int]) = (0, 0, [])
    /// The size of the last frame drawn.
    var lastSize = (rows: 24, columns: 80)

    public init(store: Store, screen: ScreenKind, locked: Bool, author: Author, language: String? = nil,
                now: @escaping () -> Timestamp) {
        self.store = store
        self.locked = locked
        self.author = author
        // A locked terminal writes only what its role does; an unlocked one is the organisers'.
        self.desk = locked ? screen.desk : nil
        self.now = now
        strings = UIStrings.forLanguage(language ?? store.config.language)
        current = screen.makeScreen()
        screens[screen.roleName] = current
        checkStore()
    }

    public var screen: ScreenKind { current.kind }
    /// The layer that gets the keys.
    var top: any Layer { layers.last ?? current }

    // MARK: Keys

    /// One key press. Everything the user can do passes through here: the top layer's key map
    /// first, then the shell's keys that reach it. A key in neither does nothing.
    public func handle(_ key: Key) {
        if key == .resize { return }
        // While the screen is too small nothing is shown, so nothing may change unseen: only
        // quitting and repainting work until it is big enough again.
        if lastSize.columns < neededSize.columns || lastSize.rows < neededSize.rows,
           ![.function(10), .ctrl("c"), .ctrl("l")].contains(key) { return }
        message = nil  // a message fades at the next key; what this key says replaces it
        let layer = top
        guard let binding = layer.keyMap(strings).binding(for: key) ?? shellKeys(for: layer).binding(for: key) else { return }
        if let why = binding.disabled(self) {
            say(why, error: true)
        } else {
            binding.perform(self, key)
        }
    }

    /// The shell's keys as they reach `layer`.
    func shellKeys(for layer: any Layer) -> KeyMap { App.shellKeys(strings, locked: locked, for: layer) }

    // MARK: Layers

    public func open(_ layer: any Layer) { layers.append(layer) }

    /// Removes `layer` and everything opened above it.
    public func close(_ layer: any Layer) {
        if let i = layers.firstIndex(where: { $0 === layer }) { layers.removeSubrange(i...) }
    }

    func isOpen(_ layer: any Layer) -> Bool { layers.contains { $0 === layer } }

    /// Asks a yes/no question; `yes` runs on Enter or y.
    public func confirm(_ prompt: String, yes: @escaping (App) -> Void) {
        open(ConfirmDialog(prompt: prompt, yes: yes))
    }

    /// A key that acts on a one-off event or a moving highlight, pressed again within moments of
    /// the last time it happened (`last`, from the log, so on any terminal): asks `question`
    /// before doing it again; otherwise does it.
    func askIfJustDone(_ last: Timestamp?, within millis: Int64, _ question: String, _ go: @escaping (App) -> Void) {
        if let last, now().millis - last.millis < millis { confirm(question, yes: go) } else { go(self) }
    }

    func toggleHelp() {
        if let help = top as? HelpOverlay {
            close(help)
        } else {
            open(HelpOverlay(for: top, in: self))
        }
    }

    /// Something typed anywhere — on this screen, one visited before, or in an open form.
    var hasHalfTypedInput: Bool { screens.values.contains { $0.hasHalfTypedInput } || layers.contains { $0.hasHalfTypedInput } }

    /// Quits at once, or asks first when something typed would be lost.
    func askToQuit() {
        if hasHalfTypedInput {
            confirm(strings.confirmQuit) { $0.shouldQuit = true }
        } else {
            shouldQuit = true
        }
    }

    /// Shows another screen; an open form with something typed in it asks first.
    func switchTo(_ kind: ScreenKind) {
        let go: (App) -> Void = { app in
            app.layers.removeAll()
            if let s = app.screens[kind.roleName] {
                app.current = s
            } else {
                let s = kind.makeScreen()
                app.screens[kind.roleName] = s
                app.current = s
            }
        }
        if layers.contains(where: \.hasHalfTypedInput) {
            confirm(strings.confirmDiscardAndSwitch, yes: go)
        } else {
            go(self)
        }
    }

    /// A screen already made, for tests and for screens that hand work to each other.
    func screen<S: Screen>(_ type: S.Type) -> S? {
        (current as? S) ?? screens.values.lazy.compactMap { $0 as? S }.first
    }
}
