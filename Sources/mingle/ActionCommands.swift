import ArgumentParser
import MingleCore
import MingleStore

struct CheckinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checkin", abstract: "Check a person in (by id or part of the name).")
    @OptionGroup var options: StoreOptions
    @Argument(help: "Id or a unique part of the name.") var who: String

    func run() throws {
        try perform(options) { (s: State) throws(Refusal) in [.checkIn(person: try resolvePerson(who, in: s.room))] }
    }
}

struct CheckoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checkout", abstract: "Check a person out (they leave their stall too).")
    @OptionGroup var options: StoreOptions
    @Argument(help: "Id or a unique part of the name.") var who: String

    func run() throws {
        try perform(options) { (s: State) throws(Refusal) in [.checkOut(person: try resolvePerson(who, in: s.room))] }
    }
}

struct WalkinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "walkin", abstract: "Register someone not on the list and check them in.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "Their name.") var name: String
    @Option(help: "Their ministry or agency.") var ministry = ""
    @Option(help: "new, senior, staff or guest (新任, 資深, 工作人員, 來賓).") var role = "guest"
    @Option(help: "Email (optional).") var email = ""
    @Option(help: "Job title (optional).") var title = ""
    @Option(help: "Id to give them (default: the next free W-number).") var id: String?

    func validate() throws {
        guard Role.parse(role) != nil else { throw ValidationError("--role must be new, senior, staff or guest (新任, 資深, 工作人員, 來賓)") }
        guard !name.trimmedSpaces().isEmpty else { throw ValidationError("the name is empty") }
    }

    func run() throws {
        try perform(options) { (s: State) throws(Refusal) in
            let newID = id ?? s.room.nextWalkInID()
            return [.walkIn(Person(id: newID, name: name.trimmedSpaces(), ministry: ministry.trimmedSpaces(),
                                   role: Role.parse(role)!, email: email, title: title))]
        }
    }
}

struct SeatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seat", abstract: "Seat a person at a stall (moves them if seated elsewhere).")
    @OptionGroup var options: StoreOptions
    @Argument(help: "Id or a unique part of the name.") var who: String
    @Argument(help: "Stall id or name.") var stall: String
    @Flag(help: "Seat even when the stall is full or open chat has not started.") var force = false

    func run() throws {
        try perform(options) { (s: State) throws(Refusal) in
            [.seat(person: try resolvePerson(who, in: s.room), stall: try resolveStall(stall, in: s.room), forced: force)]
        }
    }
}

struct UnseatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unseat", abstract: "A person leaves their stall.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "Id or a unique part of the name.") var who: String

    func run() throws {
        try perform(options) { (s: State) throws(Refusal) in [.unseat(person: try resolvePerson(who, in: s.room))] }
    }
}

struct PhaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase", abstract: "Move the afternoon on: next, back, or a phase by name (a jump needs --reason).",
        discussion: "Phases: reception, opening, introductions, chat, photo, closed.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "next, back, or a phase name.") var target: String
    @Option(help: "Why (needed for a jump).") var reason = ""

    func validate() throws {
        guard ["next", "back"].contains(target) || Phase.parse(target) != nil else {
            throw ValidationError("\"\(target)\" is not next, back or a phase (reception, opening, introductions, chat, photo, closed)")
        }
    }

    func run() throws {
        try perform(options) { (s: State) throws(Refusal) in
            let now = s.room.phase
            switch target {
            case "next":
                guard let n = now.next else { throw Refusal("the day is already closed") }
                return [.phase(from: now, to: n, move: .next, reason: reason)]
            case "back":
                guard let p = now.previous else { throw Refusal("reception is the first phase") }
                return [.phase(from: now, to: p, move: .back, reason: reason)]
            default:
                let to = Phase.parse(target)!
                let move: PhaseMove = to == now.next ? .next : to == now.previous ? .back : .jump
                return [.phase(from: now, to: to, move: move, reason: reason)]
            }
        }
    }
}

