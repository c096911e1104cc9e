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

    public var description: String {
        switch self {
        case .noStore(let m), .io(let m), .lockTimeout(let m), .usage(let m): m
        case .refused(let r): r.reason
        case .access(let p): p.description
        case .damaged(let file, let line, let problem, let remedy):
            (line > 0 ? "\(file), line \(line): " : "\(file): ") + problem + (remedy.isEmpty ? "" : "\n" + remedy)
        }
    }

    /// 0 done, 1 refused, 2 bad usage, 3 store damaged or unreadable.
    public var exitCode: Int32 {
        switch self {
        case .refused: 1
        case .usage: 2
        case .noStore, .damaged, .io, .lockTimeout, .access: 3
        }
    }
}
