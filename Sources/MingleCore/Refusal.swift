/// Why an action was not applied. The reason is data, so each screen can say it in its language;
/// `reason` is the English text the command line prints.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Why: Equatable, Sendable {
        case unknownPerson(id: String)
        case unknownStall(id: String)
        /// `by`: the user and terminal who did it, so the desk can ask them.
        case alreadyCheckedIn(who: String, at: String?, by: Author?)
        case alreadyLeft(who: String, at: String?, by: Author?)
        case notCheckedIn(who: String)
        case walkInNeedsID
        case walkInNeedsName
        case idTaken(id: String, by: String)
        /// The id was given to a walk-in earlier today (since undone): ids are never given twice.
        case idUsedBefore(id: String, by: String)
        /// Redoing event `seq` would not fit the room as it is now.
        indirect case redoDoesNotFit(seq: Int, because: Why)
        case nobodyWaiting
        /// A walk-in who may well be someone on the list (the first such person; `others` more).
        case walkInIsOnTheList(id: String, who: String, here: Bool, others: Int)
        case nothingToUndo(user: String, terminal: String)
        case nothingToRedo(user: String, terminal: String)
        case nobodySpeaking
        case nobodySpeakingToSkip
        case alreadySeated(who: String, stall: String)
        case seatingNotOpen(now: Phase)
        case stallFull(stall: String, seats: Int)
        case notSeated(who: String)
        case phaseIsAlready(now: Phase, expected: Phase)
        case dayClosed
        case phaseAfter(Phase, is: Phase)
        case firstPhase
        case phaseBefore(Phase, is: Phase)
        case samePhase(Phase)
        case jumpNeedsReason(to: Phase)
        case introductionsNotRunning(now: Phase)
        case stillSpeaking(who: String)
        case notHere(who: String)
        case alreadySpoke(who: String)
        case notCurrentSpeaker(who: String)
        case notWaiting(who: String)
        case alreadyQueued(who: String)
        case positionOutside(Int, count: Int)
        case helpAlreadyOn(stall: String, by: Author?)
        case helpNotOn(stall: String)
        case emptyMessage
        case noMessageShown
        case alreadyFirst(who: String)
        case alreadyLast(who: String)
        case phaseNotPlanned(Phase)
        case planUnchanged
        case planTooShort(Phase, minutes: Int)
        case photoNotNow(now: Phase)
        case outOfOrder(seq: Int, last: Int)
        case noSuchEvent(seq: Int)
        case cannotUndoNote(seq: Int)
        case alreadyUndone(seq: Int, kind: String, by: Author?)
        /// A role-locked terminal asked for something its role does not do (`event`: the log's word).
        case notThisDesk(Desk.Work, event: String)
        /// An undo of another terminal's action from a role-locked one.
        case notYourAction(seq: Int, by: Author)
        /// What the user saw changed before their key reached the log (Seen.swift): said with
        /// who changed it and when, and nothing was written.
        case changedMeanwhile(Changed, by: Author?, at: Timestamp?)
        /// Free text from a caller (the command line's own checks).
        case other(String)
    }

    public var why: Why
    public init(_ why: Why) { self.why = why }
    public init(_ text: String) { why = .other(text) }

    public var description: String { reason }

    public var reason: String {
        switch why {
        case .unknownPerson(let id): "nobody has the id \(id)"
        case .unknownStall(let id): "there is no stall \(id)"
        case .alreadyCheckedIn(let who, let at, let by): "\(who) is already checked in\(at.map { " at " + $0 } ?? "")\(by.map { " by " + $0.whereabouts } ?? "")"
        case .alreadyLeft(let who, let at, let by): "\(who) has already left\(at.map { ": checked out at " + $0 } ?? "")\(by.map { " by " + $0.whereabouts } ?? "")"
        case .notCheckedIn(let who): "\(who) is not checked in"
        case .walkInNeedsID: "a walk-in needs an id"
        case .walkInNeedsName: "a walk-in needs a name"
        case .idTaken(let id, let by): "the id \(id) is already taken by \(by)"
        case .idUsedBefore(let id, let by): "the id \(id) was given to \(by) earlier today (since undone); ids are never given twice"
        case .redoDoesNotFit(let seq, let why): "this cannot be redone: event \(seq) would no longer apply (\(Refusal(why).reason))"
        case .nobodyWaiting: "nobody is waiting to introduce themselves"
        case .walkInIsOnTheList(let id, let who, let here, let others):
            "\(who) is on the list as \(id)" + (here ? " and is already here" : " (not checked in yet): check them in with `mingle checkin \(id)`")
                + (others > 0 ? "; \(others) more on the list have this name" : "") + ". To register another person anyway, add --new"
        case .nothingToUndo(let u, let t): "you have nothing to undo on this terminal (\(u) on \(t)); name an event number from `mingle log`"
        case .nothingToRedo(let u, let t): "you have nothing to redo on this terminal (\(u) on \(t)): redo puts back what your last undo took back"
        case .nobodySpeaking: "nobody is speaking"
        case .nobodySpeakingToSkip: "nobody is speaking; say whom to skip"
        case .alreadySeated(let who, let stall): "\(who) already sits at \(stall)"
        case .seatingNotOpen(let now): "seating opens with the open chat (now: \(now.rawValue)); force it to seat anyway"
        case .stallFull(let stall, let seats): "\(stall) is full (\(seats) seats); force it to seat anyway"
        case .notSeated(let who): "\(who) is not seated at any stall"
        case .phaseIsAlready(let now, let expected): "the phase is already \(now.rawValue), not \(expected.rawValue)"
        case .dayClosed: "the day is already closed"
        case .phaseAfter(let a, let b): "the phase after \(a.rawValue) is \(b.rawValue)"
        case .firstPhase: "reception is the first phase"
        case .phaseBefore(let a, let b): "the phase before \(a.rawValue) is \(b.rawValue)"
        case .samePhase(let p): "the phase is already \(p.rawValue)"
        case .jumpNeedsReason(let to): "a jump to \(to.rawValue) needs a reason"
        case .introductionsNotRunning(let now): "introductions are not running (now: \(now.rawValue))"
        case .stillSpeaking(let who): "\(who) is still speaking: mark done or skip first"
        case .notHere(let who): "\(who) is not here"
        case .alreadySpoke(let who): "\(who) has already spoken"
        case .notCurrentSpeaker(let who): "\(who) is not the current speaker"
        case .notWaiting(let who): "\(who) is not waiting to speak"
        case .alreadyQueued(let who): "\(who) is already in the queue"
        case .positionOutside(let n, let count): "position \(n) is outside the queue (1–\(count))"
        case .helpAlreadyOn(let stall, let by): "\(stall) has already asked for help\(by.map { ", by " + $0.whereabouts } ?? "")"
        case .helpNotOn(let stall): "\(stall) has not asked for help"
        case .emptyMessage: "the message is empty"
        case .noMessageShown: "there is no message on the board to clear"
        case .alreadyFirst(let who): "\(who) is already next"
        case .alreadyLast(let who): "\(who) is already last"
        case .phaseNotPlanned(let p): "event.toml plans no \(p.rawValue) phase"
        case .planUnchanged: "the plan would not change"
        case .planTooShort(let p, let minutes): "\(p.rawValue) is planned for \(minutes) min; it cannot be shorter than 1 min"
        case .photoNotNow(let now): "the group photo is not now (now: \(now.rawValue))"
        case .outOfOrder(let seq, let last): "event \(seq) does not follow \(last)"
        case .noSuchEvent(let seq): "there is no event number \(seq) in the log"
        case .cannotUndoNote(let seq): "event \(seq) is a note; there is nothing to undo"
        case .alreadyUndone(let seq, let kind, let by): "event \(seq) (\(kind)) is already undone\(by.map { " by " + $0.whereabouts } ?? "")"
        case .notThisDesk(let work, _):
            switch work {
            case .reception: "this terminal is the reception desk: it checks people in and out, registers walk-ins, prints name tags and answers help requests; the rest is done on the other screens"
            case .stall(let name): "this terminal is for the stall \(name): it seats and releases people at \(name) and asks for help there, nothing else"
            case .timekeeper: "this terminal is the timekeeper's: it runs the programme (phases, introductions, messages, the photo), nothing else"
            case .board: "this terminal is the board: it only shows, it writes nothing"
            }
        case .notYourAction(let seq, let by): "event \(seq) was done by \(by.whereabouts): this terminal undoes only its own actions"
        case .changedMeanwhile(let what, let by, let at):
            {
                let when = (by.map { " by \($0.whereabouts)" } ?? "") + (at.map { ", \($0.clock)" } ?? "")
                switch what {
                case .speakerFinished(let who, let now): return "\(who) had already finished\(when)" + (now.map { "; \($0) is speaking now" } ?? "") + ": nothing was done"
                case .speakerStarted(let who): return "\(who) had already started speaking\(when): nothing was done"
                case .moved(let who, let to): return "\(who) had already " + (to.map { "moved to \($0)" } ?? "left the stall") + "\(when): nothing was done"
                case .photoTaken: return "the photo had just been taken\(when): it was not recorded twice"
                case .phaseMoved(let to): return "the programme had already moved on to \(to.rawValue)\(when): nothing was done"
                }
            }()
        case .other(let text): text
        }
    }
}
