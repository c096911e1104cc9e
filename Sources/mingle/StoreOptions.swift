#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import MingleCore
import MingleStore
import MingleTerminal

/// `--store DIR`, else $MINGLE_STORE, else the current folder.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store folder (default: $MINGLE_STORE, else the current folder).")
    var store: String?

    var directory: String {
        if let store { return store }
        if let env = getenv("MINGLE_STORE"), env.pointee != 0 { return String(cString: env) }
        return "."
    }

    func open() throws -> Store {
        let s = try guarded { () throws(StoreError) in try Store(directory: directory) }
        StoreOptions.reportTail(s)
        if let lost = s.lostLines { say("Warning: what follows is an older day. " + lost.description) }
        return s
    }

    /// A torn last line is not an error, but the host should know it will be set aside.
    static func reportTail(_ s: Store) {
        if let t = s.logTail, t.hasNewline {
            say("Note: \(Store.logName) line \(t.line) and after (\(t.bytes) bytes) cannot be read: \(t.problem). The next write moves them aside into a file next to the log.")
        }
    }
}

/// $MINGLE_ROLE set to a role (reception, stall:ID, timekeeper, board) limits the command line to
/// what that role may write, as on a role-locked screen: set it in a helper's shell profile.
/// A value that names no role is refused rather than taken for no role at all.
func commandLineDesk() throws -> Desk? {
    guard let r = getenv("MINGLE_ROLE"), r.pointee != 0 else { return nil }
    let text = String(cString: r)
    guard let desk = Desk.parse(text) else {
        throw fail(.usage("MINGLE_ROLE is \"\(text)\", which is no role: say reception, stall:ID, timekeeper or board, or unset it"))
    }
    return desk
}

/// Refuses under $MINGLE_ROLE what the core's Desk says that role does not do, before anything
/// is read or written. The decision needs no room; the store is opened only to name a stall in
/// the refusal.
func refuseUnderRole(_ options: StoreOptions?, _ refusal: (Desk, Room?) -> Refusal?) throws {
    guard let desk = try commandLineDesk(), refusal(desk, nil) != nil else { return }
    let room = options.flatMap { try? Store(directory: $0.directory) }?.state.room
    say("Refused: " + (refusal(desk, room) ?? refusal(desk, nil)!).reason)
    throw ExitCode(1)
}

/// Pages and exports with everyone's names, or the timeline.
func refusePaperUnderRole(_ what: Desk.PaperWork, _ options: StoreOptions) throws {
    try refuseUnderRole(options) { $0.refusal(forPaper: what, in: $1) }
}

/// Store work (init, import, repair, access, simulate) is the organisers' own.
func refuseStoreWorkUnderRole(_ work: Desk.StoreWork, _ options: StoreOptions? = nil) throws {
    try refuseUnderRole(options) { $0.refusal(for: work, in: $1) }
}

/// Who is writing: login user, the role (CLI unless $MINGLE_ROLE says otherwise), terminal, pid.
func currentAuthor(role: String? = nil, key: String = "") -> Author {
    let user: String
    if let u = getenv("USER"), u.pointee != 0 { user = String(cString: u) }
    else if let pw = getpwuid(getuid()) { user = String(cString: pw.pointee.pw_name) }
    else { user = "uid\(getuid())" }
    // Without a terminal, the session tells two commands apart (a helper's script from another's),
    // so undo ownership never matches every command that has no terminal.
    var tty = "-s\(getsid(0))"
    if let t = ttyname(0) { tty = String(cString: t).replacingPrefix("/dev/", with: "") }
    let r = role ?? (getenv("MINGLE_ROLE").map { String(cString: $0) } ?? "cli")
    return Author(user: user, role: r, terminal: tty, pid: Int(getpid()), key: key)
}

extension String {
    func replacingPrefix(_ prefix: String, with new: String) -> String {
        hasPrefix(prefix) ? new + dropFirst(prefix.count) : self
    }
}

