import MingleTerminal

/// A key binding as data (lazygit's keybindings): the keys, a short label for the hint line, a
/// description for help, why it does nothing right now, and what it does. The hint line, F1 help,
/// `mingle keys` and docs/keys.md are made from the same bindings that handle the keys, so no key
/// can work without being listed.
public struct KeyBinding {
    public let keys: [Key]
    /// Matches every printable character: the binding of a live text field.
    public let anyText: Bool
    /// How the keys are written in help ("F2–F5" rather than "F2/F3/F4/F5").
    public let keyLabel: String
    public let label: String
    public let help: String
    /// Shown on the hint line (the rest only in help).
    public let inBar: Bool
    /// Listed in F1's help. A key that can never work on this terminal (switching screens on one
    /// locked to a role) is left out there, though pressing it still says why.
    public let inHelp: Bool
    /// Why the key does nothing now (lazygit's GetDisabledReason), or nil when it works. Pressing
    /// a disabled key says the reason; the hint line leaves disabled keys out.
    let disabled: (App) -> String?
    let perform: (App, Key) -> Void

    public init(_ keys: [Key], _ label: String, help: String? = nil, keyLabel: String? = nil, inBar: Bool = true, inHelp: Bool = true,
                disabled: @escaping (App) -> String? = { _ in nil }, _ perform: @escaping (App, Key) -> Void) {
        self.keys = keys
        anyText = false
        self.keyLabel = keyLabel ?? keys.map(\.label).joined(separator: "/")
        self.label = label
        self.help = help ?? label
        self.inBar = inBar
        self.inHelp = inHelp
        self.disabled = disabled
        self.perform = perform
    }

    /// Every printable character types into a field.
    public init(typing keyLabel: String, _ help: String, disabled: @escaping (App) -> String? = { _ in nil },
                _ perform: @escaping (App, Key) -> Void) {
        keys = []
        anyText = true
        self.keyLabel = keyLabel
        label = help
        self.help = help
        inBar = false
        inHelp = true
        self.disabled = disabled
        self.perform = perform
    }

    public func matches(_ key: Key) -> Bool {
        if keys.contains(key) { return true }
        if anyText, case .char = key { return true }
        return false
    }

    public func disabledReason(in app: App) -> String? { disabled(app) }
}

/// The keys one layer (screen, form, dialog) or the shell answers, in the order help lists them.
public struct KeyMap {
    public var title: String
    public var bindings: [KeyBinding]

    public init(_ title: String, _ bindings: [KeyBinding]) {
        self.title = title
        self.bindings = bindings
    }

    /// A binding that names the key wins over "any printable character".
    public func binding(for key: Key) -> KeyBinding? {
        bindings.first { $0.keys.contains(key) } ?? bindings.first { $0.matches(key) }
    }
}
