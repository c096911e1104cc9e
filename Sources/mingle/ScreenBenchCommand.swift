#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import MingleCore
import MingleStore
import MingleTerminal
import MingleTUI

/// Prints measured figures for the screens; asserts nothing. See docs/performance.md.
struct ScreenBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-screens",
        abstract: "Measure the screens: key→frame work, bytes per key, start to first frame, append to screen, idle CPU.")
    @Option(help: "Events in the simulated log.") var events = 100_000
    @Option(help: "People in the simulated roster.") var people = 1000
    @Option(help: "Samples per figure.") var samples = 200
    @Option(help: "Seconds each idle screen is watched for its CPU use.") var idleSeconds = 60
    @OptionGroup var options: StoreOptions

    func run() throws {
        let dir = try benchmarkStore(options, people: people, events: events)
        try appWork(dir)
        try terminalFigures(dir)
        try programFigures(dir)
        try stallFigures(dir)
    }

    /// A stall owner's screen and the room view at 200×60: the simulated day taken back into open
    /// chat (a copy: tables full again, the day's seatings behind them), key→frame in-process.
    private func stallFigures(_ simulated: String) throws {
        let copy = try makeTemporaryFolder("mingle-bench-stalls") + "/store"
        mkdir(copy, 0o700)
        for file in [ConfigFile.fileName, RosterFile.fileName, Store.logName] {
            guard let bytes = Posix.readFile(simulated + "/" + file) else { throw fail(.io("cannot copy \(file) to \(copy)")) }
            try guarded { () throws(StoreError) in try Posix.writeFileAtomically(copy + "/" + file, bytes, mode: 0o600) }
        }
        let store = try guarded { () throws(StoreError) in try Store(directory: copy) }
        let me = Author(user: "bench", role: "stall:S1", terminal: "-", pid: 0)
        if store.state.room.phase == .photo {
            try guarded { () throws(StoreError) in
                try store.append(by: me) { s throws(Refusal) in try s.room.events(for: .phaseBack(reason: "bench")) }
            }
        }
        guard let stall = store.config.stalls.first?.id else { return }
        for kind in [ScreenKind.stall(stall), .stall(nil)] {
            let app = App(store: store, screen: kind, locked: kind != .stall(nil), author: me, now: Posix.now)
            var canvas = MemoryCanvas(rows: 60, columns: 200)
            app.draw(&canvas)
            // The owner types a name, moves, clears; the room view moves; and plain frames.
            let keys: [Key?] = kind == .stall(nil) ? [.down, .down, .up, nil] : [.char("陳"), .down, .escape, .down, .up, nil]
            var times: [Double] = []
            for i in 0..<samples {
                let t = Posix.monotonicSeconds()
                if let k = keys[i % keys.count] { app.handle(k) }
                app.draw(&canvas)
                times.append(Posix.monotonicSeconds() - t)
            }
            let room = store.state.room
            print(String(format: "%@ in open chat (%d seated, %d seatings today), 200×60: key → frame p50 %.3f ms, p99 %.3f ms over %d",
                         kind == .stall(nil) ? "room view" : "stall \(stall)'s screen", room.seated.reduce(0) { $0 + $1.count },
                         room.seatings.count, pct(times, 50) * 1000, pct(times, 99) * 1000, times.count))
        }
    }

    /// The timekeeper and the board: key→frame in-process at 200×60, and the CPU the real binary
    /// uses while it sits there — with the clocks running (a frame a second) and before the day
    /// begins (asleep until something happens).
    private func programFigures(_ simulated: String) throws {
        // The simulated day, as it ended; and a day stopped in the introductions, clocks running.
        let running = try makeRunningStore(from: simulated)
        for (dir, label) in [(simulated, "the simulated day, ended"), (running, "introductions running")] {
            let store = try guarded { () throws(StoreError) in try Store(directory: dir) }
            for kind in [ScreenKind.timekeeper, .board] {
                let app = App(store: store, screen: kind, locked: true,
                              author: Author(user: "bench", role: kind.roleName, terminal: "-", pid: 0), now: Posix.now)
                var canvas = MemoryCanvas(rows: 60, columns: 200)
                app.draw(&canvas)
                var times: [Double] = []
                // No key on either writes; the keys that move or open something, and a plain frame.
                let keys: [Key?] = kind == .timekeeper ? [.down, .up, .down, .char("?"), .escape, nil] : [.char("?"), .escape, nil]
                for i in 0..<samples {
                    let t = Posix.monotonicSeconds()
                    if let k = keys[i % keys.count] { app.handle(k) }
                    app.draw(&canvas)
                    times.append(Posix.monotonicSeconds() - t)
                }
                print(String(format: "%@ (%@), 200×60: key or tick → frame p50 %.3f ms, p99 %.3f ms over %d",
                             kind.roleName, label, pct(times, 50) * 1000, pct(times, 99) * 1000, times.count))
            }
        }
        let fresh = try makeRunningStore(from: simulated, introductions: false)
        for (dir, kind, label) in [(running, "timekeeper", "clocks running"), (running, "board", "a speaker's time running"),
                                   (fresh, "timekeeper", "before the day begins")] {
            let cpu = try idleCPU(dir, role: kind)
            print(String(format: "idle %@ (%@), real binary on a pty, %d s: %.2f %% of one core (%.0f ms of CPU)",
                         kind, label, idleSeconds, cpu.percent, cpu.milliseconds))
        }
    }

    /// A copy of the store's roster and config with a day stopped in the introductions (a speaker
    /// talking), or nothing happened yet.
    private func makeRunningStore(from dir: String, introductions: Bool = true) throws -> String {
        let copy = try makeTemporaryFolder("mingle-bench-program") + "/store"
        let source = try guarded { () throws(StoreError) in try Store(directory: dir) }
        try guarded { () throws(StoreError) in try StoreSetup.create(at: copy, config: source.config, roster: source.roster) }
        guard introductions else { return copy }
        let store = try guarded { () throws(StoreError) in try Store(directory: copy) }
        let me = Author(user: "bench", role: "timekeeper", terminal: "-", pid: 0)
        try guarded { () throws(StoreError) in
            try store.appendBatch(store.roster.prefix(300).map { (.checkIn(person: $0.id), Posix.now()) }, by: me)
            for _ in 0..<2 { try store.append(by: me) { s throws(Refusal) in try s.room.events(for: .phaseNext(reason: "")) } }
            try store.append(by: me) { s throws(Refusal) in try s.room.events(for: .introNext) }
        }
        return copy
    }

    /// CPU time (user + system) the real binary takes over `idleSeconds` on a 200×60 pty.
    private func idleCPU(_ dir: String, role: String) throws -> (percent: Double, milliseconds: Double) {
        var ws = winsize(ws_row: 60, ws_col: 200, ws_xpixel: 0, ws_ypixel: 0)
        func cStrings(_ list: [String]) -> [UnsafeMutablePointer<CChar>?] { list.map { s in strdup(s) } + [nil] }
        let argv = cStrings([CommandLine.arguments[0], "--store", dir, "--role", role])
        let envp = cStrings(["TERM=xterm-256color", "LANG=C.UTF-8", "USER=bench"])
        var master: Int32 = -1
        let pid = forkpty(&master, nil, nil, &ws)
        if pid == 0 {
            execve(argv[0]!, argv, envp)
            _exit(127)
        }
        defer { kill(pid, SIGTERM); var st: Int32 = 0; waitpid(pid, &st, 0) }
        _ = readChunk(master, timeout: 5)
        drain(master)
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let before = cpuTicks(pid), start = Posix.monotonicSeconds()
        // Keep reading what it draws, as a terminal would.
        while Posix.monotonicSeconds() - start < Double(idleSeconds) { _ = readChunk(master, timeout: 0.5) }
        let used = Double(cpuTicks(pid) - before) / ticks
        return (used / (Posix.monotonicSeconds() - start) * 100, used * 1000)
    }

    /// utime + stime of a process, in clock ticks (/proc/PID/stat fields 14 and 15).
    private func cpuTicks(_ pid: pid_t) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After "pid (comm)": state is field 3, so utime (14) and stime (15) are at 11 and 12.
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }

    /// In-process: one key handled and the whole frame drawn into a 200×60 canvas.
    private func appWork(_ dir: String) throws {
        let store = try guarded { () throws(StoreError) in try Store(directory: dir) }
        let app = App(store: store, screen: .reception, locked: false,
                      author: Author(user: "bench", role: "reception", terminal: "-", pid: 0), now: Posix.now)
        var canvas = MemoryCanvas(rows: 60, columns: 200)
        app.draw(&canvas)
        let names = store.state.room.people.map(\.name)
        var times: [Double] = []
        var rng = SplitMix64(seed: 3)
        for i in 0..<samples {
            let keys: [Key] = i % 4 == 3 ? [.escape] : i % 4 == 2 ? [.down] : [.char(names.randomElement(using: &rng)!.first!)]
            for k in keys {
                let t = Posix.monotonicSeconds()
                app.handle(k)
                app.draw(&canvas)
                times.append(Posix.monotonicSeconds() - t)
            }
        }
        print("\(store.state.history.count) events, \(store.state.room.people.count) people, 200×60")
        print(String(format: "key → frame (handle + draw, no terminal I/O): p50 %.3f ms, p99 %.3f ms, max %.3f ms over %d keys",
                     pct(times, 50) * 1000, pct(times, 99) * 1000, times.max()! * 1000, times.count))
    }

    /// The real binary on a pseudo-terminal: what it writes, and when.
    private func terminalFigures(_ dir: String) throws {
        var ws = winsize(ws_row: 60, ws_col: 200, ws_xpixel: 0, ws_ypixel: 0)
        func cStrings(_ list: [String]) -> [UnsafeMutablePointer<CChar>?] { list.map { s in strdup(s) } + [nil] }
        // Made before forkpty: the child only calls execve.
        let argv = cStrings([CommandLine.arguments[0], "--store", dir])
        let envp = cStrings(["TERM=xterm-256color", "LANG=C.UTF-8", "USER=bench"])
        var master: Int32 = -1
        let start = Posix.monotonicSeconds()
        let pid = forkpty(&master, nil, nil, &ws)
        if pid == 0 {
            execve(argv[0]!, argv, envp)
            _exit(127)
        }
        defer { kill(pid, SIGTERM); var st: Int32 = 0; waitpid(pid, &st, 0) }
        // Start to first frame: until the status line (the last thing drawn) has arrived.
        var seen: [UInt8] = []
        while !String(decoding: seen, as: UTF8.self).contains("F1") {
            guard let chunk = readChunk(master, timeout: 5) else { break }
            seen += chunk
        }
        let firstFrame = Posix.monotonicSeconds() - start
        drain(master)
        let logged = (try? Store(directory: dir))?.state.history.count ?? 0
        print(String(format: "start → first frame (real binary on a pty, %d-event log): %.1f ms", logged, firstFrame * 1000))

        // Typing names as a host does: each character narrows the list; Esc clears it again.
        let names = (try? Store(directory: dir))?.state.room.people.map(\.name).filter { $0.count == 3 }.prefix(20) ?? []
        var firstChar: [Int] = [], laterChars: [Int] = [], escapes: [Int] = [], arrows: [Int] = []
        func send(_ bytes: [UInt8]) -> Int {
            _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            return drain(master)
        }
        for name in names {
            for (i, ch) in name.enumerated() {
                let n = send(Array(String(ch).utf8))
                if i == 0 { firstChar.append(n) } else { laterChars.append(n) }
            }
            arrows.append(send([0x1B, 0x5B, 0x42]))  // Down
            escapes.append(send([0x1B]))
        }
        func summary(_ v: [Int]) -> String { v.isEmpty ? "-" : "median \(pct(v.map(Double.init), 50).asInt) B, max \(v.max()!) B" }
        print("bytes written per keystroke, typing \(names.count) names at 200×60:")
        print("  first character (the whole list changes): \(summary(firstChar))")
        print("  next characters (the list narrows): \(summary(laterChars))")
        print("  ↓ (the highlight moves): \(summary(arrows));  Esc (back to everyone): \(summary(escapes))")
        let unchanged = [UInt8]([0x1B, 0x5B, 0x32, 0x34, 0x7E])  // F12: bound to nothing
        var nothing: [Int] = []
        for _ in 0..<10 {
            _ = unchanged.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            nothing.append(drain(master))
        }
        print("bytes written for a key that changes nothing (F12): max \(nothing.max() ?? 0) B")

        // Another process's append → the first byte of the redraw on the pty.
        let other = try guarded { () throws(StoreError) in try Store(directory: dir) }
        let author = Author(user: "desk2", role: "reception", terminal: "-", pid: Int(getpid()))
        let waiting = other.state.room.people.indices.filter { !other.state.room.presence[$0].isHere }
        var latencies: [Double] = [], appendTimes: [Double] = []
        for p in waiting.prefix(min(samples, 100)) {
            drain(master)
            let id = other.state.room.people[p].id
            // Timed from the start of the other writer's append (lock, write, fsync included):
            // the screen may redraw before that call even returns.
            let t = Posix.monotonicSeconds()
            _ = try? other.append(.checkIn(person: id), by: author)
            appendTimes.append(Posix.monotonicSeconds() - t)
            guard readChunk(master, timeout: 2) != nil else { continue }
            latencies.append(Posix.monotonicSeconds() - t)
        }
        if !latencies.isEmpty {
            print(String(format: "another process's append → first byte of the redraw: p50 %.2f ms, p99 %.2f ms over %d appends (the append itself: p50 %.2f ms)",
                         pct(latencies, 50) * 1000, pct(latencies, 99) * 1000, latencies.count, pct(appendTimes, 50) * 1000))
        }
    }

    /// Reads what is there within `timeout` seconds; nil when nothing came.
    private func readChunk(_ fd: Int32, timeout: Double) -> [UInt8]? {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, Int32(timeout * 1000)) > 0 else { return nil }
        var buf = [UInt8](repeating: 0, count: 65_536)
        let n = read(fd, &buf, buf.count)
        return n > 0 ? Array(buf[0..<n]) : nil
    }

    /// Reads until the program has been quiet for 60 ms; returns the bytes read.
    @discardableResult
    private func drain(_ fd: Int32) -> Int {
        var total = 0
        while let chunk = readChunk(fd, timeout: 0.06) { total += chunk.count }
        return total
    }

    private func pct(_ v: [Double], _ p: Int) -> Double {
        let s = v.sorted()
        return s[min(s.count - 1, s.count * p / 100)]
    }
}

private extension Double {
    var asInt: Int { Int(self) }
}
