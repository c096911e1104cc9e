import Foundation
import MingleCore
import TOMLKit

/// event.toml: the human-edited event configuration. Parsed with TOMLKit; every problem is
/// reported with the file name and, where TOML gives one, the line and column.
public enum ConfigFile {
    public static let fileName = "event.toml"

    private struct Raw: Decodable {
        var title: String?
        var date: String?
        var venue: String?
        var language: String?
        var encounter_minutes: Int?
        var phases: [RawPhase]?
        var stalls: [RawStall]?
    }

    private struct RawPhase: Decodable {
        var name: String?
        var start: String?
        var minutes: Int?
        var seconds_per_speaker: Int?
    }

    private struct RawStall: Decodable {
        var id: String?
        var name: String?
        var owners: [String]?
        var seats: Int?
    }

    public static func load(_ path: String) throws(StoreError) -> EventConfig {
        guard let bytes = Posix.readFile(path) else {
            throw .damaged(file: fileName, line: 0, problem: "cannot be read: \(Posix.errorText())", remedy: "")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .damaged(file: fileName, line: 0, problem: "is not UTF-8 text", remedy: "Save it as UTF-8 in your editor.")
        }
        return try parse(text)
    }

    public static func parse(_ text: String) throws(StoreError) -> EventConfig {
        let raw: Raw
        do {
            let table = try TOMLTable(string: text)
            raw = try TOMLDecoder().decode(Raw.self, from: table)
        } catch let e as TOMLParseError {
            throw .damaged(file: fileName, line: e.source.begin.line,
                           problem: "column \(e.source.begin.column): \(e.description)", remedy: "")
        } catch let e as DecodingError {
            throw problem(describe(e))
        } catch {
            throw problem("\(error)")
        }
        guard let title = raw.title, !title.trimmedSpaces().isEmpty else { throw problem("title is missing") }
        var phases: [PlannedPhase] = []
        for (i, p) in (raw.phases ?? []).enumerated() {
            let at = "[[phases]] number \(i + 1)"
            guard let name = p.name, let phase = Phase(rawValue: name), phase != .closed else {
                throw problem("\(at): name must be one of reception, opening, introductions, chat, photo")
            }
            guard let startText = p.start, let start = ClockTime(startText) else {
                throw problem("\(at) (\(name)): start must be a time like \"14:00\"")
            }
            guard let minutes = p.minutes, minutes > 0 else { throw problem("\(at) (\(name)): minutes must be a positive number") }
            if phases.contains(where: { $0.phase == phase }) { throw problem("\(at): the phase \(name) is listed twice") }
            if let s = p.seconds_per_speaker, s <= 0 { throw problem("\(at): seconds_per_speaker must be positive") }
            phases.append(PlannedPhase(phase: phase, start: start, minutes: minutes,
                                       secondsPerSpeaker: p.seconds_per_speaker ?? (phase == .introductions ? 60 : nil)))
        }
        var stalls: [Stall] = []
        for (i, s) in (raw.stalls ?? []).enumerated() {
            let at = "[[stalls]] number \(i + 1)"
            guard let id = s.id?.trimmedSpaces(), !id.isEmpty, !id.contains(" ") else {
                throw problem("\(at): id is missing (a short word without spaces, like \"S1\")")
            }
            guard let name = s.name?.trimmedSpaces(), !name.isEmpty else { throw problem("\(at) (\(id)): name is missing") }
            guard let seats = s.seats, seats > 0 else { throw problem("\(at) (\(id)): seats must be a positive number") }
            if stalls.contains(where: { $0.id == id }) { throw problem("\(at): the stall id \(id) is used twice") }
            stalls.append(Stall(id: id, name: name, owners: s.owners ?? [], seats: seats))
        }
        let language = raw.language ?? "zh-TW"
        guard language == "zh-TW" || language == "en" else { throw problem("language must be \"zh-TW\" or \"en\"") }
        let encounter = raw.encounter_minutes ?? 10
        guard encounter > 0 else { throw problem("encounter_minutes must be a positive number") }
        return EventConfig(title: title, date: raw.date ?? "", venue: raw.venue ?? "", language: language,
                           phases: phases, stalls: stalls, encounterMinutes: encounter)
    }

    private static func problem(_ text: String) -> StoreError {
        .damaged(file: fileName, line: 0, problem: text, remedy: "")
    }

    private static func describe(_ e: DecodingError) -> String {
        func path(_ c: [CodingKey]) -> String {
            c.map { $0.intValue.map { "[\($0 + 1)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
        }
        switch e {
        case .typeMismatch(let t, let c): return "\(path(c.codingPath)) has the wrong kind of value (expected \(t == Int.self ? "a whole number" : t == String.self ? "text in quotes" : "\(t)"))"
        case .valueNotFound(_, let c): return "\(path(c.codingPath)) has no value"
        case .keyNotFound(let k, let c):
            // TOMLKit reports a value of the wrong type (seats = "eight") as a missing key.
            let full = c.codingPath.last?.stringValue == k.stringValue ? c.codingPath : c.codingPath + [k]
            return "\(path(full)) is missing or has the wrong kind of value"
        case .dataCorrupted(let c): return "\(path(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(e)"
        }
    }

    /// The file as a person would write it, with comments explaining each setting.
    public static func render(_ c: EventConfig) -> String {
        var s = """
        # mingle event configuration. Edit with any text editor; `mingle check` verifies it.
        title = \(quote(c.title))
        date = \(quote(c.date))       # the day of the event, YYYY-MM-DD
        venue = \(quote(c.venue))
        language = \(quote(c.language))   # screen language: "zh-TW" or "en"
        # Two people at one stall for at least this many minutes count as having met.
        encounter_minutes = \(c.encounterMinutes)

        # The phases, in order, with their planned start (HH:MM) and length in minutes.
        # Allowed names: reception, opening, introductions, chat, photo.

        """
        for p in c.phases {
            s += "\n[[phases]]\nname = \(quote(p.phase.rawValue))\nstart = \(quote(p.start.description))\nminutes = \(p.minutes)\n"
            if let sp = p.secondsPerSpeaker { s += "seconds_per_speaker = \(sp)   # time for each new PO\n" }
        }
        s += "\n# The stalls: tables hosted by senior POs. owners are roster ids.\n"
        for st in c.stalls {
            s += "\n[[stalls]]\nid = \(quote(st.id))\nname = \(quote(st.name))\nowners = [\(st.owners.map(quote).joined(separator: ", "))]\nseats = \(st.seats)\n"
        }
        return s
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 || ch.value == 0x7F {
                    out += String(format: "\\u%04X", ch.value)
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out + "\""
    }
}
