import CNcursesw

/// A surface the screens draw on, in terminal cells. Two implementations come with the
/// front-end issue: ncursesw, and an in-memory grid for tests. Screens know only this protocol.
public protocol Canvas {
    /// Size in cells.
    var rows: Int { get }
    var columns: Int { get }
    /// Writes text at a cell position; text is already sanitized and cut to fit.
    mutating func put(_ text: String, row: Int, column: Int)
}

/// Links ncursesw now, so the system-library target is proven to build on every machine.
public enum TerminalLibrary {
    /// The ncurses version string, e.g. "ncurses 6.4.20221231".
    public static var version: String { String(cString: curses_version()) }
}
