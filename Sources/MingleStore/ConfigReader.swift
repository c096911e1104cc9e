import MingleCore
import TOMLKit

/// Walks a parsed event.toml setting by setting: every key known (an unknown one is named with
/// the nearest known one), every value of the right kind, dates and times real, the phases all
/// there and in the order of the afternoon, stall ids unique. Each problem carries its line.
struct ConfigReader {
    struct Problem {
        var issue: ConfigIssue
        var isUnknownKey = false
    }

    let lines: TOMLLines
    var errors: [Problem] = []
    var warnings: [ConfigIssue] = []

    static let topKeys = ["title", "date", "venue", "language", "encounter_minutes", "intro_order", "warning_minutes", "yellow_at",
                          "phases", "stalls"]
    static let phaseKeys = ["name", "start", "minutes", "seconds_per_speaker"]
    static let stallKeys = ["id", "name", "owners", "seats"]
    static let phaseOrder: [Phase] = [.reception, .opening, .introductions, .chat, .photo]

    init(lines: TOMLLines) { self.lines = lines }

    mutating func read(_ t: TOMLTable) -> EventConfig {
        unknownKeys(t, known: ConfigReader.topKeys, in: .top, what: "")
        let title = text(t["title"], "title", .top) ?? ""
        if title.trimmedSpaces().isEmpty { error(.top, "title", "title is missing: the name of the event, in quotes (title = \"…\")") }
        var date = ""
        if let v = t["date"] {
            if let d = v.date {
                date = ConfigReader.dateText(year: Int(d.year), month: Int(d.month), day: Int(d.day))
            } else if let s = text(v, "date", .top) {
                date = s
            }
            if !date.isEmpty, !ConfigReader.isRealDate(date) {
                error(.top, "date", "date \"\(date)\" is not a day of the calendar: write it as YYYY-MM-DD, like \"2026-12-04\"")
            }
        }
        let venue = text(t["venue"], "venue", .top) ?? ""
        let language = text(t["language"], "language", .top) ?? "zh-TW"
        if language != "zh-TW" && language != "en" { error(.top, "language", "language must be \"zh-TW\" or \"en\" (it is \"\(language)\")") }
        let encounter = whole(t["encounter_minutes"], "encounter_minutes", .top) ?? 10
        if encounter <= 0 { error(.top, "encounter_minutes", "encounter_minutes must be 1 or more") }
        let orderText = text(t["intro_order"], "intro_order", .top) ?? IntroOrder.arrival.rawValue
        let order = IntroOrder(rawValue: orderText)
        if order == nil { error(.top, "intro_order", "intro_order must be \"arrival\" or \"roster\" (it is \"\(orderText)\")") }
        let warning = whole(t["warning_minutes"], "warning_minutes", .top) ?? 2
        if warning < 0 { error(.top, "warning_minutes", "warning_minutes must be 0 or more") }
        let yellow = whole(t["yellow_at"], "yellow_at", .top) ?? 75
        if !(1...100).contains(yellow) { error(.top, "yellow_at", "yellow_at is a percentage of a speaker's time: 1 to 100 (it is \(yellow))") }
        let phases = readPhases(t["phases"])
        let stalls = readStalls(t["stalls"])
        return EventConfig(title: title, date: date, venue: venue, language: language,
                           phases: phases, stalls: stalls, encounterMinutes: encounter,
                           introOrder: order ?? .arrival, warningMinutes: warning, yellowAt: yellow)
    }

    // MARK: Phases

