import Foundation
import MingleCore
import MingleStore
import Testing

@Suite("The mingle command")
struct CLITests {
    @Test func statusJSONKeepsTheContract() throws {
        let dir = try sampleStoreFolder()
        #expect(try CLI.run(["checkin", "P001", "--store", dir]).status == 0)
        for cmd in [["phase", "next"], ["phase", "next"], ["phase", "next"], ["seat", "P001", "S2"], ["help-request", "on", "S3"]] {
            let r = try CLI.run(cmd + ["--store", dir])
            #expect(r.status == 0, "\(cmd): \(r.err)")
        }
        let s = try statusJSON(dir)
        #expect(s["phase"] as? String == "chat")
        let people = try #require(s["people"] as? [[String: Any]])
        #expect(people.count == 80)
        let p1 = try #require(people.first { $0["id"] as? String == "P001" })
        #expect(Set(p1.keys).isSuperset(of: ["id", "name", "ministry", "role", "checked_in", "checked_out", "stall"]))
        #expect(p1["checked_in"] as? Bool == true && p1["checked_out"] as? Bool == false && p1["stall"] as? String == "S2")
        #expect(p1["role"] as? String == "new")
        let p2 = try #require(people.first { $0["id"] as? String == "P002" })
        #expect(p2["stall"] is NSNull && p2["checked_in"] as? Bool == false)
        let stalls = try #require(s["stalls"] as? [[String: Any]])
        #expect(stalls.count == 8)
        let s2 = try #require(stalls.first { $0["id"] as? String == "S2" })
        #expect(s2["seated"] as? [String] == ["P001"] && s2["seats"] as? Int == 8 && s2["help_requested"] as? Bool == false)
        #expect(stalls.first { $0["id"] as? String == "S3" }?["help_requested"] as? Bool == true)
        let intro = try #require(s["introductions"] as? [String: Any])
        #expect(intro["current"] is NSNull && intro["done"] as? [String] == [] && intro["queue"] as? [String] == ["P001"])
        let log = try #require(s["log"] as? [String: Any])
        #expect(log["events"] as? Int == 6 && log["last_seq"] as? Int == 6)
    }

    @Test func exitCodes() throws {
        let dir = try sampleStoreFolder()
        #expect(try CLI.run(["checkin", "P001", "--store", dir]).status == 0)
        let twice = try CLI.run(["checkin", "P001", "--store", dir])
        #expect(twice.status == 1)
        #expect(twice.err.contains("is already checked in at"))
        #expect(try CLI.run(["checkin", "nobody-like-this", "--store", dir]).status == 1)
        #expect(try CLI.run(["seat", "P001", "S1", "--store", dir]).status == 1)  // not open chat yet
        #expect(try CLI.run(["phase", "lunch", "--store", dir]).status == 2)
        #expect(try CLI.run(["frobnicate"]).status == 2)
        let none = try CLI.run(["status", "--store", temporaryFolder()])
        #expect(none.status == 3)
        #expect(none.err.contains("is not a mingle store"))
        let missing = try CLI.run(["status", "--store", "/nonexistent/place"])
        #expect(missing.status == 3 && missing.err.contains("there is no folder /nonexistent/place"))
    }

    @Test func theScreensWithoutATerminalSaySoAndExitTwo() throws {
        let dir = try sampleStoreFolder()
        let r = try CLI.run(["run", "--store", dir])
        #expect(r.status == 2)
        #expect(r.err.contains("need a terminal"))
        #expect(try CLI.run(["run", "--role", "kitchen", "--store", dir]).status == 2)
    }

    @Test func storeComesFromTheEnvironmentWhenNotGiven() throws {
        let dir = try sampleStoreFolder()
        let r = try CLI.run(["checkin", "P003"], env: ["MINGLE_STORE": dir])
        #expect(r.status == 0 && r.out.contains("checked in"))
    }

