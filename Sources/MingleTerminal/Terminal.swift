#if canImport(Glibc)
import Glibc
#endif
import CNcursesw

/// The one place that owns the real terminal (htop's CRT): start-up checks, modes, colours,
/// drawing through ncursesw's wide-character calls, reading keys, and restoring the terminal on
/// exit, Ctrl-C and crashes.
public final class Terminal {
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case noTerm
        case unknownTerm(String)
        case noUTF8

        public var description: String {
            switch self {
            case .notATerminal: "mingle's screens need a terminal (stdin and stdout are not one). Use the commands instead, e.g. `mingle status`."
            case .noTerm: "The TERM variable is not set, so the terminal type is unknown. Try: TERM=xterm-256color mingle"
            case .unknownTerm(let t): "This machine does not know the terminal type \"\(t)\". Try: TERM=xterm-256color mingle"
            case .noUTF8: "This machine has no UTF-8 locale, so Chinese names cannot be shown. Install one (locales package) or set LANG=C.UTF-8."
            }
        }
    }

    public let hasColors: Bool
    nonisolated(unsafe) private static var active = false

    /// Checks everything that would make ncurses abort or garble Chinese, then starts curses.
    public init(colors: Bool = true) throws(StartError) {
        setlocale(LC_ALL, "")
        if x_codeset_is_utf8() == 0 {
            // This machine may only have C.UTF-8 (no zh_TW): Chinese still works with it.
            setlocale(LC_CTYPE, "C.UTF-8")
            guard x_codeset_is_utf8() != 0 else { throw .noUTF8 }
        }
        guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
        guard let termPtr = getenv("TERM"), termPtr.pointee != 0 else { throw .noTerm }
        let term = String(cString: termPtr)
        var err: Int32 = 0
        // setupterm first: initscr/newterm would exit the process on an unknown TERM.
        guard setupterm(term, 1, &err) == OK else { throw .unknownTerm(term) }
        guard x_newterm(term) != nil else { throw .unknownTerm(term) }
        Terminal.active = true
        Terminal.installSignalHandlers()
        raw()  // Ctrl-C, Ctrl-Z and Ctrl-O arrive as keys: Ctrl-Z is undo here, not suspend
        noecho()
        nonl()
        keypad(x_stdscr(), true)
        nodelay(x_stdscr(), true)
        set_escdelay(25)
        hasColors = colors && has_colors()
        if hasColors {
            start_color()
            use_default_colors()
            for (i, pair) in Terminal.colorPairs.enumerated() { init_pair(Int16(i + 1), pair.0, pair.1) }
        }
        curs_set(0)
    }

    deinit { stop() }

    /// Restores the terminal. Safe to call twice.
    public func stop() {
        guard Terminal.active else { return }
        Terminal.active = false
        endwin()
    }

    public var rows: Int { Int(x_lines()) }
    public var columns: Int { Int(x_cols()) }

    /// A canvas over the whole screen, cleared; draw, then `present()`. ncurses sends only what
    /// changed since the last frame.
    public func frame() -> CursesCanvas {
        werase(x_stdscr())
        return CursesCanvas(rows: rows, columns: columns, colors: hasColors)
    }

    public func present(_ canvas: CursesCanvas) {
        if let c = canvas.cursor {
            curs_set(1)
            wmove(x_stdscr(), Int32(c.row), Int32(c.column))
        } else {
            curs_set(0)
        }
        wrefresh(x_stdscr())
    }

    /// The next key already typed, or nil when there is none (never blocks).
    public func readKey() -> Key? {
        var w: wint_t = 0
        while true {
            let r = x_get_wch(&w)
            if r == ERR { return nil }
            if let k = Key.decode(UInt32(w), isFunctionKey: r == x_KEY_CODE_YES) { return k }
        }
    }

    /// Colours per style (foreground, background); -1 is the terminal's default.
    static let colorPairs: [(Int16, Int16)] = [
        (-1, -1),                      // normal
        (Int16(COLOR_WHITE), Int16(COLOR_BLUE)),   // title
        (Int16(COLOR_BLACK), Int16(COLOR_CYAN)),   // statusBar
        (Int16(COLOR_BLACK), Int16(COLOR_YELLOW)), // selected
        (-1, -1),                      // dim
        (Int16(COLOR_CYAN), -1),       // header
        (Int16(COLOR_YELLOW), Int16(COLOR_BLUE)),  // key
        (Int16(COLOR_GREEN), -1),      // good
        (Int16(COLOR_YELLOW), -1),     // warning
        (Int16(COLOR_WHITE), Int16(COLOR_RED)),    // alert
        (-1, -1),                      // field
    ]

    /// Attributes for a style: colour pairs when the terminal has them, a readable monochrome
    /// look (bold, reverse, underline) when it does not (TERM=vt100).
    static func attributes(_ s: Style, colors: Bool) -> attr_t {
        if colors {
            let pair = x_color_pair(Int16(s.rawValue + 1))
            switch s {
            case .title, .key, .alert: return pair | x_A_BOLD
            case .dim: return x_A_DIM
            case .field: return x_A_UNDERLINE
            case .header: return pair | x_A_BOLD
            default: return pair
            }
        }
        switch s {
        case .normal, .good: return x_A_NORMAL
        case .title, .header, .warning: return x_A_BOLD
        case .statusBar, .selected: return x_A_REVERSE
        case .key: return x_A_REVERSE | x_A_BOLD
        case .alert: return x_A_REVERSE | x_A_BOLD
        case .dim: return x_A_DIM
        case .field: return x_A_UNDERLINE
        }
    }

    private static func installSignalHandlers() {
        // A parent may have started us with these blocked; a resize and a kill must get through.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for sig in [SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT] { sigaddset(&wanted, sig) }
        sigprocmask(SIG_UNBLOCK, &wanted, nil)
        // Restore the terminal before dying, whatever kills us.
        for sig in [SIGTERM, SIGHUP, SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGTRAP, SIGFPE, SIGINT, SIGQUIT] {
            signal(sig) { s in
                endwin()
                signal(s, SIG_DFL)
                raise(s)
            }
        }
    }
}

/// Draws on stdscr with wide-character calls only.
public struct CursesCanvas: Canvas {
    public let rows: Int
    public let columns: Int
    let colors: Bool
    private(set) var cursor: (row: Int, column: Int)?

    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style) -> Int {
        guard row >= 0, row < rows, column < columns else { return column }
        var col = column
        var chars: [wchar_t] = []
        chars.reserveCapacity(text.unicodeScalars.count + 1)
        for ch in text {
            let w = DisplayWidth.of(ch)
            if col + w > columns { break }
            for u in ch.unicodeScalars { chars.append(wchar_t(bitPattern: u.value)) }
            col += w
        }
        chars.append(0)
        x_attrset(Terminal.attributes(style, colors: colors))
        chars.withUnsafeBufferPointer { _ = mvaddwstr(Int32(row), Int32(column), $0.baseAddress) }
        x_attrset(x_A_NORMAL)
        return col
    }

    public mutating func fillRow(_ row: Int, from column: Int, style: Style) {
        guard column < columns else { return }
        // The last cell of the last row is left alone: writing it would scroll some terminals.
        let n = columns - column - (row == rows - 1 ? 1 : 0)
        guard n > 0 else { return }
        put(String(repeating: " ", count: n), row: row, column: column, style: style)
    }

    public mutating func clear() { werase(x_stdscr()) }
    public mutating func setCursor(row: Int, column: Int) { cursor = (row, column) }
    public mutating func hideCursor() { cursor = nil }
}