struct IntroCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intro", abstract: "Run the introductions queue.",
        subcommands: [Next.self, Done.self, Skip.self, Add.self, Move.self])

    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The current speaker is done; the next in the queue starts.")
        @OptionGroup var options: StoreOptions
        func run() throws {
            try perform(options) { (s: State) throws(Refusal) in
                let r = s.room
                var events: [Event] = []
                if let c = r.intro.current { events.append(.introDone(person: r.people[c].id)) }
                guard let first = r.introQueue.first else {
                    if events.isEmpty { throw Refusal("nobody is waiting to introduce themselves") }
                    return events
                }
                return events + [.introStart(person: r.people[first].id)]
            }
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The current speaker is done.")
        @OptionGroup var options: StoreOptions
        func run() throws {
            try perform(options) { (s: State) throws(Refusal) in
                guard let c = s.room.intro.current else { throw Refusal("nobody is speaking") }
                return [.introDone(person: s.room.people[c].id)]
            }
        }
    }

    struct Skip: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Skip a speaker (default: the current one).")
        @OptionGroup var options: StoreOptions
        @Argument(help: "Id or part of the name.") var who: String?
        func run() throws {
            try perform(options) { (s: State) throws(Refusal) in
                if let who { return [.introSkip(person: try resolvePerson(who, in: s.room))] }
                guard let c = s.room.intro.current else { throw Refusal("nobody is speaking; say whom to skip") }
                return [.introSkip(person: s.room.people[c].id)]
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add someone to the end of the queue (a late arrival, say).")
        @OptionGroup var options: StoreOptions
        @Argument(help: "Id or part of the name.") var who: String
        func run() throws {
            try perform(options) { (s: State) throws(Refusal) in [.introAdd(person: try resolvePerson(who, in: s.room))] }
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a waiting speaker to a place in the queue (1 = next).")
        @OptionGroup var options: StoreOptions
        @Argument(help: "Id or part of the name.") var who: String
        @Argument(help: "Place in the queue, 1 = next.") var position: Int
        func run() throws {
            try perform(options) { (s: State) throws(Refusal) in
                [.introMove(person: try resolvePerson(who, in: s.room), position: position)]
            }
        }
    }
}

struct HelpRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "help-request", abstract: "A stall asks PDIS for help (on), or no longer needs it (off).")
    @OptionGroup var options: StoreOptions
    @Argument(help: "on or off.") var state: String
    @Argument(help: "Stall id or name.") var stall: String

    func validate() throws {
        guard state == "on" || state == "off" else { throw ValidationError("say on or off, then the stall") }
    }

    func run() throws {
        try perform(options) { (s: State) throws(Refusal) in [.help(stall: try resolveStall(stall, in: s.room), on: state == "on")] }
    }
}

struct MessageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "message", abstract: "Send a message to the room (shown on the board).")
    @OptionGroup var options: StoreOptions
    @Argument(parsing: .remaining, help: "The message.") var words: [String]

    func run() throws {
        let text = words.joined(separator: " ")
        try perform(options) { (_: State) throws(Refusal) in [.message(text: text)] }
    }
}

struct PhotoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "photo", abstract: "Record that the group photo was taken (during the photo phase).")
    @OptionGroup var options: StoreOptions

    func run() throws {
        try perform(options) { (_: State) throws(Refusal) in [.photoTaken] }
    }
}

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Undo your last action on this terminal, or event number SEQ (undoing an undo redoes).")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The event number (see `mingle log`).") var seq: Int?

    func run() throws {
        let me = currentAuthor()
        try perform(options) { (s: State) throws(Refusal) in
            if let seq { return [.undo(seq: seq)] }
            guard let last = s.lastUndoable(by: me) else {
                throw Refusal("you have nothing to undo on this terminal (\(me.user) on \(me.terminal)); name an event number from `mingle log`")
            }
            return [.undo(seq: last.seq)]
        }
    }
}