    private mutating func readPhases(_ v: TOMLValueConvertible?) -> [PlannedPhase] {
        guard let tables = tableList(v, "phases") else { return [] }
        var out: [PlannedPhase] = []
        var lineOf: [Phase: Int] = [:], startLine: [Phase: Int] = [:]
        for (i, p) in tables.enumerated() {
            let at = TOMLLines.Table(name: "phases", number: i + 1)
            let what = "[[phases]] number \(i + 1)"
            unknownKeys(p, known: ConfigReader.phaseKeys, in: at, what: what)
            let nameText = text(p["name"], "name", at)
            guard let nameText, let phase = Phase(rawValue: nameText), phase != .closed else {
                error(at, "name", "\(what): name must be one of reception, opening, introductions, chat, photo"
                      + (nameText.map { " (it is \"\($0)\")" } ?? " (it is missing)"))
                continue
            }
            if let first = lineOf[phase] {
                error(at, "name", "the phase \(nameText) is listed twice (also on line \(first))")
                continue
            }
            lineOf[phase] = lines.line(of: "name", in: at)
            startLine[phase] = lines.line(of: "start", in: at)
            let startText = text(p["start"], "start", at)
            let start = startText.flatMap(ConfigReader.clockTime)
            if start == nil {
                error(at, "start", "\(nameText): start must be a time of day like \"14:05\" (hours:minutes, minutes in two digits)"
                      + (startText.map { "; it is \"\($0)\"" } ?? "; it is missing"))
            }
            let minutes = whole(p["minutes"], "minutes", at)
            if minutes == nil, p["minutes"] == nil { error(at, nil, "\(nameText): minutes is missing (how long the phase is planned to take)") }
            if let m = minutes, m <= 0 { error(at, "minutes", "\(nameText): minutes must be 1 or more") }
            let speaker = whole(p["seconds_per_speaker"], "seconds_per_speaker", at)
            if speaker != nil, phase != .introductions {
                error(at, "seconds_per_speaker", "seconds_per_speaker belongs to the introductions, not to \(nameText)")
            }
            if let s = speaker, s <= 0 { error(at, "seconds_per_speaker", "seconds_per_speaker must be 1 or more") }
            if let start, let minutes, minutes > 0 {
                out.append(PlannedPhase(phase: phase, start: start, minutes: minutes,
                                        secondsPerSpeaker: speaker ?? (phase == .introductions ? 60 : nil)))
            }
        }
        checkOrder(out, lineOf, startLine)
        return out
    }

    /// All five phases, in the order of the afternoon, each starting no earlier than the one before.
    private mutating func checkOrder(_ phases: [PlannedPhase], _ lineOf: [Phase: Int], _ startLine: [Phase: Int]) {
        let missing = ConfigReader.phaseOrder.filter { lineOf[$0] == nil }
        if !missing.isEmpty {
            errors.append(Problem(issue: ConfigIssue(line: lines.line(of: "phases"),
                message: "the phases are incomplete: \(missing.map(\.rawValue).joined(separator: ", ")) "
                    + "\(missing.count == 1 ? "is" : "are") missing; list all five, in order: reception, opening, introductions, chat, photo")))
        }
        let listed = lineOf.sorted { $0.value < $1.value }.map(\.key)
        if listed != listed.sorted() {
            let wrong = zip(listed, listed.sorted()).first { $0.0 != $0.1 }!.0
            errors.append(Problem(issue: ConfigIssue(line: lineOf[wrong] ?? 0,
                message: "\(wrong.rawValue) is listed out of order: list the phases in the order of the afternoon (reception, opening, introductions, chat, photo)")))
            return
        }
        for (a, b) in zip(phases, phases.dropFirst()) {
            let line = startLine[b.phase] ?? 0
            if b.start.minutesOfDay < a.start.minutesOfDay {
                errors.append(Problem(issue: ConfigIssue(line: line,
                    message: "\(b.phase.rawValue) starts at \(b.start), before \(a.phase.rawValue) (\(a.start)): the times must follow the order of the afternoon")))
            } else if b.start.minutesOfDay < a.start.minutesOfDay + a.minutes {
                warnings.append(ConfigIssue(line: line,
                    message: "\(b.phase.rawValue) starts at \(b.start), while \(a.phase.rawValue) (\(a.start), \(a.minutes) min) is still planned to run"))
            }
        }
    }

    // MARK: Stalls

    private mutating func readStalls(_ v: TOMLValueConvertible?) -> [Stall] {
        guard let tables = tableList(v, "stalls") else { return [] }
        var out: [Stall] = []
        var idLine: [String: Int] = [:], ownerOf: [String: String] = [:]
        for (i, s) in tables.enumerated() {
            let at = TOMLLines.Table(name: "stalls", number: i + 1)
            let what = "[[stalls]] number \(i + 1)"
            unknownKeys(s, known: ConfigReader.stallKeys, in: at, what: what)
            let id = text(s["id"], "id", at)?.trimmedSpaces() ?? ""
            if id.isEmpty || id.contains(where: \.isWhitespace) {
                error(at, "id", "\(what): id must be a short word without spaces, like \"S1\"" + (id.isEmpty ? " (it is missing)" : ""))
            } else if let first = idLine[id] {
                error(at, "id", "the stall id \(id) is used twice (also on line \(first))")
            } else {
                idLine[id] = lines.line(of: "id", in: at)
            }
            let label = id.isEmpty ? what : "stall \(id)"
            let name = text(s["name"], "name", at)?.trimmedSpaces() ?? ""
            if name.isEmpty { error(at, "name", "\(label): name is missing") }
            var owners: [String] = []
            if let o = s["owners"] {
                if let list = o.array {
                    for item in list {
                        guard let id = item.string?.trimmedSpaces(), !id.isEmpty else {
                            error(at, "owners", "\(label): owners must be roster ids in quotes, like owners = [\"P027\"]")
                            continue
                        }
                        owners.append(id)
                    }
                } else {
                    error(at, "owners", "\(label): owners must be a list of roster ids, like owners = [\"P027\"] (it is \(ConfigReader.kind(o)))")
                }
            }
            for o in owners {
                if let other = ownerOf[o] {
                    warnings.append(ConfigIssue(line: lines.line(of: "owners", in: at), message: "\(o) owns both \(other) and \(label)"))
                } else {
                    ownerOf[o] = label
                }
            }
            let seats = whole(s["seats"], "seats", at)
            if s["seats"] == nil { error(at, nil, "\(label): seats is missing (how many chairs the table has)") }
            if let n = seats, n <= 0 { error(at, "seats", "\(label): seats must be 1 or more") }
            if !id.isEmpty, !name.isEmpty, let seats, seats > 0 { out.append(Stall(id: id, name: name, owners: owners, seats: seats)) }
        }
        return out
    }

