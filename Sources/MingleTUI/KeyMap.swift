import MingleTerminal

/// A key binding as data (lazygit): the keys, a short label for the status line, a description
/// for the help screen, and why it is disabled right now, if it is. The help screen and
/// docs/keys.md (`mingle keys`) are made from the same lists that handle the keys.
public struct KeyBinding<Action>: Sendable where Action: Sendable {
    public var keys: [Key]
    public var label: String
    public var help: String
    public var action: Action
    /// Shown on the key-hint line (the rest only in help).
    public var inBar: Bool

    public init(_ keys: [Key], _ label: String, help: String? = nil, _ action: Action, inBar: Bool = true) {
        self.keys = keys
        self.label = label
        self.help = help ?? label
        self.action = action
        self.inBar = inBar
    }

    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

public struct KeyMap<Action>: Sendable where Action: Sendable {
    public var bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) { self.bindings = bindings }

    public func action(for key: Key) -> Action? { bindings.first { $0.keys.contains(key) }?.action }

    /// "Enter check in · F6 walk-in · …" for the hint line.
    public var hints: [(String, String)] { bindings.filter(\.inBar).map { ($0.keyLabel, $0.label) } }
}
