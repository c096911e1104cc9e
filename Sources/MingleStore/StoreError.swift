import MingleCore

/// What can go wrong with the store, in words a host understands. Each case maps to an exit code
/// of the CLI (docs/design.md, "Contracts").
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No store at this place.
    case noStore(String)
    /// A file is damaged or unreadable; file and line (0 when the whole file is at fault).
    case damaged(file: String, line: Int, problem: String, remedy: String)
    /// Reading or writing failed (disk full, a broken disk, …).
    case io(String)
    /// This user may not read or write what the action needs; says who, where and the fix.
    case access(AccessProblem)
    /// Another terminal holds the log lock for too long.
    case lockTimeout(String)
    /// The action was refused by the rules of the day (the reason is data, for any language).
    case refused(Refusal)
    /// The user asked for something that cannot be done as asked (bad input, not a rule).
    case usage(String)
    /// The log's history does not hold what was shown or confirmed, or this computer's clock
    /// would spoil it: nothing is written until it is put right (typed, so screens say it in
    /// their language).
    case history(HistoryProblem)

    public var description: String {
        switch self {
        case .noStore(let m), .io(let m), .lockTimeout(let m), .usage(let m): m
        case .refused(let r): r.reason
        case .access(let p): p.description
        case .history(let h): h.description
        case .damaged(let file, let line, let problem, let remedy):
            (line > 0 ? "\(file), line \(line): " : "\(file): ") + problem + (remedy.isEmpty ? "" : "\n" + remedy)
        }
    }

    /// 0 done, 1 refused, 2 bad usage, 3 store damaged or unreadable.
    public var exitCode: Int32 {
        switch self {
        case .refused: 1
        case .usage: 2
        case .noStore, .damaged, .io, .lockTimeout, .access, .history: 3
        }
    }
}

/// What is wrong with the log's history, with what the host needs to put it right.
public enum HistoryProblem: Equatable, Sendable, CustomStringConvertible {
    /// events.log was replaced by a file that does not hold the events shown here (an older
    /// copy, or lines taken out): it has `has` events (to `hasLast`), this store showed `shown`
    /// (to `shownLast`), and they differ from `line` on.
    case replaced(line: Int, has: Int, hasLast: Int, shown: Int, shownLast: Int)
    /// The log ends before the line last confirmed (events.log.last), or ends there with
    /// another line.
    case lostConfirmed(lastSeq: Int, confirmed: Int, line: Int)
    /// This computer's clock is more than an hour ahead of the disk's.
    case clockAhead(clock: Timestamp, disk: Timestamp)
    /// Not a refusal but news: `mingle repair` went on from a log that differs from what was
    /// shown from `line` on, and the store now shows the repaired log.
    case repaired(line: Int, shownLast: Int)

    /// What is wrong, without the file and line.
    public var problem: String {
        switch self {
        case .replaced(let line, let has, let hasLast, let shown, let shownLast):
            "the file was replaced by a copy that does not hold what was shown here: it has \(has) events (to #\(hasLast)), this screen showed \(shown) (to #\(shownLast)), and they differ from line \(line)"
        case .lostConfirmed(let lastSeq, let confirmed, _):
            (lastSeq == confirmed ? "its last line, event \(lastSeq), is not the one that was confirmed"
                                  : "it ends at event \(lastSeq), but event \(confirmed) was already written and confirmed")
                + " (events.log.last says so): the log lost its newest lines, or an older copy was put in its place"
        case .clockAhead(let clock, let disk):
            "This computer's clock says \(clock.dateAndClock), but the clock of the disk the store is on says \(disk.dateAndClock): \(ClockSkew.words(clock.millis - disk.millis)) ahead"
        case .repaired(let line, let shownLast):
            "events.log was repaired (`mingle repair`): from line \(line) it differs from what was shown here (up to #\(shownLast))"
        }
    }

    public var remedy: String {
        switch self {
        case .replaced:
            "An older copy was put back, or lines were taken out. The day as shown stays and nothing will be written until the newest copy is back (or `mingle repair` is run)."
        case .lostConfirmed(_, let confirmed, _):
            "Nothing will be written to it. Put the newest copy of events.log back, or run `mingle repair` to go on from this one (numbers then continue after \(confirmed), so none is given twice)."
        case .clockAhead:
            "Nothing was written (a time so far ahead would push every later line's time with it). Set this computer's clock (and time zone), then try again."
        case .repaired:
            "The repaired log is shown now; repair kept a copy of the log as it was (events.log.before-repair-…)."
        }
    }

    public var description: String {
        switch self {
        case .replaced(let line, _, _, _, _), .lostConfirmed(_, _, let line): "events.log, line \(line): \(problem)\n\(remedy)"
        case .clockAhead, .repaired: "\(problem). \(remedy)"
        }
    }
}

