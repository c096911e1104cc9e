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
        Terminal.defineCommonKeys()
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

    /// The next frame is sent whole, as if the screen were blank (Ctrl-L: something else wrote
    /// on the terminal, or it lost track).
    public func repaintAll() { clearok(x_curscr(), true) }

    /// Sends a frame composed in memory. Every cell of every row is written each time and ncurses
    /// sends only what changed. Composing first is what keeps wide characters whole: an overlay
    /// that covered half of one has already turned it into spaces in the grid, so ncurses never
    /// writes into half of a wide character and its idea of the screen stays the terminal's.
    public func present(_ frame: MemoryCanvas) {
        let rows = min(frame.rows, self.rows), columns = min(frame.columns, self.columns)
        var chars: [wchar_t] = []
        chars.reserveCapacity(columns * 2 + 1)
        for r in 0..<rows {
            let row = frame.cells[r]
            let end = columns
            var c = 0
            while c < end {
                let style = row[c].style, start = c
                chars.removeAll(keepingCapacity: true)
                while c < end, row[c].style == style {
                    if !row[c].isContinuation {
                        for u in row[c].text.unicodeScalars { chars.append(wchar_t(bitPattern: u.value)) }
                    }
                    c += 1
                }
                if c == start { c += 1; continue }
                chars.append(0)
                x_attrset(Terminal.attributes(style, colors: hasColors))
                // At the bottom-right cell addwstr reports ERR after writing it (the cursor cannot
                // move on without scrolling, and scrolling is off): the cell is written all the
                // same, and ncurses paints it without scrolling the terminal.
                chars.withUnsafeBufferPointer { _ = mvaddwstr(Int32(r), Int32(start), $0.baseAddress) }
            }
        }
        x_attrset(x_A_NORMAL)
        if let cur = frame.cursor {
            curs_set(1)
            wmove(x_stdscr(), Int32(cur.row), Int32(cur.column))
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
        (Int16(COLOR_BLACK), Int16(COLOR_GREEN)),  // lightGreen
        (Int16(COLOR_BLACK), Int16(COLOR_YELLOW)), // lightYellow
        (Int16(COLOR_RED), -1),        // alertText
    ]

    /// Attributes for a style: colour pairs when the terminal has them, a readable monochrome
    /// look (bold, reverse, underline) when it does not (TERM=vt100).
    static func attributes(_ s: Style, colors: Bool) -> attr_t {
        if colors {
            let pair = x_color_pair(Int16(s.rawValue + 1))
            switch s {
            case .title, .key, .alert, .alertText, .lightGreen, .lightYellow: return pair | x_A_BOLD
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
        // Without colour the lights are told by their words; yellow and red stand out more.
        case .lightGreen: return x_A_BOLD
        case .lightYellow: return x_A_REVERSE
        case .alertText: return x_A_BOLD | x_A_UNDERLINE
        case .dim: return x_A_DIM
        case .field: return x_A_UNDERLINE
        }
    }

    /// Sequences that terminals and multiplexers send whatever TERM says (tmux under
    /// TERM=xterm-256color sends `ESC [ 1 ~` for Home; rxvt, PuTTY and the Linux console have
    /// their own). ncurses decodes only what the terminfo entry lists, so the rest would be typed
    /// into a field as `[1~`. Defining a sequence that is already known changes nothing.
    static let commonSequences: [(String, Int32)] = [
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
        ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
        ("\u{1B}[3~", KEY_DC), ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[Z", KEY_BTAB),
        ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
        ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT),
        ("\u{1B}OP", x_key_f(1)), ("\u{1B}OQ", x_key_f(2)), ("\u{1B}OR", x_key_f(3)), ("\u{1B}OS", x_key_f(4)),
        ("\u{1B}[11~", x_key_f(1)), ("\u{1B}[12~", x_key_f(2)), ("\u{1B}[13~", x_key_f(3)), ("\u{1B}[14~", x_key_f(4)),
        ("\u{1B}[[A", x_key_f(1)), ("\u{1B}[[B", x_key_f(2)), ("\u{1B}[[C", x_key_f(3)), ("\u{1B}[[D", x_key_f(4)),
        ("\u{1B}[[E", x_key_f(5)), ("\u{1B}[15~", x_key_f(5)), ("\u{1B}[17~", x_key_f(6)), ("\u{1B}[18~", x_key_f(7)),
        ("\u{1B}[19~", x_key_f(8)), ("\u{1B}[20~", x_key_f(9)), ("\u{1B}[21~", x_key_f(10)),
        ("\u{1B}[23~", x_key_f(11)), ("\u{1B}[24~", x_key_f(12)),
    ]

    private static func defineCommonKeys() {
        for (sequence, code) in commonSequences { _ = define_key(sequence, code) }
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
