/// Who wrote an event: the login user, the screen role they used, their terminal and process.
public struct Author: Equatable, Hashable, Sendable {
    public var user: String
    public var role: String
    public var terminal: String
    public var pid: Int
    /// The helper whose SSH key opened this terminal (`mingle access add --name`), when several
    /// share one account; empty otherwise.
    public var key: String

    public init(user: String, role: String, terminal: String, pid: Int, key: String = "") {
        self.user = user
        self.role = role
        self.terminal = terminal
        self.pid = pid
        self.key = key
    }

    /// One terminal's own actions: same account, terminal, helper and role (undo takes back only
    /// these). Commands run without a terminal are told apart by their session ("-s1234"); the
    /// "-" of older logs matches no locked command's.
    public func isSameTerminal(as other: Author) -> Bool {
        user == other.user && terminal == other.terminal && key == other.key && role == other.role && terminal != "-"
    }

    /// Who, by name: the key's helper when there is one ("陳主任 (po)"), else the login user.
    public var who: String { key.isEmpty ? user : "\(key) (\(user))" }

    /// "host on pts/1 (reception)": who to ask about an earlier action. A command run without a
    /// terminal has "-" there, and the command line is named as the role.
    public var whereabouts: String {
        (terminal.hasPrefix("-") || terminal.isEmpty ? who : "\(who) on \(terminal)") + " (\(role))"
    }
}

/// Everything that can happen in the room. Each is one log line.
public enum Event: Equatable, Hashable, Sendable {
    case checkIn(person: String)
    case checkOut(person: String)
    /// A person who was not on the list: added and checked in at once.
    indirect case walkIn(Person)
    case seat(person: String, stall: String, forced: Bool)
    case unseat(person: String)
    case phase(from: Phase, to: Phase, move: PhaseMove, reason: String)
    case introStart(person: String)
    case introDone(person: String)
    case introSkip(person: String)
    case introAdd(person: String)
    /// Moves a queued speaker to a 1-based position in the waiting queue.
    case introMove(person: String, position: Int)
    case help(stall: String, on: Bool)
    /// A one-line message to the room (shown on the board until cleared); empty text clears it.
    case message(text: String)
    /// Plans `minutes` more (or, negative, fewer) for a phase: the projected end follows.
    case plan(phase: Phase, minutes: Int)
    case photoTaken
    /// A name tag was written to print (a reception's F9, or `mingle badges`).
    case badgePrinted(person: String)
    /// Cancels the event with this sequence number; undoing an undo redoes.
    case undo(seq: Int)
    /// A remark in the log that changes nothing (written by `repair`, for instance).
    case note(text: String)

    var isWalkIn: Bool {
        if case .walkIn = self { return true }
        return false
    }

    /// The word used in the log line and in messages.
    public var kind: String {
        switch self {
        case .checkIn: "checkin"
        case .checkOut: "checkout"
        case .walkIn: "walkin"
        case .seat: "seat"
        case .unseat: "unseat"
        case .phase: "phase"
        case .introStart: "intro-start"
        case .introDone: "intro-done"
        case .introSkip: "intro-skip"
        case .introAdd: "intro-add"
        case .introMove: "intro-move"
        case .help: "help"
        case .message: "message"
        case .plan: "plan"
        case .photoTaken: "photo"
        case .badgePrinted: "badge"
        case .undo: "undo"
        case .note: "note"
        }
    }
}

/// An event as it stands in the log.
public struct LoggedEvent: Equatable, Hashable, Sendable {
    public var seq: Int
    public var time: Timestamp
    public var author: Author
    public var event: Event
    /// When one action wrote several events (`intro next`: one speaker done, the next started),
    /// the seq of the first of them, on each: one undo takes back the whole action.
    public var group: Int?

    public init(seq: Int, time: Timestamp, author: Author, event: Event, group: Int? = nil) {
        self.seq = seq
        self.time = time
        self.author = author
        self.event = event
        self.group = group
    }

    /// The seq that names this event's action: its group's first, or its own.
    public var action: Int { group ?? seq }
}
