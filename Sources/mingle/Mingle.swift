import ArgumentParser
import MingleStore
import MingleTerminal

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
            RepairCommand.self, StatusCommand.self, LogCommand.self, CheckinCommand.self,
            CheckoutCommand.self, WalkinCommand.self, SeatCommand.self, UnseatCommand.self,
            PhaseCommand.self, IntroCommand.self, HelpRequestCommand.self, MessageCommand.self, PhotoCommand.self,
            UndoCommand.self, SimulateCommand.self, BenchCommand.self, StressAppendCommand.self,
        ]
    )

    @OptionGroup var options: StoreOptions

    /// Plain `mingle`: opens the screens when a store is found, else shows the help.
    mutating func run() throws {
        if (try? Store(directory: options.directory)) != nil {
            var run = RunCommand()
            run.options = options
            try run.run()
        } else {
            print(Mingle.helpMessage())
        }
    }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Open the screens (reception, stall, timekeeper, board).")

    @OptionGroup var options: StoreOptions
    @Option(help: "Lock the terminal to one screen: reception, stall:ID, timekeeper or board.")
    var role: String?

    mutating func run() throws {
        let store = try options.open()
        say("""
        The screens (reception, stall, timekeeper, board) are not built yet; they come with the next
        piece of work. Everything they will do can be done now from the command line — see
        `mingle --help`. Here is the room:
        """)
        print(Sanitizer.cleanLines(StatusText.render(store)))
        throw ExitCode(1)
    }
}