    // MARK: Values

    private mutating func text(_ v: TOMLValueConvertible?, _ key: String, _ at: TOMLLines.Table) -> String? {
        guard let v else { return nil }
        guard let s = v.string else {
            error(at, key, "\(key) must be text in quotes, like \(key) = \"…\" (it is \(ConfigReader.kind(v)))")
            return nil
        }
        return s
    }

    private mutating func whole(_ v: TOMLValueConvertible?, _ key: String, _ at: TOMLLines.Table) -> Int? {
        guard let v else { return nil }
        guard v.type == .int, let n = v.int else {
            error(at, key, "\(key) must be a whole number, like \(key) = 8 (it is \(ConfigReader.kind(v)))")
            return nil
        }
        return n
    }

    private mutating func tableList(_ v: TOMLValueConvertible?, _ key: String) -> [TOMLTable]? {
        guard let v else {
            if key == "phases" { error(.top, nil, "there are no [[phases]]: list all five, in order: reception, opening, introductions, chat, photo") }
            return nil
        }
        guard let list = v.array else {
            error(.top, key, "\(key) must be written as [[\(key)]] tables (it is \(ConfigReader.kind(v)))")
            return nil
        }
        var out: [TOMLTable] = []
        for item in list {
            guard let t = item.table else {
                error(.top, key, "\(key) must be written as [[\(key)]] tables")
                return nil
            }
            out.append(t)
        }
        return out
    }

    private mutating func unknownKeys(_ t: TOMLTable, known: [String], in at: TOMLLines.Table, what: String) {
        for key in t.keys where !known.contains(key) {
            let near = ConfigReader.nearest(key, in: known)
            errors.append(Problem(issue: ConfigIssue(line: lines.line(of: key, in: at),
                message: "unknown setting \"\(key)\"" + (what.isEmpty ? "" : " in \(what)")
                    + (near.map { " — did you mean \"\($0)\"?" } ?? " (known here: \(known.joined(separator: ", ")))")),
                isUnknownKey: true))
        }
    }

    private mutating func error(_ at: TOMLLines.Table, _ key: String?, _ message: String) {
        errors.append(Problem(issue: ConfigIssue(line: lines.line(of: key, in: at), message: message)))
    }

    // MARK: Words and checks

    static func kind(_ v: TOMLValueConvertible) -> String {
        switch v.type {
        case .string: "text"
        case .int: "a whole number"
        case .double: "a number with a decimal point"
        case .bool: "true or false"
        case .array: "a list"
        case .table: "a table"
        case .date, .time, .dateTime: "a date or time without quotes"
        }
    }

    /// The known word closest to a mistyped one: at most two letters apart, or one starting the other.
    static func nearest(_ word: String, in known: [String]) -> String? {
        let scored = known.map { ($0, distance(word.lowercased(), $0)) }.filter { $0.1 <= 2 || $0.0.hasPrefix(word) || word.hasPrefix($0.0) }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance, for short setting names.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }

    /// "14:05" and "9:05"; not "9:5", "25:00" or "14:60".
    static func clockTime(_ s: String) -> ClockTime? {
        let parts = s.trimmedSpaces().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        return ClockTime(String(parts[0]) + ":" + String(parts[1]))
    }

    static func isRealDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1 else { return false }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }

    static func dateText(year: Int, month: Int, day: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
