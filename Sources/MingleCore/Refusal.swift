/// Why an action was not applied. The text is for a host: short, concrete, no jargon.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
