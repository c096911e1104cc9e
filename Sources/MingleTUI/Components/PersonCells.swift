import MingleCore
import MingleTerminal

/// How a person's whereabouts and minutes read in a row, the same on every screen.
enum PersonCells {
    /// "at 開放政府", "here 14:05", "left 15:20", "invited".
    static func state(_ p: Int, _ room: Room, _ s: UIStrings) -> String {
        let pr = room.presence[p]
        if let st = pr.stall { return "\(s.stateAtStall) \(room.stalls[st].name)" }
        if pr.isHere { return "\(s.stateHere) \(pr.checkInTime?.clock ?? "")" }
        if pr.left { return "\(s.stateLeft) \(pr.checkOutTime?.clock ?? "")" }
        return s.stateInvited
    }

    /// Whole minutes from `since` to `now` (never negative: another desk's clock may be a little ahead).
    static func minutes(since: Timestamp?, now: Timestamp) -> Int {
        guard let since else { return 0 }
        return max(0, Int((now.millis - since.millis) / 60_000))
    }
}
