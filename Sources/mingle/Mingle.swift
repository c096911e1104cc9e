import ArgumentParser
import MingleStore
import MingleTerminal
import MingleTUI

struct Mingle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mingle",
        abstract: "Runs a Participation Officers' gathering: sign-in, introductions, stalls, photo.",
        discussion: """
        Several people can use one store folder at once, each in their own terminal.
        Exit codes: 0 done, 1 refused (unknown person, full stall, wrong phase), 2 bad usage,
        3 the store is damaged or unreadable.
        """,
        subcommands: [
            RunCommand.self, DemoCommand.self, InitCommand.self, ImportCommand.self, CheckCommand.self,
            RepairCommand.self, StatusCommand.self, LogCommand.self, KeysCommand.self, CheckinCommand.self,
            CheckoutCommand.self, WalkinCommand.self, SeatCommand.self, UnseatCommand.self,
            PhaseCommand.self, IntroCommand.self, HelpRequestCommand.self, MessageCommand.self, PhotoCommand.self,
            UndoCommand.self, SimulateCommand.self, BenchCommand.self, ScreenBenchCommand.self, StressAppendCommand.self,
        ]
    )

    @OptionGroup var options: StoreOptions

    /// Plain `mingle`: opens the screens when a store is found, else shows the help.
    mutating func run() throws {
        if Posix.exists(options.directory + "/" + ConfigFile.fileName) {
            try openScreens(try options.open(), role: nil, lang: nil)
        } else {
            print(Mingle.helpMessage())
        }
    }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Open the screens (reception; stall, timekeeper and board are not built yet).")

    @OptionGroup var options: StoreOptions
    @Option(help: "Lock this terminal to one screen: reception, stall:ID, timekeeper or board.")
    var role: String?
    @Option(help: "Screen language: zh-TW or en (default: event.toml's).")
    var lang: String?

    func validate() throws {
        if let role, ScreenKind.parse(role) == nil {
            throw ValidationError("--role must be reception, stall:ID, timekeeper or board")
        }
        if let lang, lang != "zh-TW" && lang != "en" { throw ValidationError("--lang must be zh-TW or en") }
    }

    func run() throws {
        let store = try options.open()
        try openScreens(store, role: role, lang: lang)
    }
}

/// Starts curses, runs the screens until the user quits, and restores the terminal.
func openScreens(_ store: Store, role: String?, lang: String?) throws {
    let screen = role.flatMap(ScreenKind.parse) ?? .reception
    let terminal: Terminal
    do { terminal = try Terminal() } catch {
        say(error.description)
        throw ExitCode(2)
    }
    let app = App(store: store, screen: screen, locked: role != nil,
                  author: currentAuthor(role: role ?? "reception"), language: lang, now: Posix.now)
    let watcher = LogWatcher(directory: store.directory)
    RunLoop.run(app, terminal: terminal, watcher: watcher)
    terminal.stop()
}