    @Test func aNameFragmentFindsOneOrListsTheCandidates() throws {
        let dir = try sampleStoreFolder()
        let store = try Store(directory: dir)
        let r = store.state.room
        // A surname shared by several people in the sample, and a full unique name.
        let surnames = Dictionary(grouping: r.people.filter { $0.name.count == 3 }, by: { String($0.name.prefix(1)) })
        let (shared, group) = try #require(surnames.first { $0.value.count >= 2 })
        let ambiguous = try CLI.run(["checkin", shared, "--store", dir])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.err.contains("matches \(group.count) people"))
        for p in group { #expect(ambiguous.err.contains(p.id)) }
        let one = try CLI.run(["checkin", group[0].name, "--store", dir])
        #expect(one.status == 0 && one.out.contains(group[0].name))
    }

    @Test func walkInIntroductionsAndUndo() throws {
        let dir = try sampleStoreFolder()
        let w = try CLI.run(["walkin", "趙 新人", "--ministry", "農業部", "--role", "新任", "--store", dir])
        #expect(w.status == 0 && w.out.contains("as W001"))
        try CLI.run(["checkin", "P002", "--store", dir])
        try CLI.run(["phase", "introductions", "--reason", "no opening talk today", "--store", dir])
        #expect(try CLI.run(["intro", "move", "P002", "1", "--store", dir]).status == 0)
        #expect(try CLI.run(["intro", "next", "--store", dir]).out.contains("started their introduction"))
        var s = try statusJSON(dir)
        #expect((s["introductions"] as? [String: Any])?["current"] as? String == "P002")
        #expect(try CLI.run(["intro", "next", "--store", dir]).status == 0)
        s = try statusJSON(dir)
        let intro = try #require(s["introductions"] as? [String: Any])
        #expect(intro["current"] as? String == "W001" && intro["done"] as? [String] == ["P002"])
        // One command, one undo: `intro next` wrote "P002 done" and "W001 started"; both go back.
        let undo = try CLI.run(["undo", "--store", dir])
        #expect(undo.status == 0 && undo.out.contains("undid #") && undo.out.contains("finished their introduction")
                && undo.out.contains("started their introduction"), "\(undo.out)")
        let back = try #require((try statusJSON(dir))["introductions"] as? [String: Any])
        #expect(back["current"] as? String == "P002" && back["done"] as? [String] == [])
        let redo = try CLI.run(["redo", "--store", dir])
        #expect(redo.status == 0 && redo.out.contains("redid #"), "\(redo.out)")
        #expect(((try statusJSON(dir))["introductions"] as? [String: Any])?["current"] as? String == "W001")
        let log = try CLI.run(["log", "--store", dir])
        #expect(log.out.contains("[undone by #"))
    }

    @Test func filesAreCreatedPrivateWhateverTheUmask() throws {
        for (mask, shared, expected) in [("022", false, "600"), ("002", false, "600"), ("077", false, "600"), ("077", true, "660"), ("000", true, "660")] {
            let parent = temporaryFolder()
            let dir = parent + "/s"
            if shared { mkdir(dir, 0o700); chmod(dir, 0o2770) }
            let r = try CLI.run(["init", dir, "--sample"], shell: "umask \(mask); exec")
            #expect(r.status == 0, "\(r.err)")
            try CLI.run(["checkin", "P001", "--store", dir], shell: "umask \(mask); exec")
            try CLI.run(["simulate", "--store", dir, "--people", "90", "--events", "1"], shell: "umask \(mask); exec")
            for f in ["event.toml", "roster.csv", "events.log"] {
                let mode = try FileManager.default.attributesOfItem(atPath: dir + "/" + f)[.posixPermissions] as? Int
                #expect(mode.map { String($0, radix: 8) } == expected, "\(f) under umask \(mask), shared \(shared)")
            }
        }
    }

    @Test func fourProcessesAppendingTwentyThousandLinesLoseNothing() throws {
        let dir = try sampleStoreFolder()
        let writers = try (0..<4).map { _ in try CLI.start(["stress-append", "--count", "5000", "--store", dir]) }
        for w in writers { w.waitUntilExit(); #expect(w.terminationStatus == 0) }
        let lines = String(decoding: FileManager.default.contents(atPath: dir + "/events.log")!, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 20_000)
        let events = try EventLog.readAll(path: dir + "/events.log")
        #expect(events.map(\.seq) == Array(1...20_000))
        var perWriter: [Int: [Int]] = [:]
        for e in events {
            guard case .message(let text) = e.event else { Issue.record("not a message"); continue }
            let parts = text.split(separator: " ")
            perWriter[Int(parts[1])!, default: []].append(Int(parts[2])!)
        }
        #expect(perWriter.count == 4)
        for (_, numbers) in perWriter { #expect(numbers == Array(1...5000), "each writer's lines, in order, none lost or doubled") }
        #expect(try CLI.run(["check", "--store", dir]).status == 0)
    }

    @Test func simulateWritesTheSameDayForTheSameSeed() throws {
        let a = temporaryFolder() + "/a", b = temporaryFolder() + "/b"
        for d in [a, b] { #expect(try CLI.run(["simulate", "--store", d, "--people", "120", "--events", "3000", "--seed", "5"]).status == 0) }
        #expect(FileManager.default.contents(atPath: a + "/events.log") == FileManager.default.contents(atPath: b + "/events.log"))
        let store = try Store(directory: a)
        #expect(store.state.history.count == 3000)
        #expect(store.state.refused.isEmpty)
        #expect(store.state.room.phase == .photo)
        #expect(store.state.room.encounters(now: store.state.lastTime!).isEmpty == false)
        #expect(try CLI.run(["simulate", "--store", a, "--events", "5"]).status == 1)  // the log is not empty
    }

    @Test func checkAndRepairFromTheCommandLine() throws {
        let dir = try sampleStoreFolder()
        for p in ["P001", "P002", "P003", "P004"] { try CLI.run(["checkin", p, "--store", dir]) }
        var log = Array(FileManager.default.contents(atPath: dir + "/events.log")!)
        let second = log.firstIndex(of: 10)! + 5
        log[second] ^= 1
        FileManager.default.createFile(atPath: dir + "/events.log", contents: Data(log))
        let check = try CLI.run(["check", "--store", dir])
        #expect(check.status == 3)
        #expect(check.err.contains("events.log, line 2: its checksum does not match"))
        let refused = try CLI.run(["checkin", "P005", "--store", dir])
        #expect(refused.status == 3 && refused.err.contains("events.log, line 2") && refused.err.contains("mingle repair"))
        let repair = try CLI.run(["repair", "--store", dir])
        #expect(repair.status == 0 && repair.out.contains("moved aside events.log line 2"))
        #expect(try CLI.run(["check", "--store", dir]).status == 0)
        #expect(try CLI.run(["checkin", "P005", "--store", dir]).status == 0)
    }

    @Test func importFromTheCommandLine() throws {
        let dir = try sampleStoreFolder()
        let csv = temporaryFolder() + "/名單.csv"
        FileManager.default.createFile(atPath: csv, contents: Data("編號,姓名,機關,身分\nP001,林明哲,內政部,新任\nN1,新朋友,農業部,來賓\nN2,壞,教育部,老闆\n".utf8))
        let bad = try CLI.run(["import", csv, "--store", dir])
        #expect(bad.status == 1)
        #expect(bad.err.contains("名單.csv, line 4, column 4 (身分): \"老闆\" is not a role"))
        #expect(bad.err.contains("Nothing was imported"))
        let dry = try CLI.run(["import", csv, "--skip-bad-rows", "--dry-run", "--store", dir])
        #expect(dry.status == 0 && dry.out.contains("1 new") && dry.out.contains("Dry run"))
        #expect((try statusJSON(dir))["people"].map { ($0 as! [Any]).count } == 80)
        let ok = try CLI.run(["import", csv, "--skip-bad-rows", "--store", dir])
        #expect(ok.status == 0 && ok.out.contains("left out because of errors: line 4"))
        #expect((try statusJSON(dir))["people"].map { ($0 as! [Any]).count } == 81)
    }

    @Test func demoMakesAStoreAndSaysHowToOpenIt() throws {
        let dir = temporaryFolder() + "/demo"
        let r = try CLI.run(["demo", "--store", dir])
        #expect(r.status == 0)
        #expect(r.out.contains("people: 0 here, 0 came of 80 invited"))
        #expect(r.out.contains("Open its screens in a terminal with: mingle --store"))
        #expect(try CLI.run(["check", "--store", dir]).status == 0)
    }

    @Test func escapeSequencesInNamesNeverReachTheTerminal() throws {
        let dir = try sampleStoreFolder()
        let r = try CLI.run(["walkin", "\u{1B}]0;pwned\u{7}\u{1B}[2J王", "--store", dir])
        #expect(r.status == 0)
        let status = try CLI.run(["status", "--store", dir]), log = try CLI.run(["log", "--store", dir])
        for text in [r.out, status.out, log.out] {
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        }
        #expect(log.out.contains("\u{FFFD}]0;pwned\u{FFFD}\u{FFFD}[2J王"))
        let json = try statusJSON(dir)
        #expect((json["people"] as? [[String: Any]])?.contains { $0["name"] as? String == "\u{1B}]0;pwned\u{7}\u{1B}[2J王" } == true)
    }
}

@Suite("Following the log")
struct FollowTests {
    @Test(arguments: [false, true])
    func anotherProcessesAppendsArriveInOrder(_ polling: Bool) throws {
        let dir = try sampleStoreFolder()
        let store = try Store(directory: dir)
        let watcher = LogWatcher(directory: dir, pollInterval: 0.02, forcePolling: polling)
        #expect(watcher.usesInotify == !polling)
        let writer = try CLI.start(["stress-append", "--count", "50", "--store", dir])
        let deadline = Date().addingTimeInterval(20)
        while store.state.history.count < 50, Date() < deadline {
            _ = watcher.wait(timeout: 0.5)
            try store.refresh()
        }
        writer.waitUntilExit()
        #expect(store.state.history.map(\.seq) == Array(1...50))
        #expect(store.state == (try Store(directory: dir)).state)
    }

    @Test func aTornLineBeingWrittenIsNotAnErrorForAFollower() throws {
        let dir = try sampleStoreFolder()
        let store = try Store(directory: dir)
        try CLI.run(["checkin", "P001", "--store", dir])
        let line = Array(FileManager.default.contents(atPath: dir + "/events.log")!)
        // Another writer's line, half-way through (it holds the lock in real life).
        let fh = FileHandle(forWritingAtPath: dir + "/events.log")!
        fh.seekToEndOfFile()
        fh.write(Data(line.prefix(20)))
        try store.refresh()
        #expect(store.state.history.count == 1)
        #expect(store.logTail?.hasNewline == false)
        fh.write(Data(line.dropFirst(20).map { $0 }))  // not a valid continuation: seq 1 again
        fh.closeFile()
        try store.refresh()
        #expect(store.state.history.count == 1)
    }
}

@Suite("Generated docs")
struct GeneratedDocsTests {
    /// docs/keys.md is `mingle keys` in both languages: regenerate it when the key maps change.
    @Test func keysDocIsWhatTheKeyMapsSay() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/keys.md"), encoding: .utf8)
        let en = try CLI.run(["keys", "--lang", "en"]).out, zh = try CLI.run(["keys"]).out
        #expect(doc == en + "\n" + zh, "run: (mingle keys --lang en; echo; mingle keys) > docs/keys.md")
    }
}
