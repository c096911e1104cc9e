import MingleCore
import MingleTerminal

/// How the program's clocks and lights look, the same on the timekeeper's screen, the board and
/// every status line: colour where there is colour, and always a word, so a monochrome terminal
/// (or a colour-blind timekeeper) reads the same state.
enum ProgramLook {
    /// "12:34"; more than an hour "1:02:03"; negative "-0:12".
    static func clock(_ seconds: Int) -> String {
        let s = abs(seconds)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        let body = s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(s / 60):\(two(s % 60))"
        return (seconds < 0 ? "-" : "") + body
    }

    /// Past its time a clock flashes: red block and red letters, a second each.
    static func flash(_ now: Timestamp) -> Style { (now.millis / 1000) % 2 == 0 ? .alert : .alertText }

    static func style(_ state: Room.ClockState, now: Timestamp) -> Style {
        switch state {
        case .normal: .lightGreen
        case .warning: .lightYellow
        case .over: flash(now)
        }
    }

    static func word(_ state: Room.ClockState, _ s: ProgramStrings) -> String? {
        switch state {
        case .normal: nil
        case .warning: s.clockWarning
        case .over: s.clockOver
        }
    }

    static func style(_ light: Room.SpeakerLight, now: Timestamp) -> Style {
        switch light {
        case .green: .lightGreen
        case .yellow: .lightYellow
        case .red: .alert
        case .over: flash(now)
        }
    }

    static func word(_ light: Room.SpeakerLight, _ s: ProgramStrings) -> String {
        switch light {
        case .green: s.lightGreen
        case .yellow: s.lightYellow
        case .red: s.lightRed
        case .over: s.lightOver
        }
    }

    /// "14:05" for minutes of the day.
    static func timeOfDay(_ minutes: Int) -> String { ClockTime(hour: minutes / 60 % 24, minute: minutes % 60).description }
}
