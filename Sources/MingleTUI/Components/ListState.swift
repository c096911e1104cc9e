/// Which row of a list is highlighted and which row is at the top (ratatui's ListState): kept by
/// the list, so a screen says only how many rows there are and how many fit.
public struct ListState: Equatable, Sendable {
    /// Position of the highlighted row, or nil when nothing is highlighted.
    public var selected: Int?
    /// Position of the first row on screen.
    public var offset = 0

    public init(selected: Int? = nil) { self.selected = selected }

    /// Moves the highlight by `delta` rows (a page is the visible height), staying in the list.
    public mutating func move(by delta: Int, count: Int) {
        guard count > 0 else { selected = nil; return }
        selected = min(count - 1, max(0, (selected ?? 0) + delta))
    }

    /// Scrolls so the highlighted row is on screen, and no further than the list allows.
    public mutating func scrollToShow(count: Int, height: Int) {
        let row = selected ?? 0
        if row < offset { offset = row }
        if row >= offset + height { offset = row - height + 1 }
        offset = max(0, min(offset, max(0, count - height)))
    }
}
