import MingleTerminal

/// Seats taken as a bar ("█████░░░"), the same on the board, the room view and a stall's screen:
/// taken in green, red when full; free seats dim.
enum SeatBar {
    /// A cell per seat when that fits in `room` cells (so 7 of 8 never looks like 8 of 8), else `room`.
    static func width(seats: Int, room: Int) -> Int { seats <= room ? max(1, seats) : room }

    /// Draws the bar `width` cells wide and returns the column after it. Narrower than the seats,
    /// it is scaled, but a seat taken always shows and only a full stall fills it.
    @discardableResult
    static func draw<C: Canvas>(_ c: inout C, taken: Int, seats: Int, width: Int, row: Int, column: Int) -> Int {
        guard width > 0 else { return column }
        let full = seats > 0 && taken >= seats
        let filled: Int
        if full { filled = width }
        else if seats <= 0 || taken <= 0 { filled = 0 }
        else { filled = min(width - 1, max(1, taken * width / seats)) }
        let col = c.put(String(repeating: "█", count: filled), row: row, column: column, style: full ? .alertText : .good)
        return c.put(String(repeating: "░", count: width - filled), row: row, column: col, style: .dim)
    }
}
