/// Events in words, for the log view, confirmations and undo messages.
extension Room {
    public func describe(_ event: Event) -> String {
        func who(_ id: String) -> String { personIndex[id].map(label) ?? id }
        func stall(_ id: String) -> String { stallIndex[id].map { stalls[$0].name } ?? id }
        switch event {
        case .checkIn(let p): return "checked in \(who(p))"
        case .checkOut(let p): return "checked out \(who(p))"
        case .walkIn(let p): return "registered walk-in \(p.name)\(p.ministry.isEmpty ? "" : " (\(p.ministry))") as \(p.id), checked in"
        case .seat(let p, let s, let forced): return "seated \(who(p)) at \(stall(s))\(forced ? " (forced)" : "")"
        case .unseat(let p): return "\(who(p)) left their stall"
        case .phase(let from, let to, let move, let reason):
            let how = move == .next ? "moved on" : move == .back ? "went back" : "jumped"
            return "\(how) from \(from.rawValue) to \(to.rawValue)\(reason.isEmpty ? "" : " — \(reason)")"
        case .introStart(let p): return "\(who(p)) started their introduction"
        case .introDone(let p): return "\(who(p)) finished their introduction"
        case .introSkip(let p): return "skipped \(who(p))'s introduction"
        case .introAdd(let p): return "added \(who(p)) to the introductions"
        case .introMove(let p, let pos): return "moved \(who(p)) to place \(pos) in the introductions"
        case .help(let s, let on): return on ? "\(stall(s)) asked for help" : "the help request at \(stall(s)) was cleared"
        case .message(let t): return t.trimmedSpaces().isEmpty ? "cleared the message on the board" : "message to the room: \(t)"
        case .plan(let p, let m): return "\(m > 0 ? "planned" : "took") \(abs(m)) min \(m > 0 ? "more for" : "off") \(p.rawValue)"
        case .photoTaken: return "the group photo was taken"
        case .badgePrinted(let p): return "printed the name tag of \(who(p))"
        case .undo(let seq): return "undid event \(seq)"
        case .note(let t): return "note: \(t)"
        }
    }
}
