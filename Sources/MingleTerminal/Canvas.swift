import CNcursesw
import MingleCore

/// What a piece of the screen means; each scheme turns it into colours or attributes.
public enum Style: Int, CaseIterable, Sendable {
    case normal, title, statusBar, selected, dim, header, key, good, warning, alert, field
    /// A speaker's light and a phase clock: green and yellow blocks; red is `alert`.
    case lightGreen, lightYellow
    /// Red letters on the usual background: the other half of a flash with `alert`.
    case alertText
}

/// A surface the screens draw on, in terminal cells. Screens know only this protocol; ncursesw
/// and the in-memory grid for tests implement it.
public protocol Canvas {
    var rows: Int { get }
    var columns: Int { get }
    /// Draws already-sanitized text from a cell, clipped at the right edge without splitting a
    /// wide character. Returns the column after the text.
    @discardableResult
    mutating func put(_ text: String, row: Int, column: Int, style: Style) -> Int
    /// Fills a row from `column` to the right edge with spaces in a style.
    mutating func fillRow(_ row: Int, from column: Int, style: Style)
    mutating func clear()
    /// Where the terminal cursor should rest (a text field's caret), or nil to hide it.
    mutating func setCursor(row: Int, column: Int)
    mutating func hideCursor()
}

extension Canvas {
    /// Text cut to `width` columns with "…" and padded, in one call.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, width: Int, style: Style = .normal) -> Int {
        put(DisplayWidth.fit(Sanitizer.clean(text), to: width), row: row, column: column, style: style)
    }
}

/// Links ncursesw now, so the system-library target is proven to build on every machine.
public enum TerminalLibrary {
    /// The ncurses version string, e.g. "ncurses 6.4.20221231".
    public static var version: String { String(cString: curses_version()) }
}
