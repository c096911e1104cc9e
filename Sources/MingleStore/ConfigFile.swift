import Foundation
import MingleCore
import TOMLKit

/// A problem in event.toml, for the host: the line (0 when the whole file is meant) and what is
/// wrong, in words — never the TOML library's own text.
public struct ConfigIssue: Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { ConfigFile.fileName + (line > 0 ? ", line \(line)" : "") + ": " + message }
}

/// event.toml: the human-edited event configuration. TOMLKit reads the syntax; every setting is
/// then checked here by hand, so each problem names its line and says what is expected.
public enum ConfigFile {
    public static let fileName = "event.toml"

    /// What reading the file found: the configuration when nothing is wrong, every error (unknown
    /// settings first: they usually explain the rest), and warnings.
    public struct Reading: Sendable {
        public var config: EventConfig?
        public var errors: [ConfigIssue] = []
        public var warnings: [ConfigIssue] = []
    }

    public static func load(_ path: String) throws(StoreError) -> EventConfig { try loadText(path).config }

    /// The file's configuration and text (for finding lines later), or its first problem.
    static func loadText(_ path: String) throws(StoreError) -> (config: EventConfig, text: String, warnings: [ConfigIssue]) {
        guard let bytes = Posix.readFile(path) else {
            throw .damaged(file: fileName, line: 0, problem: "cannot be read: \(Posix.errorText())", remedy: "")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .damaged(file: fileName, line: 0, problem: "is not UTF-8 text", remedy: "Save it as UTF-8 in your editor.")
        }
        let r = read(text)
        return (try valid(r), text, r.warnings)
    }

    /// The configuration, or the first problem (with how many there are in all).
    public static func parse(_ text: String) throws(StoreError) -> EventConfig { try valid(read(text)) }

    private static func valid(_ r: Reading) throws(StoreError) -> EventConfig {
        if let first = r.errors.first {
            throw .damaged(file: fileName, line: first.line, problem: first.message,
                           remedy: r.errors.count > 1 ? "(\(r.errors.count) problems in all; `mingle check` lists them)" : "")
        }
        return r.config!
    }

    public static func read(_ text: String) -> Reading {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            return Reading(errors: [ConfigIssue(line: e.source.begin.line, message: syntaxProblem(e))])
        } catch {
            return Reading(errors: [ConfigIssue(line: 0, message: "cannot be read as TOML: check the quotes, brackets and = signs")])
        }
        var reader = ConfigReader(lines: TOMLLines(text))
        let config = reader.read(table)
        let unknown = reader.errors.filter(\.isUnknownKey).map(\.issue), others = reader.errors.filter { !$0.isUnknownKey }.map(\.issue)
        return Reading(config: reader.errors.isEmpty ? config : nil, errors: unknown + others, warnings: reader.warnings)
    }

    /// Stall owners who are not on the roster: an error for `mingle check` and the screens, named
    /// by the line of the stall's owners; not one that stops the day (the roster is imported after
    /// the stalls are planned, and import is how it is fixed).
    public static func ownerProblems(_ text: String, _ config: EventConfig, rosterIDs: Set<String>) -> [ConfigIssue] {
        let lines = TOMLLines(text)
        var out: [ConfigIssue] = []
        for (i, s) in config.stalls.enumerated() {
            for o in s.owners where !rosterIDs.contains(o) {
                out.append(ConfigIssue(line: lines.line(of: "owners", in: TOMLLines.Table(name: "stalls", number: i + 1)),
                                       message: "stall \(s.id) (\(s.name)) has the owner \(o), who is not in \(RosterFile.fileName)"))
            }
        }
        return out
    }

    /// A TOML syntax error in words, at its column. The library's message only chooses which
    /// words: it is never shown.
    static func syntaxProblem(_ e: TOMLParseError) -> String {
        let lib = e.description.lowercased()
        let what: String
        if lib.contains("parsing string") || lib.contains("parsing literal string") {
            what = "a quote (\" or ') opened here is not closed on the same line"
        } else if lib.contains("expected value") {
            what = "a value is missing after the = sign (text goes in quotes: title = \"…\")"
        } else if lib.contains("redefine") {
            what = "this setting is written twice in the same place"
        } else if lib.contains("parsing array") {
            what = "a list opened with [ is not closed with ]"
        } else if lib.contains("table header") {
            what = "a table name must be closed: [[phases]] or [[stalls]]"
        } else if lib.contains("expected '='") || lib.contains("expected keys") {
            what = "expected a setting in the form name = value (a name without spaces, then =)"
        } else if lib.contains("parsing date") || lib.contains("parsing time") {
            what = "this is not a real date or time; write dates as \"2026-12-04\" and times as \"14:05\", in quotes"
        } else if lib.contains("parsing boolean") {
            what = "text goes in quotes (\"…\"); only true and false go without"
        } else if lib.contains("floating-point") || lib.contains("integer") {
            what = "this is not a number; numbers are written like 8, text goes in quotes"
        } else {
            what = "this is not valid TOML; check the quotes, brackets and = signs"
        }
        return "column \(e.source.begin.column): \(what)"
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
        # The new POs introduce themselves in the order they arrive ("arrival") or as the roster
        # lists them ("roster"); late arrivals join at the end either way.
        intro_order = \(quote(c.introOrder.rawValue))
        # A phase's clock turns to warning in its last warning_minutes; a speaker's light turns
        # yellow at yellow_at percent of their time, red at the limit.
        warning_minutes = \(c.warningMinutes)
        yellow_at = \(c.yellowAt)

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
