import CNcursesw
import MingleCore

/// A key press, decoded from ncurses' get_wch. Screens match on these; the key maps name them.
public enum Key: Hashable, Sendable {
    /// Printable text, one character (typed Chinese arrives one code point at a time).
    case char(Character)
    case enter, escape, backspace, delete, tab, backTab
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// Ctrl plus a letter, lower case ("z" for Ctrl-Z).
    case ctrl(Character)
    case resize

    /// get_wch's result: `isFunctionKey` is its KEY_CODE_YES (branch on that, never on the value:
    /// U+0102 and KEY_DOWN are both 258).
    public static func decode(_ value: UInt32, isFunctionKey: Bool) -> Key? {
        if isFunctionKey {
            let v = Int32(bitPattern: value)
            switch v {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            // Some terminfo entries call the keys above the arrows Find and Select.
            case KEY_HOME, KEY_FIND, KEY_BEG: return .home
            case KEY_END, KEY_SELECT: return .end
            case KEY_NPAGE: return .pageDown
            case KEY_PPAGE: return .pageUp
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_BTAB: return .backTab
            case KEY_ENTER: return .enter
            case KEY_RESIZE: return .resize
            default:
                for n in 1...12 where v == x_key_f(Int32(n)) { return .function(n) }
                return nil
            }
        }
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 9: return .tab
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let u = Unicode.Scalar(value), !u.isUnsafeForTerminal else { return nil }
            return .char(Character(u))
        }
    }

    /// How the key is written in help and on the status line.
    public var label: String {
        switch self {
        case .char(let c): c == " " ? "Space" : String(c)
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        case .ctrl(let c): "Ctrl-" + c.uppercased()
        case .resize: "resize"
        }
    }
}
