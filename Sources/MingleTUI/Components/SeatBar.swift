import MingleTerminal

/// Seats taken as a bar ("█████░░░"), the same on the board, the room view and a stall's screen:
/// taken in green, red when full; free seats dim.
enum SeatBar {
    /// Draws the bar `width` cells wide and returns the column after it.
    @discardableResult
    static func draw<C: Canvas>(_ c: inout C, taken: Int, seats: Int, width: Int, row: Int, column: Int) -> Int {
        guard width > 0 else { return column }
        let filled = seats <= 0 ? 0 : min(width, (min(taken, seats) * width + seats - 1) / seats)
        let full = seats > 0 && taken >= seats
        let col = c.put(String(repeating: "█", count: filled), row: row, column: column, style: full ? .alertText : .good)
        return c.put(String(repeating: "░", count: width - filled), row: row, column: col, style: .dim)
    }
}