/// Resolves WHO to one person: an id, or a unique name fragment. Ambiguity lists the candidates.
func resolvePerson(_ query: String, in room: Room) throws(Refusal) -> String {
    let hits = room.findPerson(query)
    if hits.count == 1 { return room.people[hits[0]].id }
    if hits.isEmpty { throw Refusal("nobody matches \"\(query)\" (try an id or part of the name)") }
    let list = hits.prefix(12).map { "  \(room.people[$0].id)  \(room.label($0))" }.joined(separator: "\n")
    throw Refusal("\"\(query)\" matches \(hits.count) people; say which one by id:\n\(list)\(hits.count > 12 ? "\n  …" : "")")
}

func resolveStall(_ query: String, in room: Room) throws(Refusal) -> String {
    let hits = room.findStall(query)
    if hits.count == 1 { return room.stalls[hits[0]].id }
    if hits.isEmpty {
        throw Refusal("there is no stall \"\(query)\"; stalls: " + room.stalls.map { "\($0.id) \($0.name)" }.joined(separator: ", "))
    }
    throw Refusal("\"\(query)\" matches several stalls: " + hits.map { "\(room.stalls[$0].id) \(room.stalls[$0].name)" }.joined(separator: ", "))
}

/// Appends what `make` decides and prints a confirmation line per event.
/// `saw`: what the caller says they decided on (`intro next --after WHO`, `seat --from STALL`),
/// read against the store as opened and checked again under the lock (Seen.swift).
func perform(_ options: StoreOptions, saw: (State) throws(Refusal) -> [Seen] = { _ in [] }, _ make: (State) throws(Refusal) -> [Event]) throws {
    let desk = try commandLineDesk()
    let store = try options.open()
    let before = store.state.room, refusedBefore = store.state.refused
    let facts = try guarded { () throws(StoreError) in
        do throws(Refusal) { return try saw(store.state) } catch { throw .refused(error) }
    }
    let written = try guarded { () throws(StoreError) in try store.append(by: currentAuthor(), desk: desk, saw: facts, make) }
    for n in store.notices { say(n) }
    switch store.clockNotice {
    case .offDisk(let skew)?:
        say("Note: this computer's clock is \(ClockSkew.words(skew)) \(skew > 0 ? "ahead of" : "behind") the clock of the disk the store is on; "
            + "the event was stamped \(skew > 0 ? "with it" : "no earlier than the last one"). Set the clock.")
    case .behindLog(let millis, let by)?:
        say("Note: the log's last line is stamped \(ClockSkew.words(millis)) after this computer's clock (written by \(by.whereabouts)): "
            + "this clock is behind, or that one was ahead. The event was stamped no earlier than that line. Set the clock that is wrong.")
    case nil: break
    }
    for e in written { print(Sanitizer.clean(confirmation(e, before: before, after: store.state))) }
    // What an undo took away with it: nothing changes without being said.
    for seq in store.state.refused.keys.filter({ refusedBefore[$0] == nil }).sorted() {
        if let e = store.state.event(seq: seq) { print(Sanitizer.clean("  so #\(seq) no longer applies: \(before.describe(e.event))")) }
    }
}

/// The line printed for each event written; an undo or redo says what it took back or put back.
func confirmation(_ e: LoggedEvent, before: Room, after: State) -> String {
    if case .undo(let target) = e.event, let t = after.event(seq: target) {
        if case .undo(let original) = t.event {
            let back = after.events(ofAction: original).map { after.room.describe($0.event) }.joined(separator: "; ")
            return "#\(e.seq) redid #\(original): \(back)"
        }
        let taken = after.events(ofAction: target).map { before.describe($0.event) }.joined(separator: "; ")
        return "#\(e.seq) undid #\(t.action): \(taken)"
    }
    if case .seat(let id, let stall, _) = e.event, let p = before.index(ofPerson: id), let from = before.presence[p].stall,
       before.stalls[from].id != stall {
        return "#\(e.seq) " + after.room.describe(e.event) + " (from \(before.stalls[from].name))"
    }
    return "#\(e.seq) " + after.room.describe(e.event)
}
