#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import MingleStore
import MingleTerminal
import MingleTUI

struct Mingle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mingle",
        abstract: "Runs a Participation Officers' gathering: sign-in, introductions, stalls, photo.",
        discussion: """
        Several people can use one store folder at once, each in their own terminal. \
        Exit codes: 0 done, 1 refused (unknown person, full stall, wrong phase), 2 bad usage, \
        3 the store is damaged or unreadable.
        """,
        subcommands: [
            RunCommand.self, DemoCommand.self, InitCommand.self, ImportCommand.self, CheckCommand.self,
            RepairCommand.self, StatusCommand.self, LogCommand.self, KeysCommand.self, CheckinCommand.self,
            CheckoutCommand.self, WalkinCommand.self, SeatCommand.self, UnseatCommand.self,
            PhaseCommand.self, IntroCommand.self, HelpRequestCommand.self, MessageCommand.self, PhotoCommand.self,
            UndoCommand.self, RedoCommand.self, BadgesCommand.self, SigninSheetCommand.self, AccessCommand.self, ReportCommand.self, ExportCommand.self, SimulateCommand.self, BenchCommand.self, ScreenBenchCommand.self, StressAppendCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )
}

/// `mingle run`, and plain `mingle` (run is the default command, so `mingle --lang en` works).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Open the screens: reception, the stalls and the room, timekeeper, board.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var screen: ScreenOptions

    /// Opens the screens when a store is found. Plain `mingle` in a folder without a store shows
    /// the help; a store named with --store or $MINGLE_STORE, or a --role or --lang, means the
    /// screens were wanted, so a missing store is then an error.
    func run() throws {
        let asked = options.store != nil || getenv("MINGLE_STORE") != nil || screen.role != nil || screen.lang != nil
        guard asked || Posix.exists(options.directory + "/" + ConfigFile.fileName) else {
            print(Mingle.helpMessage())
            return
        }
        try openScreens(options.directory, screen)
    }
}

/// `--role` and `--lang`, for every command that opens the screens.
struct ScreenOptions: ParsableArguments {
    @Option(help: "Lock this terminal to one screen: reception, stall:ID, timekeeper or board.")
    var role: String?
    @Option(help: "Screen language: zh-TW or en (default: event.toml's).")
    var lang: String?
    @Option(help: "Who this terminal belongs to, recorded in the log with each action (mingle access add puts it in a helper's key).")
    var name: String?

    func validate() throws {
        if let role, ScreenKind.parse(role) == nil {
            throw ValidationError("--role must be reception, stall:ID, timekeeper or board (\"\(role)\" is none of them)")
        }
        if let lang, UIStrings.language(named: lang) == nil {
            throw ValidationError("--lang must be zh-TW or en (\"\(lang)\" is neither)")
        }
    }

    var language: String? { lang.flatMap(UIStrings.language(named:)) }
}

/// Checks that this user can read the store and that the role names something in it, then starts
/// curses, runs the screens until the user quits, and restores the terminal.
func openScreens(_ directory: String, _ options: ScreenOptions) throws {
    if let problem = StoreAccess.problem(directory: directory, write: false) {
        // Said before anything else, in the language the screens would have spoken.
        let config = try? ConfigFile.load(directory + "/" + ConfigFile.fileName)
        let strings = UIStrings.forLanguage(options.language ?? config?.language ?? languageFromEnvironment())
        say(strings.access(problem))
        throw ExitCode(3)
    }
    // $MINGLE_ROLE locks the screens as --role does (a helper's profile sets it); --role may only
    // name the same role then.
    let envRole = try commandLineDesk()?.name
    if let envRole, let asked = options.role, asked != envRole {
        throw ValidationFailure("MINGLE_ROLE is \(envRole): this terminal opens only that screen, not --role \(asked)")
    }
    let role = options.role ?? envRole
    let store = try guarded { () throws(StoreError) in try Store(directory: directory) }
    StoreOptions.reportTail(store)
    let screen = role.flatMap(ScreenKind.parse) ?? .reception
    if case .stall(let id) = screen, role != nil {
        let list = store.config.stalls.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
        guard let id else { throw ValidationFailure("--role stall needs a stall: stall:ID, one of \(list)") }
        guard store.state.room.index(ofStall: id) != nil else {
            throw ValidationFailure(store.config.stalls.isEmpty
                ? "there is no stall \(id): this store has no stalls (add them to event.toml)"
                : "there is no stall \(id) in this store; say one of: \(list)")
        }
    }
    let terminal: Terminal
    do { terminal = try Terminal() } catch {
        if let name = options.name {
            // Reached through a helper's SSH key (mingle access add): nothing else runs.
            let asked = getenv("SSH_ORIGINAL_COMMAND").map { String(cString: $0) } ?? ""
            say((asked.isEmpty ? "" : "The command \"\(asked)\" was not run: ")
                + "\(name)'s key opens one mingle screen and nothing else. Connect with a terminal: ssh -t ACCOUNT@HOST")
        } else {
            say(error.description)
        }
        throw ExitCode(2)
    }
    let app = App(store: store, screen: screen, locked: role != nil,
                  author: currentAuthor(role: role ?? "reception", key: options.name ?? ""), language: options.language, now: Posix.now)
    let watcher = LogWatcher(directory: store.directory)
    RunLoop.run(app, terminal: terminal, watcher: watcher)
    terminal.stop()
}

/// Bad usage found after parsing (it needs the store): said like ArgumentParser's, exit 2.
func ValidationFailure(_ text: String) -> ExitCode {
    say("Error: " + text)
    return ExitCode(2)
}

/// zh-TW unless LANG or LC_ALL asks for English.
func languageFromEnvironment() -> String {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let v = getenv(name), v.pointee != 0 { return String(cString: v).hasPrefix("en") ? "en" : "zh-TW" }
    }
    return "zh-TW"
}
