extension State {
    /// The rules, and before them what a role-locked terminal may do (nil `desk`: anything):
    /// its role's events only, and undo or redo of its own actions only.
    public func check(_ events: [Event], at time: Timestamp, by author: Author, desk: Desk?) throws(Refusal) {
        if let desk {
            for e in events {
                if let r = desk.refusal(for: e, in: room) { throw r }
                if case .undo(let seq) = e, let target = event(seq: seq), !target.author.isSameTerminal(as: author) {
                    throw Refusal(.notYourAction(seq: seq, by: target.author))
                }
            }
        }
        try check(events, at: time, by: author)
    }
}
