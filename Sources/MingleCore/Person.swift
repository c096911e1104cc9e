/// What a person is at the gathering. The raw values are the contract words of `status --json`.
public enum Role: String, CaseIterable, Sendable, Codable {
    case new, senior, staff, guest

    /// A walk-in's role unless the desk says otherwise, on every front end: a guest, so nobody
    /// joins the new POs' introductions by accident.
    public static let walkInDefault = Role.guest

    /// Words a spreadsheet may use for a role, English or Traditional Chinese.
    public static func parse(_ text: String) -> Role? {
        let key = text.trimmedSpaces().lowercased()
        switch key {
        case "new", "新任", "新進", "新": return .new
        case "senior", "資深", "資深po", "資": return .senior
        case "staff", "工作人員", "工作", "幕僚", "pdis": return .staff
        case "guest", "來賓", "貴賓", "嘉賓": return .guest
        default: return nil
        }
    }
}

/// One invited (or walked-in) person. A name is data: stored exactly as given, outer white space
/// trimmed; the screens defuse control characters when drawing.
public struct Person: Equatable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var ministry: String
    public var role: Role
    public var email: String
    public var title: String
    /// Further spreadsheet columns, kept as they came (header → value).
    public var extras: [String: String]

    public init(id: String, name: String, ministry: String, role: Role,
                email: String = "", title: String = "", extras: [String: String] = [:]) {
        self.id = id
        self.name = name
        self.ministry = ministry
        self.role = role
        self.email = email
        self.title = title
        self.extras = extras
    }
}

extension String {
    /// Outer white space (including the ideographic space U+3000) removed.
    public func trimmedSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
