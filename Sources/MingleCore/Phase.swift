/// The afternoon, in order. `closed` ends the day; check-in stays allowed in every phase.
public enum Phase: String, CaseIterable, Sendable, Comparable, Codable {
    case reception, opening, introductions, chat, photo, closed

    public var index: Int { Phase.allCases.firstIndex(of: self)! }
    public var next: Phase? { index + 1 < Phase.allCases.count ? Phase.allCases[index + 1] : nil }
    public var previous: Phase? { index > 0 ? Phase.allCases[index - 1] : nil }

    public static func < (a: Phase, b: Phase) -> Bool { a.index < b.index }

    /// Accepts the contract names and a few words a timekeeper may type.
    public static func parse(_ text: String) -> Phase? {
        switch text.lowercased() {
        case "reception", "報到", "checkin", "check-in": return .reception
        case "opening", "開場", "talk": return .opening
        case "introductions", "intro", "intros", "自我介紹", "介紹": return .introductions
        case "chat", "open-chat", "stalls", "交流": return .chat
        case "photo", "合照", "group-photo": return .photo
        case "closed", "close", "end", "結束": return .closed
        default: return nil
        }
    }
}

/// How a phase change was asked for; a jump needs a reason.
public enum PhaseMove: String, Sendable, Codable {
    case next, back, jump
}
