#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import MingleCore
import MinglePaper
import MingleStore

/// Prints measured figures; it asserts nothing. See docs/performance.md.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure log replay (events/s, beside `cat` of the same file) and peak memory.")
    @Option(help: "Events in the simulated log.") var events = 100_000
    @Option(help: "People in the simulated roster.") var people = 1000
    @Option(help: "Replays to time (the median is reported).") var runs = 5
    @Flag(help: .hidden) var openOnce = false
    /// --store: use this store instead of simulating one (its log is only read).
    @OptionGroup var options: StoreOptions

    func run() throws {
        if openOnce, let dir = options.store {
            // The child that measures peak memory: a fresh process that only opens the store.
            let before = peakRSSKiB()
            let s = try guarded { () throws(StoreError) in try Store(directory: dir) }
            print("\(peakRSSKiB()) \(before) \(s.state.history.count)")
            return
        }
        let dir = try benchmarkStore(options, people: people, events: events)
        let logPath = dir + "/" + Store.logName
        var st = stat()
        stat(logPath, &st)
        var replay: [Double] = [], catTimes: [Double] = [], readTimes: [Double] = [], trueTimes: [Double] = []
        var count = 0
        var parse: [Double] = [], reduce: [Double] = [], rosterTimes: [Double] = []
        let s0 = try guarded { () throws(StoreError) in try Store(directory: dir) }
        for _ in 0..<runs {
            let tr = Posix.monotonicSeconds()
            _ = try guarded { () throws(StoreError) in try RosterFile.load(dir + "/" + RosterFile.fileName) }
            rosterTimes.append(Posix.monotonicSeconds() - tr)
            let t0 = Posix.monotonicSeconds()
            let events = try guarded { () throws(StoreError) in try EventLog.readAll(path: logPath) }
            let t1 = Posix.monotonicSeconds()
            _ = State.replay(config: s0.config, roster: s0.roster, events: events)
            parse.append(t1 - t0)
            reduce.append(Posix.monotonicSeconds() - t1)
        }
        for _ in 0..<runs {
            let t0 = Posix.monotonicSeconds()
            let s = try guarded { () throws(StoreError) in try Store(directory: dir) }
            replay.append(Posix.monotonicSeconds() - t0)
            count = s.state.history.count
            let t1 = Posix.monotonicSeconds()
            _ = spawn("/bin/cat", [logPath])
            catTimes.append(Posix.monotonicSeconds() - t1)
            let tt = Posix.monotonicSeconds()
            _ = spawn("/bin/true", [])
            trueTimes.append(Posix.monotonicSeconds() - tt)
            let t2 = Posix.monotonicSeconds()
            _ = Posix.readFile(logPath)
            readTimes.append(Posix.monotonicSeconds() - t2)
        }
        let med = median(replay)
        print("log: \(logPath), \(count) events, \(st.st_size) bytes")
        print(String(format: "replay (open store: config, roster, parse, reduce): median %.1f ms, min %.1f ms → %.2f M events/s",
                     med * 1000, replay.min()! * 1000, Double(count) / med / 1e6))
        print(String(format: "  of which roster.csv (%d people): median %.1f ms; log read + parse: median %.1f ms; reduce (State.replay): median %.1f ms",
                     s0.roster.count, median(rosterTimes) * 1000, median(parse) * 1000, median(reduce) * 1000))
        print(String(format: "cat of the same file: median %.1f ms, of which %.1f ms is starting a process (/bin/true)",
                     median(catTimes) * 1000, median(trueTimes) * 1000))
        print(String(format: "reading the file into memory in-process: median %.2f ms", median(readTimes) * 1000))
        // Why the line parser is hand-written: the same lines as JSON objects, read by JSONDecoder.
        let jsonLines = try jsonCopy(of: logPath)
        let tj = Posix.monotonicSeconds()
        let decoder = JSONDecoder()
        var decoded = 0
        for line in jsonLines { if (try? decoder.decode([String: String].self, from: line)) != nil { decoded += 1 } }
        let jsonSeconds = Posix.monotonicSeconds() - tj
        print(String(format: "for comparison, the same %d lines as JSON objects through JSONDecoder: %.1f ms → %.2f M lines/s (no reduce)",
                     decoded, jsonSeconds * 1000, Double(decoded) / jsonSeconds / 1e6))
        // The encounter projection of the whole day: pairs alone, and the whole report (people,
        // stalls, ministry × ministry) that `mingle export encounters` writes.
        let room = s0.state.room, end = room.countingUntil(now: s0.state.lastTime ?? Posix.now())
        var pairTimes: [Double] = [], reportTimes: [Double] = []
        var report = room.encounterReport(now: end)
        for _ in 0..<runs {
            let t0 = Posix.monotonicSeconds()
            _ = room.encounters(now: end)
            let t1 = Posix.monotonicSeconds()
            report = room.encounterReport(now: end)
            pairTimes.append(t1 - t0)
            reportTimes.append(Posix.monotonicSeconds() - t1)
        }
        print(String(format: "encounters of the day (%d seatings → %d pairs of %d+ min): pairs median %.1f ms; whole report (people, stalls, ministries) median %.1f ms, max %.1f ms",
                     room.seatings.count, report.pairs.count, report.minimumMinutes, median(pairTimes) * 1000, median(reportTimes) * 1000,
                     reportTimes.max()! * 1000))
        // The simulated day moves people every minute or two, so few pairs reach 10 minutes; the
        // same with a one-minute threshold shows the cost when pairs are many.
        var oneMinute: [Double] = []
        for _ in 0..<runs {
            let t0 = Posix.monotonicSeconds()
            report = room.encounterReport(now: end, minimum: 0)
            oneMinute.append(Posix.monotonicSeconds() - t0)
        }
        print(String(format: "  the same with no minimum (every pair who shared a table: %d): whole report median %.1f ms, max %.1f ms",
                     report.pairs.count, median(oneMinute) * 1000, oneMinute.max()! * 1000))
        try benchPaper(s0, dir: dir)
        let child = try capture(CommandLine.arguments[0], ["bench", "--open-once", "--store", dir]).split(separator: " ")
        if child.count == 3, let peak = Int(child[0]), let before = Int(child[1]) {
            print("peak RSS of a process that opens this store: \(peak / 1024) MiB (\(before / 1024) MiB before opening it)")
        }
    }

    /// Paper: tags for everyone and the after-event report, rendered in-process, then the whole
    /// commands (start, open the store, render, write) run on a copy of the store, since
    /// `mingle badges` records what it wrote.
    private func benchPaper(_ store: Store, dir: String) throws {
        let room = store.state.room, now = store.state.lastTime ?? Posix.now()
        var badgeTimes: [Double] = [], reportTimes: [Double] = []
        var bytes = (0, 0)
        for _ in 0..<runs {
            let t0 = Posix.monotonicSeconds()
            let html = Badges.html(room.people, config: store.config)
            let t1 = Posix.monotonicSeconds()
            let pages = Report.make(room, now: now)
            reportTimes.append(Posix.monotonicSeconds() - t1)
            badgeTimes.append(t1 - t0)
            bytes = (html.utf8.count, pages.html.utf8.count + pages.markdown.utf8.count)
        }
        print(String(format: "paper, rendered in-process: name tags for %d people median %.0f ms (%.1f MB of HTML); the report (HTML + Markdown) median %.0f ms (%.0f KB)",
                     room.people.count, median(badgeTimes) * 1000, Double(bytes.0) / 1e6, median(reportTimes) * 1000, Double(bytes.1) / 1e3))
        let copy = try makeTemporaryFolder("mingle-bench-paper")
        defer { try? FileManager.default.removeItem(atPath: copy) }
        for name in [ConfigFile.fileName, RosterFile.fileName, Store.logName] {
            try FileManager.default.copyItem(atPath: dir + "/" + name, toPath: copy + "/store-" + name)
        }
        var badgeRuns: [Double] = [], reportRuns: [Double] = []
        for i in 0..<runs {
            // A fresh copy each time: the first `badges` run would otherwise leave later ones nothing to record.
            let store = copy + "/s\(i)"
            try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: false)
            for name in [ConfigFile.fileName, RosterFile.fileName, Store.logName] {
                try FileManager.default.copyItem(atPath: copy + "/store-" + name, toPath: store + "/" + name)
            }
            let t0 = Posix.monotonicSeconds()
            _ = try capture(CommandLine.arguments[0], ["badges", "--store", store, "--out", store + "/badges.html"])
            let t1 = Posix.monotonicSeconds()
            _ = try capture(CommandLine.arguments[0], ["report", "--store", store, "--out", store + "/report"])
            badgeRuns.append(t1 - t0)
            reportRuns.append(Posix.monotonicSeconds() - t1)
        }
        print(String(format: "  whole commands on a copy of the store (start, open, render, write; badges also records %d events): mingle badges median %.0f ms, max %.0f ms; mingle report --out median %.0f ms, max %.0f ms",
                     room.people.count, median(badgeRuns) * 1000, badgeRuns.max()! * 1000, median(reportRuns) * 1000, reportRuns.max()! * 1000))
    }

    /// Each log line as a flat JSON object of its fields.
    private func jsonCopy(of path: String) throws -> [Data] {
        guard let bytes = Posix.readFile(path) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { line in
            var obj: [String: String] = [:]
            for (i, tok) in line.split(separator: " ").enumerated() {
                if let eq = tok.firstIndex(of: "=") { obj[String(tok[..<eq])] = String(tok[tok.index(after: eq)...]) }
                else { obj[["seq", "time", "type"][min(i, 2)]] = String(tok) }
            }
            return (try? JSONSerialization.data(withJSONObject: obj)) ?? Data()
        }
    }

    private func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }

    /// VmHWM from /proc: the peak resident set of this process image. (ru_maxrss is not used:
    /// Linux carries it across exec, so a child would report its parent's peak.)
    private func peakRSSKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }

    /// posix_spawn with stdout to /dev/null: Foundation's Process takes ~50 ms to start one here,
    /// which would hide what `cat` itself costs.
    private func spawn(_ path: String, _ args: [String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid = pid_t()
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return status
    }

    private func capture(_ path: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice  // the children's "Wrote …" lines are not figures
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

}
