/// A terminal locked to one role (`mingle run --role`, or an SSH key that opens one screen):
/// what it may write. An unlocked terminal is the organisers' own and may write anything.
///
/// - reception: the desk's work — check in and out, walk-ins, name tags, clearing help requests;
/// - stall:ID: seat and release people at that stall (over its seats too, after asking, but only
///   in open chat), and ask for help there;
/// - timekeeper: the programme — phases, the introductions, plans, messages, the photo;
/// - board: nothing (it only shows).
///
/// Every role may undo and redo its own actions (State checks whose they are).
public enum Desk: Equatable, Hashable, Sendable {
    case reception, stall(String), timekeeper, board

    public static func parse(_ text: String) -> Desk? {
        switch text {
        case "reception": .reception
        case "timekeeper": .timekeeper
        case "board": .board
        default: text.hasPrefix("stall:") && text.count > 6 ? .stall(String(text.dropFirst(6))) : nil
        }
    }

    /// The `--role` value.
    public var name: String {
        switch self {
        case .reception: "reception"
        case .stall(let id): "stall:\(id)"
        case .timekeeper: "timekeeper"
        case .board: "board"
        }
    }

    /// What this desk may do, in words, for its refusals.
    public enum Work: Equatable, Sendable {
        case reception, stall(name: String), timekeeper, board
    }

    /// `room` names the stall; without one (a store that cannot be read) its id stands in.
    public func work(in room: Room?) -> Work {
        switch self {
        case .reception: .reception
        case .stall(let id): .stall(name: room.flatMap { r in r.index(ofStall: id).map { r.stalls[$0].name } } ?? id)
        case .timekeeper: .timekeeper
        case .board: .board
        }
    }

    /// Nil when this desk may write `event` in `room`; else why not.
    public func refusal(for event: Event, in room: Room) -> Refusal? {
        let allowed: Bool
        switch (self, event) {
        case (_, .undo), (_, .note):
            allowed = self != .board  // whose action an undo takes back is checked by State
        case (.reception, .checkIn), (.reception, .checkOut), (.reception, .walkIn), (.reception, .badgePrinted):
            allowed = true
        case (.reception, .help(_, let on)):
            allowed = !on  // the desk answers help requests; only a stall asks
        case (.stall(let id), .seat(let p, let s, let forced)):
            // Another stall's seat is the organisers' call, and so is seating outside open chat;
            // going over its own seats during open chat is the owner's (the screen asks first).
            allowed = s == id && (!forced || room.phase == .chat) && room.index(ofPerson: p) != nil
        case (.stall(let id), .unseat(let p)):
            allowed = room.index(ofPerson: p).map { room.presence[$0].stall.map { room.stalls[$0].id } == id } ?? false
        case (.stall(let id), .help(let s, _)):
            allowed = s == id
        case (.timekeeper, .phase), (.timekeeper, .introStart), (.timekeeper, .introDone), (.timekeeper, .introSkip),
             (.timekeeper, .introAdd), (.timekeeper, .introMove), (.timekeeper, .plan), (.timekeeper, .message),
             (.timekeeper, .photoTaken):
            allowed = true
        default:
            allowed = false
        }
        return allowed ? nil : Refusal(.notThisDesk(work(in: room), event: event.kind))
    }

    /// Work on the store itself rather than on the day: the roster, the log's repair, who may
    /// connect, simulated days. Only the organisers' own (unlocked) terminal does it; a locked
    /// desk is refused before anything is read or written.
    public enum StoreWork: String, Sendable {
        case initStore = "init", importRoster = "import", repair, access, simulate
    }

    /// Pages and exports: all but the timeline carry everyone's names.
    public enum PaperWork: String, Sendable {
        case timeline = "export timeline", names = "paper"
    }

    /// Nil when this desk may write `what`: the reception desk (which prints and reports) any;
    /// the timekeeper its own programme's timeline; a stall and the board none.
    public func refusal(forPaper what: PaperWork, in room: Room?) -> Refusal? {
        switch (self, what) {
        case (.reception, _), (.timekeeper, .timeline): nil
        default: Refusal(.notThisDesk(work(in: room), event: what.rawValue))
        }
    }

    /// `room`: the day, for the stall's name; nil when the store cannot be read (repair).
    public func refusal(for work: StoreWork, in room: Room?) -> Refusal {
        Refusal(.notThisDesk(self.work(in: room), event: work.rawValue))
    }

    /// Whether this desk may write name tags (they are recorded as `badge` events): checked
    /// before a page with everyone's names is written.
    public func mayPrintTags(in room: Room) -> Refusal? {
        refusal(for: .badgePrinted(person: room.people.first?.id ?? ""), in: room)
    }
}
