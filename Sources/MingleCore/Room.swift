/// Where one person is, as the room sees it.
public struct Presence: Equatable, Hashable, Sendable {
    /// Has come at least once today.
    public var came = false
    /// Has checked out and not come back since.
    public var left = false
    public var checkInTime: Timestamp?
    public var checkOutTime: Timestamp?
    /// Index into `Room.stalls`.
    public var stall: Int?
    public var seatedSince: Timestamp?
    /// Index into `Room.seatings` of the seating still open, if any.
    public var openSeating: Int?
    /// Index into `Room.seatings` of the latest seating, open or ended: nil for someone who has
    /// not sat at any stall yet; its end is when they last got up.
    public var lastSeating: Int?
    public var walkedIn = false
    /// When their name tag was last written to print; nil if never.
    public var badgePrintedAt: Timestamp?

    public var isHere: Bool { came && !left }
}

/// A stretch of time one person sat at one stall; `to` is nil while they still sit there.
public struct Seating: Equatable, Hashable, Sendable {
    public var person: Int
    public var stall: Int
    public var from: Timestamp
    public var to: Timestamp?
}

/// One speaker's time at the front: from their start to done, skipped, or the end of the
/// introductions. A speaker skipped and taken again has a turn for each time.
public struct Turn: Equatable, Hashable, Sendable {
    public enum Outcome: String, Sendable { case speaking, done, skipped, phaseEnded, left }
    public var person: Int
    public var start: Timestamp
    public var end: Timestamp?
    public var outcome: Outcome

    /// Seconds spoken, counting an unfinished turn up to `now`.
    public func seconds(now: Timestamp) -> Int { Int(((end ?? now).millis - start.millis) / 1000) }
}

/// The introductions: who speaks in which order, who is speaking, who is done or skipped.
public struct Introductions: Equatable, Hashable, Sendable {
    /// Everyone ever queued, in speaking order (people indices).
    public var order: [Int] = []
    public var current: Int?
    public var currentSince: Timestamp?
    public var done: [Int] = []
    public var skipped: [Int] = []
    public var turns: [Turn] = []
}

/// Someone at a stall, as a phase change found them.
public struct StallSeat: Equatable, Hashable, Sendable {
    public var person: Int
    public var stall: Int
}

/// A phase as it actually happened, and what moving into it changed in the room — so that going
/// back can put it as it was.
public struct PhaseRecord: Equatable, Hashable, Sendable {
    public var phase: Phase
    public var since: Timestamp
    public var move: PhaseMove
    public var reason: String
    /// Who left their stalls when this phase began (the photo empties the tables).
    public var leftStalls: [StallSeat] = []
    /// The speaker whose turn this phase ended (leaving the introductions).
    public var endedTurnOf: Int?
}

/// Who cleared a help request, and when.
public struct Cleared: Equatable, Hashable, Sendable {
    public var author: Author
    public var at: Timestamp
}

/// One help request over the day: which stall asked, who, and when it was answered (or withdrawn).
public struct HelpRequest: Equatable, Hashable, Sendable {
    public var stall: Int
    public var askedAt: Timestamp
    public var askedBy: Author
    public var cleared: Cleared?
}

public struct RoomMessage: Equatable, Hashable, Sendable {
    public var time: Timestamp
    public var text: String
    public var by: String
}

/// The room: everything the screens show, derived only from the config, the roster and the
/// effective events. People and stalls are addressed by index for speed; ids map to indices.
public struct Room: Equatable, Sendable {
    public internal(set) var config: EventConfig
    public internal(set) var people: [Person]
    public internal(set) var presence: [Presence]
    /// Who checked each person in and out, from which terminal, so a refusal can name them
    /// ("already checked in by …"). Kept beside `presence`, not in it: reading a Presence, which
    /// replay does for every event, then copies no strings.
    public internal(set) var checkedInBy: [Author?]
    public internal(set) var checkedOutBy: [Author?]
    /// How many of `people` came from the roster; the rest walked in.
    public internal(set) var invitedCount: Int
    public internal(set) var stalls: [Stall]
    /// People indices seated at each stall, in the order they sat down.
    public internal(set) var seated: [[Int]]
    public internal(set) var helpRequested: [Bool]
    /// Who asked for help at each stall, while it is asked.
    public internal(set) var helpRequestedBy: [Author?]
    /// Since when each stall has asked for help, while it is asked (the oldest is listed first).
    public internal(set) var helpRequestedAt: [Timestamp?]
    /// Who last cleared each stall's help request, and when (an owner's screen says when the
    /// organisers answered); nil once help is asked again.
    public internal(set) var helpClearedBy: [Cleared?]
    /// Every help request of the day, in the order asked (the report lists them).
    public internal(set) var helpLog: [HelpRequest] = []
    public internal(set) var phase: Phase = .reception
    public internal(set) var phaseHistory: [PhaseRecord] = []
    public internal(set) var intro = Introductions()
    public internal(set) var seatings: [Seating] = []
    public internal(set) var messages: [RoomMessage] = []
    /// The message on the board now, until another replaces it or it is cleared.
    public internal(set) var messageShown: RoomMessage?
    /// When the day began: the first event in the log (the reception opens with it).
    public internal(set) var dayStart: Timestamp?
    /// The time of the latest event applied.
    public internal(set) var lastEventAt: Timestamp?
    /// Minutes planned more (or fewer) for each phase than event.toml says.
    public internal(set) var planExtra: [Phase: Int] = [:]
    public internal(set) var photos: [Timestamp] = []
    var personIndex: [String: Int]
    var stallIndex: [String: Int]

    public init(config: EventConfig, roster: [Person]) {
        self.config = config
        self.people = roster
        self.presence = Array(repeating: Presence(), count: roster.count)
        self.checkedInBy = Array(repeating: nil, count: roster.count)
        self.checkedOutBy = Array(repeating: nil, count: roster.count)
        self.invitedCount = roster.count
        self.stalls = config.stalls
        self.seated = Array(repeating: [], count: config.stalls.count)
        self.helpRequested = Array(repeating: false, count: config.stalls.count)
        self.helpRequestedBy = Array(repeating: nil, count: config.stalls.count)
        self.helpRequestedAt = Array(repeating: nil, count: config.stalls.count)
        self.helpClearedBy = Array(repeating: nil, count: config.stalls.count)
        var pi: [String: Int] = [:]
        pi.reserveCapacity(roster.count)
        for (i, p) in roster.enumerated() { pi[p.id] = i }
        self.personIndex = pi
        var si: [String: Int] = [:]
        for (i, s) in config.stalls.enumerated() { si[s.id] = i }
        self.stallIndex = si
    }

    public func index(ofPerson id: String) -> Int? { personIndex[id] }
    public func index(ofStall id: String) -> Int? { stallIndex[id] }
    public func person(_ id: String) -> Person? { personIndex[id].map { people[$0] } }
}
