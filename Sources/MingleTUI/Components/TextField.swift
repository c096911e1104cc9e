import MingleCore
import MingleTerminal

/// A one-line text field: typed Chinese arrives one code point at a time; the cursor moves by
/// whole characters, so Backspace over a wide character removes all of it.
public struct TextField: Equatable, Sendable {
    public private(set) var text: String = ""
    /// Cursor position in Characters.
    public private(set) var cursor = 0

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Handles an editing key; false when the key is not an editing key.
    public mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            let i = text.index(text.startIndex, offsetBy: cursor)
            let before = text.count
            text.insert(c, at: i)
            // A combining mark may merge into the previous character: move by what was added.
            cursor += text.count - before
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"): text = ""; cursor = 0
        default: return false
        }
        return true
    }

    public mutating func clear() { text = ""; cursor = 0 }

    /// Draws the field in `width` columns, scrolled so the cursor shows; places the caret.
    public func draw<C: Canvas>(on canvas: inout C, row: Int, column: Int, width: Int, focused: Bool) {
        let clean = Array(Sanitizer.clean(text))
        var start = 0
        func widthOf(_ r: Range<Int>) -> Int { clean[r].reduce(0) { $0 + DisplayWidth.of($1) } }
        while start < cursor, widthOf(start..<cursor) > width - 1 { start += 1 }
        var shown = "", used = 0
        for c in clean[start...] {
            let w = DisplayWidth.of(c)
            if used + w > width { break }
            shown.append(c)
            used += w
        }
        canvas.put(DisplayWidth.fit(shown, to: width), row: row, column: column, style: .field)
        if focused { canvas.setCursor(row: row, column: column + widthOf(start..<min(cursor, clean.count))) }
    }
}

extension TextField {
    /// The keys of a live text field, for the key map of the layer that holds it: every printable
    /// character types, and the editing keys. `edit` hands the key to the field.
    static func editingBindings(_ s: UIStrings, typing: String, _ edit: @escaping (App, Key) -> Void) -> [KeyBinding] {
        [
            KeyBinding(typing: s.keyTypingLabel, typing, edit),
            KeyBinding([.left, .right], s.keyCursor, inBar: false, edit),
            KeyBinding([.home, .end], s.keyStartEnd, inBar: false, edit),
            KeyBinding([.ctrl("a"), .ctrl("e")], s.keyStartEnd, inBar: false, edit),
            KeyBinding([.backspace, .delete], s.keyErase, inBar: false, edit),
            KeyBinding([.ctrl("u")], s.keyEraseAll, inBar: false, edit),
        ]
    }
}
