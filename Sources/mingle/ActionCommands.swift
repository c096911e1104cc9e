import ArgumentParser
import MingleCore
import MingleStore
import MingleTerminal

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
    @Option(help: "new, senior, staff or guest (新任, 資深, 工作人員, 來賓); default guest.") var role = Role.walkInDefault.rawValue
    @Option(help: "Email (optional).") var email = ""
    @Option(help: "Job title (optional).") var title = ""
    @Option(help: "Id to give them (default: the next free W-number).") var id: String?
    @Flag(help: "Register a new person even when someone on the list has this name (and ministry).") var new = false

    func validate() throws {
        guard Role.parse(role) != nil else { throw ValidationError("--role must be new, senior, staff or guest (新任, 資深, 工作人員, 來賓)") }
        guard !name.trimmedSpaces().isEmpty else { throw ValidationError("the name is empty") }
    }

    func run() throws {
        try perform(options) { (s: State) throws(Refusal) in
            if !new { try s.room.checkNotOnTheList(name: name.trimmedSpaces(), ministry: ministry.trimmedSpaces()) }
            let newID = id ?? s.nextWalkInID()
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
    @Option(help: "Only if they sit at this stall now (or 'none': at no stall), as you saw it; else nothing is done and you are told where they went.")
    var from: String?

    func run() throws {
        try perform(options, saw: { (s: State) throws(Refusal) -> [Seen] in try seenSeat(who, from: from, in: s.room) }) { (s: State) throws(Refusal) in
            [.seat(person: try resolvePerson(who, in: s.room), stall: try resolveStall(stall, in: s.room), forced: force)]
        }
    }
}

/// `--from STALL` or `--from none`: where the person sat as the caller saw it (nothing without it).
func seenSeat(_ who: String, from: String?, in room: Room) throws(Refusal) -> [Seen] {
    guard let from else { return [] }
    return [.seat(person: try resolvePerson(who, in: room), stall: from == "none" ? nil : try resolveStall(from, in: room))]
}

struct UnseatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unseat", abstract: "A person leaves their stall.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "Id or a unique part of the name.") var who: String
    @Option(help: "Only if they sit at this stall now, as you saw it; else nothing is done and you are told where they went.")
    var from: String?

    func run() throws {
        try perform(options, saw: { (s: State) throws(Refusal) -> [Seen] in try seenSeat(who, from: from, in: s.room) }) { (s: State) throws(Refusal) in
            [.unseat(person: try resolvePerson(who, in: s.room))]
        }
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
        var plan: (Room.PhasePlan, Room)?
        try perform(options) { (s: State) throws(Refusal) in
            let command: Command = switch target {
            case "next": .phaseNext(reason: reason)
            case "back": .phaseBack(reason: reason)
            default: .phaseTo(Phase.parse(target)!, reason: reason)
            }
            let events = try s.room.events(for: command)
            if case .phase(_, let to, let move, _) = events[0] { plan = (s.room.phasePlan(to: to, move: move), s.room) }
            return events
        }
        if let (p, room) = plan { for line in PhaseEffectText.lines(p, room) { print("  " + Sanitizer.clean(line)) } }
    }
}

/// What a phase move changed, in words, after the confirmation line.
enum PhaseEffectText {
    static func lines(_ p: Room.PhasePlan, _ room: Room) -> [String] {
        var out: [String] = []
        if p.notYetIntroduced > 0 { out.append("\(p.notYetIntroduced) new POs had not introduced themselves yet") }
        if !p.leave.isEmpty { out.append("\(p.leave.count) \(p.leave.count == 1 ? "person left their stall" : "people left their stalls")") }
        if let s = p.endTurnOf { out.append("\(room.label(s))'s introduction ended") }
        if !p.back.isEmpty { out.append("\(p.back.count) \(p.back.count == 1 ? "person is" : "people are") back at their stalls") }
        if let s = p.resumeTurnOf { out.append("\(room.label(s)) is speaking again") }
        return out
    }
}

struct IntroCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intro", abstract: "Run the introductions queue.",
        subcommands: [Next.self, Done.self, Skip.self, Add.self, Move.self])

    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The current speaker is done; the next in the queue starts.")
        @OptionGroup var options: StoreOptions
        @Option(help: "Only if this person is speaking now (or 'nobody'), as you saw it; else nothing is done and you are told who finished.")
        var after: String?
        func run() throws {
            try perform(options, saw: { (s: State) throws(Refusal) -> [Seen] in
                guard let after else { return [] }
                return [.speaker(after == "nobody" ? nil : try resolvePerson(after, in: s.room))]
            }) { (s: State) throws(Refusal) in try s.room.events(for: .introNext) }
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The current speaker is done.")
        @OptionGroup var options: StoreOptions
        func run() throws {
            try perform(options) { (s: State) throws(Refusal) in try s.room.events(for: .introDone) }
        }
    }

    struct Skip: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Skip a speaker (default: the current one).")
        @OptionGroup var options: StoreOptions
        @Argument(help: "Id or part of the name.") var who: String?
        func run() throws {
            try perform(options) { (s: State) throws(Refusal) in
                try s.room.events(for: .introSkip(person: try who.map { w throws(Refusal) in try resolvePerson(w, in: s.room) }))
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
    static let configuration = CommandConfiguration(commandName: "message", abstract: "Send a message to the room (shown on the board until cleared; --clear takes it off).")
    @OptionGroup var options: StoreOptions
    @Argument(parsing: .remaining, help: "The message.") var words: [String] = []
    @Flag(help: "Take the message off the board.") var clear = false

    func validate() throws {
        guard clear != !words.isEmpty else { throw ValidationError(clear ? "--clear takes no message" : "say the message, or --clear to take it off the board") }
    }

    func run() throws {
        let text = clear ? "" : words.joined(separator: " ")
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
        commandName: "undo",
        abstract: "Undo your last action on this terminal (again: the one before), or event number SEQ (undoing an undo redoes).",
        discussion: "An action that wrote several events (intro next: one done, the next started) is undone whole.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The event number (see `mingle log`).") var seq: Int?

    func run() throws {
        let me = currentAuthor()
        try perform(options) { (s: State) throws(Refusal) in
            if let seq { return [.undo(seq: seq)] }
            guard let last = s.lastUndoable(by: me) else { throw Refusal(.nothingToUndo(user: me.user, terminal: me.terminal)) }
            return [.undo(seq: last.seq)]
        }
    }
}

struct RedoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redo", abstract: "Put back what your last undo on this terminal took back (again: the undo before).")
    @OptionGroup var options: StoreOptions

    func run() throws {
        let me = currentAuthor()
        try perform(options) { (s: State) throws(Refusal) in
            guard let undo = s.lastRedoable(by: me) else { throw Refusal(.nothingToRedo(user: me.user, terminal: me.terminal)) }
            return [.undo(seq: undo.seq)]
        }
    }
}
