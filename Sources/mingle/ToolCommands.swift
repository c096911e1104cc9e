#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import MingleCore
import MingleStore
import MingleTerminal

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write a realistic afternoon into a store (for tests and benchmarks).",
        discussion: "Makes the store with the sample stalls when the folder holds none; adds made-up people (ids SIM0001…) until the roster has --people; needs an empty log.")
    @OptionGroup var options: StoreOptions
    @Option(help: "People in the roster.") var people = 100
    @Option(help: "Events to write.") var events = 1000
    @Option(help: "Seed: the same seed writes the same day.") var seed: UInt64 = 1

    func validate() throws {
        guard people > 0, events > 0 else { throw ValidationError("--people and --events must be positive") }
    }

    func run() throws {
        try refuseStoreWorkUnderRole(.simulate, options)
        let sim = Simulator(people: people, events: events, seed: seed)
        let dir = options.directory
        if !Posix.exists(dir + "/" + ConfigFile.fileName) {
            // A new store: the sample stalls, owned by senior POs of the simulated roster, so the
            // store is consistent (`mingle check` finds every owner on the roster).
            let roster = sim.extraPeople(existing: [])
            var config = SampleEvent.config
            let seniors = roster.filter { $0.role == .senior }
            for i in config.stalls.indices { config.stalls[i].owners = seniors.indices.contains(i) ? [seniors[i].id] : [] }
            try guarded { () throws(StoreError) in try StoreSetup.create(at: dir, config: config, roster: roster) }
        }
        let store = try options.open()
        guard store.state.history.isEmpty else {
            throw fail(.refused(Refusal("simulate writes a whole day and needs an empty log; \(dir) already has \(store.state.history.count) events")))
        }
        guard !store.config.stalls.isEmpty else {
            // Without stalls there is no open chat to simulate: the day would quietly be short.
            throw fail(.refused(Refusal("\(dir) has no stalls in event.toml, so open chat (seats, help requests) cannot be "
                + "simulated; no events were written. Add stalls to event.toml, or simulate into a new folder (it gets the sample stalls).")))
        }
        let extra = sim.extraPeople(existing: store.roster)
        let now = Posix.now()
        let sign = now.offsetMinutes < 0 ? "-" : "+"
        let off = abs(now.offsetMinutes)
        let startText = "\(store.config.date.isEmpty ? "2026-12-04" : store.config.date)T13:30:00.000\(sign)\(off / 60 < 10 ? "0" : "")\(off / 60):\(off % 60 < 10 ? "0" : "")\(off % 60)"
        let start = Timestamp.parse(startText) ?? now
        // pid 0: the same seed writes the same bytes, whoever runs it.
        let author = Author(user: "simulator", role: "simulate", terminal: "-", pid: 0)
        // The day is made first, in memory: a day that cannot hold what was asked writes nothing.
        let day = sim.makeDay(from: State(config: store.config, roster: store.roster + extra), start: start, author: author)
        guard day.count == events else {
            throw fail(.refused(Refusal("a day of \(store.roster.count + extra.count) people holds only \(day.count) of the "
                + "\(events) events asked for; no events were written. Ask for fewer --events or more --people.")))
        }
        if !extra.isEmpty { try guarded { () throws(StoreError) in try store.saveRoster(store.roster + extra) } }
        try guarded { () throws(StoreError) in try store.appendBatch(day, by: author) }
        print("Wrote \(day.count) events for \(store.roster.count) people into \(dir).")
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Make a store with the sample event in a new temporary folder and open it.")
    @Option(help: "Make the demo store in this folder (default: a new temporary folder; $MINGLE_STORE is not used).")
    var store: String?
    @OptionGroup var screen: ScreenOptions

    func run() throws {
        let dir = try store ?? makeTemporaryFolder("mingle-demo")
        try guarded { () throws(StoreError) in try StoreSetup.create(at: dir, config: SampleEvent.config, roster: SampleEvent.people) }
        let opened = try guarded { () throws(StoreError) in try Store(directory: dir) }
        if isatty(0) == 1 && isatty(1) == 1 {
            try openScreens(dir, screen)
            print("The demo store is in \(dir). Open it again with: mingle --store \(dir)")
            return
        }
        print(Sanitizer.cleanLines(StatusText.render(opened)))
        print("""

        The demo store is in \(dir).
        Open its screens in a terminal with: mingle --store \(dir)
        """)
    }
}

struct StressAppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress-append", abstract: "Append COUNT messages, each through the full locked append (for tests).",
        shouldDisplay: false)
    @OptionGroup var options: StoreOptions
    @Option var count = 1000

    func run() throws {
        try refuseStoreWorkUnderRole(.simulate, options)
        let store = try options.open()
        let me = currentAuthor(role: "stress")
        for i in 1...max(1, count) {
            try guarded { () throws(StoreError) in try store.append(.message(text: "stress \(me.pid) \(i)"), by: me) }
        }
    }
}
