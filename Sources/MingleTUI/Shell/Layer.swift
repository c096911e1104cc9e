import MingleCore
import MingleTerminal

/// How a layer shares the keyboard with the shell.
public enum LayerKind: Sendable {
    /// A whole screen: the shell's keys (screens, undo, help, quit) work beside its own.
    case screen
    /// A form over a screen: it takes every key but help, quit and the screen keys (which ask
    /// first when something is typed in it).
    case form
    /// A question or the help: it takes every key but help and quit.
    case dialog
}

/// A screen, a form or a dialog: one unit holding its own model, key map, drawing and "has
/// half-typed input". The shell stacks them — a screen at the bottom, forms and dialogs above —
/// and gives each key to the top one (htop's Panel answering HANDLED or IGNORED). Closing a
/// layer just removes it: the frame is drawn again from the models, so what was beneath comes
/// back cell for cell.
public protocol Layer: AnyObject {
    var layerKind: LayerKind { get }
    /// The keys this layer answers now (its key map is how it handles them).
    func keyMap(_ s: UIStrings) -> KeyMap
    /// A live text field takes printable keys here, so single letters are not commands.
    var takesText: Bool { get }
    /// Something typed here that closing or quitting would throw away.
    var hasHalfTypedInput: Bool { get }
    /// False for a screen that only shows (the board): the shell offers no undo there.
    var writes: Bool { get }
    /// True while the layer shows something that changes every second (a speaker's timer):
    /// the screen is then drawn once a second; otherwise it sleeps until something happens.
    func countsSeconds(_ app: App) -> Bool
    func draw<C: Canvas>(_ c: inout C, _ app: App)
}

/// A whole screen (reception, stall, timekeeper, board).
public protocol Screen: Layer {
    var kind: ScreenKind { get }
}

extension Screen {
    public var layerKind: LayerKind { .screen }
}

extension Layer {
    public var writes: Bool { true }
    public func countsSeconds(_ app: App) -> Bool { false }
}

/// Which screen a terminal shows.
public enum ScreenKind: Equatable, Sendable {
    case reception, stall(String?), timekeeper, board

    /// `--role` values: reception, stall:ID, timekeeper, board.
    /// The roles are the core's (Desk); "stall" alone is the room view of an unlocked terminal.
    public static func parse(_ text: String) -> ScreenKind? {
        if text == "stall" { return .stall(nil) }
        return Desk.parse(text).map { desk in
            switch desk {
            case .reception: .reception
            case .stall(let id): .stall(id)
            case .timekeeper: .timekeeper
            case .board: .board
            }
        }
    }

    /// What a terminal locked to this screen may write (the room view is never locked).
    var desk: Desk? {
        switch self {
        case .reception: .reception
        case .stall(let id): id.map(Desk.stall)
        case .timekeeper: .timekeeper
        case .board: .board
        }
    }

    /// The F-key that shows it on an unlocked terminal.
    public var fKey: Int {
        switch self {
        case .reception: 2
        case .stall: 3
        case .timekeeper: 4
        case .board: 5
        }
    }

    static func forFKey(_ n: Int) -> ScreenKind? {
        switch n {
        case 2: .reception
        case 3: .stall(nil)
        case 4: .timekeeper
        case 5: .board
        default: nil
        }
    }

    public var roleName: String {
        switch self {
        case .reception: "reception"
        case .stall(let id): id.map { "stall:\($0)" } ?? "stall"
        case .timekeeper: "timekeeper"
        case .board: "board"
        }
    }

    /// The one place that knows which type draws which screen: a new screen is its own files and
    /// one line here.
    func makeScreen() -> any Screen {
        switch self {
        case .reception: ReceptionScreen()
        case .timekeeper: TimekeeperScreen()
        case .board: BoardScreen()
        case .stall(nil): RoomScreen()
        case .stall(let id?): StallScreen(stallID: id)
        }
    }
}
