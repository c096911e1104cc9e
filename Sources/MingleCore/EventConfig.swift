/// A planned phase: wall-clock start ("14:00") and length in minutes.
public struct PlannedPhase: Equatable, Sendable {
    public var phase: Phase
    public var start: ClockTime
    public var minutes: Int
    /// Only for introductions: the time each new PO has.
    public var secondsPerSpeaker: Int?

    public init(phase: Phase, start: ClockTime, minutes: Int, secondsPerSpeaker: Int? = nil) {
        self.phase = phase
        self.start = start
        self.minutes = minutes
        self.secondsPerSpeaker = secondsPerSpeaker
    }
}

/// How the new POs line up to introduce themselves.
public enum IntroOrder: String, Sendable, CaseIterable {
    /// In the order they checked in (late arrivals at the end).
    case arrival
    /// In the roster's order, for everyone here when the introductions begin; late arrivals
    /// join at the end.
    case roster
}

/// A table hosted by senior POs.
public struct Stall: Equatable, Sendable {
    public var id: String
    public var name: String
    public var owners: [String]
    public var seats: Int

    public init(id: String, name: String, owners: [String], seats: Int) {
        self.id = id
        self.name = name
        self.owners = owners
        self.seats = seats
    }
}

/// Hours and minutes of the day, as planned in the config.
public struct ClockTime: Equatable, Sendable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int
    public init(hour: Int, minute: Int) { self.hour = hour; self.minute = minute }

    /// "14:05" → 14:05; nil unless HH:MM within a day.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        self.init(hour: h, minute: m)
    }

    public var minutesOfDay: Int { hour * 60 + minute }
    public var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }
}

/// The event as configured by the organisers (event.toml).
public struct EventConfig: Equatable, Sendable {
    public var title: String
    public var date: String
    public var venue: String
    /// UI language: "zh-TW" or "en".
    public var language: String
    public var phases: [PlannedPhase]
    public var stalls: [Stall]
    /// Two people at one stall for at least this many minutes have met: an "encounter".
    public var encounterMinutes: Int
    /// The order of the introductions: as people arrive, or as the roster lists them.
    public var introOrder: IntroOrder
    /// A phase's clock warns in its last this many minutes.
    public var warningMinutes: Int
    /// A speaker's light turns yellow at this share (percent) of their time.
    public var yellowAt: Int

    public init(title: String, date: String, venue: String, language: String,
                phases: [PlannedPhase], stalls: [Stall], encounterMinutes: Int,
                introOrder: IntroOrder = .arrival, warningMinutes: Int = 2, yellowAt: Int = 75) {
        self.title = title
        self.date = date
        self.venue = venue
        self.language = language
        self.phases = phases
        self.stalls = stalls
        self.encounterMinutes = encounterMinutes
        self.introOrder = introOrder
        self.warningMinutes = warningMinutes
        self.yellowAt = yellowAt
    }

    public func plan(for phase: Phase) -> PlannedPhase? { phases.first { $0.phase == phase } }
}
