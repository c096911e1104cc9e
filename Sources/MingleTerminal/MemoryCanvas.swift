/// The in-memory grid the tests draw into (ratatui's Buffer): a cell per column; a wide
/// character takes its cell and marks the next one as its continuation, never split.
public struct MemoryCanvas: Canvas {
    public struct Cell: Equatable, Sendable {
        public var text: String = " "
        public var style: Style = .normal
        /// The right half of a wide character.
        public var isContinuation = false
    }

    public let rows: Int
    public let columns: Int
    public private(set) var cells: [[Cell]]
    public private(set) var cursor: (row: Int, column: Int)?

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: Array(repeating: Cell(), count: columns), count: rows)
    }

    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style) -> Int {
        guard row >= 0, row < rows else { return column }
        var col = column
        for ch in text {
            let w = DisplayWidth.of(ch)
            if w == 0 {
                // A combining mark joins the character before it.
                if col > 0, col - 1 < columns { cells[row][col - 1].text.append(ch) }
                continue
            }
            guard col >= 0, col + w <= columns else { break }
            clearOverlaps(row: row, from: col, width: w)
            cells[row][col] = Cell(text: String(ch), style: style)
            if w == 2 { cells[row][col + 1] = Cell(text: "", style: style, isContinuation: true) }
            col += w
        }
        return col
    }

    /// Before cells `from..<from+width` are written: a wide character that only partly lies in
    /// them becomes a space, so no half of one is ever left behind (ratatui's Buffer does the same).
    private mutating func clearOverlaps(row: Int, from col: Int, width: Int) {
        if cells[row][col].isContinuation, col > 0 {
            cells[row][col - 1] = Cell(text: " ", style: cells[row][col - 1].style)
        }
        let after = col + width
        if after < columns, cells[row][after].isContinuation {
            cells[row][after] = Cell(text: " ", style: cells[row][after].style)
        }
    }

    public mutating func fillRow(_ row: Int, from column: Int, style: Style) {
        guard row >= 0, row < rows else { return }
        guard column < columns else { return }
        let from = max(0, column)
        if cells[row][from].isContinuation, from > 0 { cells[row][from - 1] = Cell(text: " ", style: cells[row][from - 1].style) }
        for c in from..<columns { cells[row][c] = Cell(text: " ", style: style) }
    }

    public mutating func clear() {
        cells = Array(repeating: Array(repeating: Cell(), count: columns), count: rows)
        cursor = nil
    }

    public mutating func setCursor(row: Int, column: Int) { cursor = (row, column) }
    public mutating func hideCursor() { cursor = nil }

    /// The screen as text, one string per row, trailing spaces kept so columns line up in goldens.
    public var lines: [String] { cells.map { row in row.map(\.text).joined() } }

    /// The whole screen as text.
    public var text: String { lines.joined(separator: "\n") }

    public func style(row: Int, column: Int) -> Style { cells[row][column].style }

    /// Another canvas is the same screen, cell for cell: text, style, wide-character halves and
    /// where the cursor rests.
    public func sameScreen(as other: MemoryCanvas) -> Bool {
        cells == other.cells && cursor?.row == other.cursor?.row && cursor?.column == other.cursor?.column
    }
}
