import ArgumentParser
import MingleCore
import MingleStore
import MingleTerminal
import MingleTUI

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the room now.")
    @OptionGroup var options: StoreOptions
    @Flag(help: "Print one JSON object (phase, people, stalls, introductions, log).") var json = false

    func run() throws {
        let store = try options.open()
        print(json ? StatusJSON.render(store) : Sanitizer.cleanLines(StatusText.render(store)))
    }
}

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Show the latest events in words.")
    @OptionGroup var options: StoreOptions
    @Option(name: [.customShort("n"), .long], help: "How many of the latest events.") var count = 20
    @Flag(help: "Show every event.") var all = false

    func run() throws {
        let store = try options.open()
        let s = store.state
        var undoneBy: [Int: Int] = [:]
        for e in s.history { if case .undo(let t) = e.event, !s.cancelled.contains(e.seq) { undoneBy[t] = e.seq } }
        // Describe against the final room: names there include later walk-ins and renames.
        let room = s.room
        for e in all ? s.history[...] : s.history.suffix(max(0, count)) {
            var line = "#\(e.seq) \(e.time.clock) "
            if case .undo(let t) = e.event, let target = s.event(seq: t) {
                if case .undo(let original) = target.event, let o = s.event(seq: original) {
                    line += "redo of #\(original) (\(room.describe(o.event))), by undoing #\(t)"
                } else {
                    line += "undo of #\(t) (\(room.describe(target.event)))"
                }
            } else {
                line += room.describe(e.event)
            }
            line += " — \(e.author.who) (\(e.author.role))"
            if s.cancelled.contains(e.seq) { line += "  [undone" + (undoneBy[e.seq].map { " by #\($0)" } ?? "") + "]" }
            if let why = s.refused[e.seq] { line += "  [does not apply: \(why)]" }
            print(Sanitizer.clean(line))
        }
    }
}


struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Print the screens' keys (the same list F1 shows), as Markdown.")
    @Option(help: "zh-TW or en.") var lang = "zh-TW"

    func validate() throws {
        guard UIStrings.language(named: lang) != nil else { throw ValidationError("--lang must be zh-TW or en (\"\(lang)\" is neither)") }
    }

    func run() throws { print(App.keyReference(UIStrings.forLanguage(UIStrings.language(named: lang)!)), terminator: "") }
}
