import MingleTerminal

/// Rows of cells in fixed columns, cut and padded by display width so Chinese lines up.
enum Table {
    /// One row; a marked row starts with ">" (for terminals without colour) and is filled to
    /// `width` in its style.
    static func drawRow<C: Canvas>(_ c: inout C, _ cells: [String], widths: [Int], row: Int, width: Int,
                                   style: Style, marked: Bool = false) {
        var x = c.put(marked ? ">" : " ", row: row, column: 0, style: style)
        for (text, w) in zip(cells, widths) {
            x = c.put(text, row: row, column: x, width: w, style: style)
            x = c.put(" ", row: row, column: x, style: style)
        }
        if marked { c.put(String(repeating: " ", count: max(0, width - x)), row: row, column: x, style: style) }
    }
}

/// A filled rectangle with a title row, for forms and dialogs, set off from what is beneath by a
/// blank margin: a word of the screen behind never seems to continue inside the box (or, on a
/// terminal without colour, to belong to it). Plain spaces, not box-drawing lines, whose width
/// terminals set to "ambiguous-wide" disagree on.
enum Box {
    static func draw<C: Canvas>(_ c: inout C, top: Int, left: Int, width: Int, height: Int, title: String?, style: Style,
                                titleStyle: Style = .key) {
        // A sliver of one column left between the margin and the screen's edge would show a
        // cut piece of the row behind (a highlight's ">"): the margin then reaches the edge.
        var marginLeft = max(0, left - 1), marginRight = min(c.columns, left + width + 1)
        if marginLeft <= 1 { marginLeft = 0 }
        if c.columns - marginRight <= 1 { marginRight = c.columns }
        for r in max(1, top - 1)..<min(c.rows, top + height + 1) {
            c.put(String(repeating: " ", count: marginRight - marginLeft), row: r, column: marginLeft, style: .normal)
        }
        for r in top..<(top + height) { c.put(String(repeating: " ", count: width), row: r, column: left, style: style) }
        if let title { c.put(" " + title, row: top, column: left, width: width, style: titleStyle) }
    }
}
