import ArgumentParser
import Foundation
import MingleCore
import MingleStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Make a new store folder (event.toml, roster.csv, events.log).")

    @Argument(help: "The folder to make (it may exist, but must not hold a store).")
    var directory: String
    @Flag(help: "Fill it with the bundled sample event: 80 people, 8 stalls, the phases.")
    var sample = false

    func run() throws {
        try refuseStoreWorkUnderRole(.initStore)
        try guarded { () throws(StoreError) in
            try StoreSetup.create(at: directory, config: sample ? SampleEvent.config : SampleEvent.emptyConfig,
                                  roster: sample ? SampleEvent.people : [])
        }
        print("Made a store in \(directory)" + (sample ? " with the sample event." : ". Edit \(directory)/event.toml, then `mingle import` the roster."))
        if case .group(let g) = StoreAccess.exposure(directory: directory) { say(StoreAccess.groupMayWrite(directory, group: g)) }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read the roster from a spreadsheet's CSV (UTF-8, UTF-16 or Big5; Chinese or English headers).",
        discussion: "Columns: id/編號, name/姓名, ministry/機關, role/身分 (new/senior/staff/guest or 新任/資深/工作人員/來賓), optional email, title. People already in the roster are updated by id; nobody is removed, no check-in is lost.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The CSV file.") var file: String
    @Flag(help: "Show what would change; write nothing.") var dryRun = false
    @Flag(help: "Import the good rows even when some rows have errors (the bad ones are listed).") var skipBadRows = false

    func run() throws {
        try refuseStoreWorkUnderRole(.importRoster, options)
        let store = try options.open()
        guard let bytes = Posix.readFile(file, followLink: true) else {
            throw fail(.usage("cannot read \(file): \(Posix.errorText())"))
        }
        let name = String(file.split(separator: "/").last ?? Substring(file))
        let reading = RosterImport.read(bytes: bytes, file: name)
        for w in reading.warnings { say("warning: \(w)") }
        for e in reading.errors { say(e.description) }
        let fatal = reading.errors.contains { !reading.skippedLines.contains($0.line) } || reading.people.isEmpty && !reading.errors.isEmpty
        if !reading.errors.isEmpty && (!skipBadRows || fatal) {
            say("Nothing was imported: \(reading.errors.count) problem(s) in \(name). Fix them, or use --skip-bad-rows to import the other rows.")
            throw ExitCode(1)
        }
        // Merged under the log's lock, against the roster and log as they are at that moment.
        var clashes: [(person: Person, line: Int, walkIn: String)] = []
        var merge: RosterFile.Merge?
        try guarded { () throws(StoreError) in
            try store.updateRoster { roster, state throws(StoreError) in
                // An id a walk-in was given today (even one since undone) is never given again.
                clashes = reading.people.compactMap { p in state.walkInIDsEver[p.person.id].map { (p.person, p.line, $0) } }
                guard clashes.isEmpty else { return nil }
                let m = RosterFile.merge(existing: roster, imported: reading.people.map(\.person))
                merge = m
                return dryRun ? nil : m.roster
            }
        }
        if !clashes.isEmpty {
            for c in clashes { say("\(name), line \(c.line): the id \(c.person.id) was given to the walk-in \(c.walkIn) today; give this row another id") }
            say("Nothing was imported.")
            throw ExitCode(1)
        }
        guard let merge else { return }
        print("\(name): \(reading.encoding.rawValue), \(reading.people.count) people read.")
        print("  \(merge.added.count) new, \(merge.updated.count) updated, \(merge.unchanged) unchanged"
              + (merge.keptNotInFile.isEmpty ? "" : ", \(merge.keptNotInFile.count) kept that are not in this file"))
        if !reading.skippedLines.isEmpty {
            print("  left out because of errors: line " + reading.skippedLines.map(String.init).joined(separator: ", "))
        }
        for u in merge.updated.prefix(20) { print("  updated \(u.new.id): \(u.old.name) (\(u.old.ministry)) → \(u.new.name) (\(u.new.ministry))") }
        if dryRun { print("Dry run: nothing was written."); return }
        print("Saved \(merge.roster.count) people to \(RosterFile.fileName).")
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Verify event.toml, roster.csv and events.log; exit 3 if anything is wrong.")

    @OptionGroup var options: StoreOptions

    func run() throws {
        let dir = options.directory
        var problems: [String] = [], warnings: [String] = [], notes: [String] = []
        guard Posix.exists(dir + "/" + ConfigFile.fileName) else {
            throw fail(.noStore("\(dir) is not a mingle store (there is no \(ConfigFile.fileName) in it)."))
        }
        var said: [String] = []  // notes about the store, apart from events that no longer apply
        switch StoreAccess.exposure(directory: dir) {
        case .everyone(let path): problems.append(StoreAccess.everyoneMayWrite(path).description)
        case .group(let g): said.append(StoreAccess.groupMayWrite(dir, group: g).replacingPrefix("Note: ", with: ""))
        case nil: break
        }
        let last = EventLog.auditLastConfirmed(logPath: dir + "/" + Store.logName)
        if let p = last.problem { problems.append(p) }
        if let n = last.note { said.append(n) }
        var config: EventConfig?, configText = ""
        if let bytes = Posix.readFile(dir + "/" + ConfigFile.fileName) {
            configText = String(decoding: bytes, as: UTF8.self)
            let r = ConfigFile.read(configText)
            config = r.config
            problems += r.errors.map(\.description)
            warnings += r.warnings.map(\.description)
        } else {
            problems.append("\(ConfigFile.fileName): cannot be read: \(Posix.errorText())")
        }
        var roster: [Person] = []
        if let bytes = Posix.readFile(dir + "/" + RosterFile.fileName) {
            let r = RosterImport.read(bytes: bytes, file: RosterFile.fileName)
            problems += r.errors.map(\.description)
            warnings += r.warnings.map(\.description)
            roster = r.people.map(\.person)
        } else {
            problems.append("\(RosterFile.fileName): cannot be read: \(Posix.errorText())")
        }
        var goodLines = 0
        do {
            let audit = try LogRepair.audit(dir + "/" + Store.logName)
            goodLines = audit.goodLines
            for f in audit.findings {
                problems.append("\(Store.logName), line \(f.line): \(f.problem)"
                                + (f.needsRepair ? " — run `mingle repair`" : " — a torn end; the next write or `mingle repair` moves it aside"))
            }
        } catch { problems.append(error.description) }
        if let config {
            problems += ConfigFile.ownerProblems(configText, config, rosterIDs: Set(roster.map(\.id))).map(\.description)
            var opened: Store?
            if problems.isEmpty {
                // Opening checks across the files (a walk-in's id typed into the roster, say).
                do { opened = try Store(directory: dir) } catch { problems.append(error.description) }
            }
            if let store = opened {
                // Not damage: an undo took back what these events needed. Listed, so nothing is a surprise.
                let lineOf = Dictionary(uniqueKeysWithValues: store.state.history.enumerated().map { ($1.seq, $0 + 1) })
                for (seq, why) in store.state.refused.sorted(by: { $0.key < $1.key }) {
                    let e = store.state.event(seq: seq)!
                    notes.append("\(Store.logName), line \(lineOf[seq] ?? 0): event #\(seq) (\(e.event.kind)) no longer applies: \(why)")
                }
                // A writer whose clock was ahead drags every later line's time (time never runs back).
                let now = Posix.now()
                let future = store.state.history.filter { $0.time.millis - now.millis > 60_000 }
                if let first = future.first {
                    warnings.append("\(Store.logName), line \(lineOf[first.seq] ?? 0): stamped \(first.time.dateAndClock), "
                        + "\(ClockSkew.words(first.time.millis - now.millis)) after this computer's clock, by \(first.author.whereabouts)"
                        + (future.count > 1 ? " (\(future.count) lines are stamped later than now)" : "")
                        + ": that writer's clock was ahead, or this one is behind; the lines after it were stamped no earlier")
                }
            }
        }
        for w in warnings { say("warning: \(w)") }
        for n in said + notes { say("note: \(n)") }
        for p in problems { say(p) }
        if !problems.isEmpty { throw ExitCode(3) }
        print("OK: \(ConfigFile.fileName), \(RosterFile.fileName) (\(roster.count) people), \(Store.logName) (\(goodLines) events"
              + (notes.isEmpty ? ")." : "; \(notes.count) no longer apply, listed above)."))
    }
}

struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Move damaged log lines aside (into a file next to the log; nothing is deleted).")

    @OptionGroup var options: StoreOptions

    func run() throws {
        try refuseStoreWorkUnderRole(.repair, options)
        let dir = options.directory
        guard Posix.exists(dir + "/" + Store.logName) else { throw fail(.noStore("\(dir) has no \(Store.logName).")) }
        let outcome = try guarded { () throws(StoreError) in
            try LogRepair.repair(store: dir, author: currentAuthor(), now: Posix.now())
        }
        guard let outcome else { print("The log is fine; nothing to repair."); return }
        for f in outcome.findings {
            if outcome.moved.contains(f.line) { print("moved aside \(Store.logName) line \(f.line): \(f.problem)") }
            else if outcome.kept.contains(f.line) { print("kept \(Store.logName) line \(f.line): \(f.problem)") }
            else { print("went on after the last confirmed event: \(f.problem)") }
        }
        print((outcome.setAsideFile.isEmpty ? "" : "The damaged lines are in \(outcome.setAsideFile); ")
              + "the whole log as it was is in \(outcome.backupFile). The last line of the log says what repair did.")
    }
}
