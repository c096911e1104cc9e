import Foundation
import Testing

/// Issue 15, tried as a hostile group member would: real users (useradd, as root), real
/// processes, real files. Each test does one attack from the issue and checks that it reaches
/// nothing of the host's, and that the host is told why when something was refused.
@Suite("A hostile group member, a hostile file, a wrong clock", .serialized)
struct AttackTests {
    // MARK: Helpers

    func system(_ args: String...) throws {
        let r = try CLI.runProgram(args[0], Array(args.dropFirst()))
        precondition(r.status == 0, "\(args): \(r.err)")
    }

    /// A command as another user with their umask (runuser, as docs/sharing.md sets people up).
    @discardableResult
    func run(as user: String, umask: String = "022", _ args: [String]) throws -> CLI.Result {
        let quoted = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        return try CLI.runProgram("/usr/sbin/runuser", ["-u", user, "--", "/bin/sh", "-c", "umask \(umask); env USER=\(user) HOME=/tmp \(quoted)"])
    }

    /// A group of two: the host, and a member who means harm. Removed after `body`.
    func withGroup(_ body: (_ host: String, _ mallory: String, _ shared: String, _ mingle: String) throws -> Void) throws {
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let group = "mat\(tag)", host = "mah\(tag)", mallory = "mam\(tag)"
        try system("/usr/sbin/groupadd", group)
        defer { _ = try? system("/usr/sbin/groupdel", group) }
        for user in [host, mallory] {
            try system("/usr/sbin/useradd", "-M", "-s", "/bin/sh", "-N", "-g", "users", "-G", "\(group),users", user)
        }
        defer { for u in [host, mallory] { _ = try? system("/usr/sbin/userdel", u) } }
        let base = temporaryFolder()
        defer { _ = try? FileManager.default.removeItem(atPath: base) }
        chmod(base, 0o755)
        let shared = base + "/po-day"
        mkdir(shared, 0o755)
        try system("/bin/chgrp", group, shared)
        chmod(shared, 0o2770)
        mkdir(base + "/bin", 0o755)
        try copyBinary(to: base + "/bin/mingle")
        chmod(base + "/bin/mingle", 0o755)
        try body(host, mallory, shared, base + "/bin/mingle")
    }

    static func lstatKind(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : 0
    }

    static func pidMax() -> Int {
        Int((try? String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 32768
    }

    // MARK: 1. Planted symlinks at every temporary name

    @Test(.enabled(if: getuid() == 0, "needs root to make test users with useradd"))
    func symlinksPlantedAtEveryTemporaryNameReachNothingOfTheHosts() throws {
        try withGroup { host, mallory, shared, mingle in
            let store = shared + "/day"
            #expect(try run(as: host, [mingle, "init", store, "--sample"]).status == 0)
            // The host's own file that a planted link points at (as ~/.ssh/authorized_keys would be).
            let home = Posix_dirname(shared) + "/home-\(host)"
            mkdir(home, 0o700)
            try system("/bin/chown", host, home)
            let victim = home + "/authorized_keys"
            #expect(try run(as: host, ["/bin/sh", "-c", "printf 'ssh-ed25519 AAAAhost host@laptop\\n' > \(victim); chmod 600 \(victim)"]).status == 0)
            let before = bytes(of: victim)

            // A roster whose cell holds a key line, as the issue's attacker wrote it.
            let csv = shared + "/roster-update.csv"
            #expect(try run(as: mallory, ["/bin/sh", "-c", "printf 'id,name,ministry,role\\nP001,\"x\\nssh-ed25519 AAAAevil mallory\",內政部,new\\n' > \(csv)"]).status == 0)

            // Every name a write could use as its first temporary file, for every pid there can be.
            let names = ["roster.csv", "events.log", "events.log.last"].map { store + "/" + $0 } + ["att.csv", "tags.html", "sheet.html"].map { shared + "/" + $0 }
                + ["report.html", "report.md"].map { shared + "/report/" + $0 }
            mkdir(shared + "/report", 0o700)
            try system("/bin/chown", "\(host)", shared + "/report")
            chmod(shared + "/report", 0o2770)
            let plant = """
            import os, sys
            victim = sys.argv[1]
            for base in sys.argv[3:]:
                for pid in range(2, int(sys.argv[2]) + 1):
                    os.symlink(victim, "%s.tmp-%d" % (base, pid))
            """
            let planted = try run(as: mallory, ["/usr/bin/python3", "-c", plant, victim, String(Self.pidMax())] + names)
            #expect(planted.status == 0, "\(planted.err)")

            let imported = try run(as: host, [mingle, "import", csv, "--store", store])
            #expect(imported.status == 0, "import: \(imported.err)")
            #expect(try run(as: host, [mingle, "checkin", "P002", "--store", store]).status == 0)
            // A torn end for repair to move aside: repair then writes events.log anew.
            #expect(try run(as: mallory, ["/bin/sh", "-c", "printf 'garbage\\n' >> \(store)/events.log"]).status == 0)
            let repaired = try run(as: host, [mingle, "repair", "--store", store])
            #expect(repaired.status == 0, "repair: \(repaired.err)")
            for (args, what) in [(["export", "attendance", "--out", shared + "/att.csv"], "export"),
                                 (["badges", "--out", shared + "/tags.html"], "badges"),
                                 (["signin-sheet", "--out", shared + "/sheet.html"], "signin-sheet"),
                                 (["report", "--out", shared + "/report"], "report")] {
                let r = try run(as: host, [mingle] + args + ["--store", store])
                #expect(r.status == 0, "\(what): \(r.err)")
            }
            #expect(bytes(of: victim) == before, "the host's file was written through a planted link")
            for f in ["roster.csv", "events.log", "events.log.last"] {
                #expect(Self.lstatKind(store + "/" + f) == S_IFREG, "\(f) is not a regular file any more")
            }
            for f in ["att.csv", "tags.html", "sheet.html", "report/report.html", "report/report.md"] {
                #expect(Self.lstatKind(shared + "/" + f) == S_IFREG, "\(f) was not written as a file of its own")
            }
            #expect(try run(as: host, [mingle, "check", "--store", store]).status == 0)
        }
    }

    // MARK: 2. FIFOs and links in the store

    @Test(arguments: ["event.toml", "roster.csv", "events.log"])
    func aFifoOrALinkInTheStoreIsRefusedAtOnceAndHangsNothing(_ file: String) throws {
        let dir = try sampleStoreFolder()
        let path = dir + "/" + file
        unlink(path)
        #expect(mkfifo(path, 0o660) == 0)
        // A deadline turns a hang into a failure instead of a stuck suite.
        let r = try #require(try CLI.run(["status", "--store", dir], deadline: 10), "mingle status hung on a FIFO \(file)")
        #expect(r.status == 3, "exit \(r.status): \(r.err)")
        #expect(r.err.contains(file) && r.err.contains("not an ordinary file"), "\(r.err)")
        unlink(path)
        #expect(symlink("/etc/passwd", path) == 0)
        let l = try #require(try CLI.run(["checkin", "P001", "--store", dir], deadline: 10))
        #expect(l.status == 3, "exit \(l.status): \(l.err)")
        #expect(l.err.contains(file) && l.err.contains("symbolic link"), "\(l.err)")
    }

    @Test func aRosterTurnedIntoAFifoUnderAnOpenScreenIsSaidAndTheScreenGoesOn() throws {
        let dir = try sampleStoreFolder()
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)")
        #expect(try t.waitFor("已到 0/80") != nil)
        let roster = bytes(of: dir + "/roster.csv")
        unlink(dir + "/roster.csv")
        #expect(mkfifo(dir + "/roster.csv", 0o660) == 0)
        let said = try t.waitUntil(timeout: 5) { $0.contains("roster.csv") }
        #expect(said.ok, "the screen did not say what is wrong: \(said.screen)")
        try t.type("P001")
        try t.keys("Enter")
        let answered = try t.waitUntil(timeout: 5) { $0.contains("已到 1/80") }
        #expect(answered.ok, "the screen stopped answering: \(answered.screen)")
        unlink(dir + "/roster.csv")
        write(roster, to: dir + "/roster.csv")
        #expect(try t.waitUntil(timeout: 5) { !$0.contains("not an ordinary file") && !$0.contains("不是一般檔案") }.ok)
    }

    @Test func aFolderAnyoneCanWriteIntoIsRefusedAndAGroupFolderIsSaid() throws {
        let open = temporaryFolder() + "/open"
        mkdir(open, 0o777)
        chmod(open, 0o777)
        let made = try CLI.run(["init", open, "--sample"])
        #expect(made.status == 3 && made.err.contains("chmod o-w"), "\(made.out)\(made.err)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: open))?.isEmpty == true, "init wrote into it")
        let dir = try sampleStoreFolder()
        chmod(dir, 0o777)
        for args in [["status"], ["checkin", "P001"], ["check"]] {
            let r = try CLI.run(args + ["--store", dir])
            #expect(r.status == 3 && r.err.contains("writable by all users"), "\(args): \(r.out)\(r.err)")
        }
        chmod(dir, 0o2770)
        let check = try CLI.run(["check", "--store", dir])
        #expect(check.status == 0 && check.err.contains("can write into"), "\(check.out)\(check.err)")
    }

    @Test func pagesAndExportsWithEveryonesNamesFollowTheRole() throws {
        let dir = try sampleStoreFolder()
        let out = temporaryFolder()
        let named: [[String]] = [["signin-sheet", "--out", out + "/s.html"], ["report", "--out", out + "/r"],
                                 ["export", "attendance", "--out", out + "/a.csv"], ["export", "encounters", "--out", out + "/e.csv"]]
        for role in ["board", "stall:S1", "timekeeper"] {
            for args in named + [["export", "timeline", "--out", out + "/t.csv"]] where !(role == "timekeeper" && args[1] == "timeline") {
                let r = try CLI.run(args + ["--store", dir], env: ["MINGLE_ROLE": role])
                #expect(r.status == 1 && r.err.contains("Refused"), "\(role) \(args): \(r.err)")
            }
            #expect(try CLI.run(["init", out + "/new-\(role.prefix(5))", "--sample"], env: ["MINGLE_ROLE": role]).status == 1)
        }
        #expect((try FileManager.default.contentsOfDirectory(atPath: out)).isEmpty, "a refused command wrote a file")
        #expect(try CLI.run(["export", "timeline", "--out", out + "/t.csv", "--store", dir], env: ["MINGLE_ROLE": "timekeeper"]).status == 0)
        for args in named { #expect(try CLI.run(args + ["--store", dir], env: ["MINGLE_ROLE": "reception"]).status == 0, "\(args)") }
    }

    // MARK: 3. --out onto a device

    @Test(.enabled(if: getuid() == 0, "needs root to make a device node"))
    func aDeviceAsOutIsRefusedAndLeftADevice() throws {
        let dir = try sampleStoreFolder()
        let dev = temporaryFolder() + "/null"
        #expect(mknod(dev, S_IFCHR | 0o666, dev_t(1 << 8 | 3)  /* makedev(1, 3), /dev/null's numbers */) == 0)
        // A device of its own, with /dev/null's numbers: never the machine's /dev/null, which a
        // regression here would replace for every program on it (as the issue found).
        for out in [dev] {
            for args in [["export", "attendance"], ["export", "encounters"], ["badges"], ["signin-sheet"]] {
                let r = try CLI.run(args + ["--out", out, "--store", dir])
                #expect(r.status != 0, "\(args) --out \(out) was taken")
                #expect(r.err.contains("is a device"), "\(r.err)")
                #expect(Self.lstatKind(out) == S_IFCHR, "\(out) is no longer a device")
            }
        }
        let r = try CLI.run(["report", "--out", dev, "--store", dir])
        #expect(r.status != 0 && Self.lstatKind(dev) == S_IFCHR)
    }

    // MARK: 4. Escape sequences through every command's output

    static let osc52 = "\u{1B}]52;c;" + Data("rm -rf ~".utf8).base64EncodedString() + "\u{07}"
    static let nastyName = "\u{1B}]0;PWNED\u{07}王\(osc52)小\u{9B}31m明\u{202E}"
    static let nastyMinistry = "=cmd|' /C calc'!A1\u{1B}[2J"

    /// True when the bytes hold anything a terminal would act on: ESC, C1 controls (UTF-8 C2 80–9F),
    /// bidi overrides and isolates.
    static func hasTerminalControls(_ s: String) -> Bool {
        s.unicodeScalars.contains { u in
            let v = u.value
            return v == 0x1B || v == 0x07 || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }
    }

    /// The output as a terminal receives it: the command runs under `script` with a real pty.
    static func throughATerminal(_ args: [String]) throws -> String {
        let quoted = ([CLI.binary] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let r = try CLI.runProgram("/usr/bin/script", ["-qfec", quoted, "/dev/null"])
        return r.out + r.err
    }

    @Test func noRosterCellReachesATerminalRawFromAnyCommand() throws {
        let dir = try sampleStoreFolder()
        let csv = temporaryFolder() + "/nasty.csv"
        // A CSV writer quotes nothing here: none of these has a comma, quote or newline.
        try write("id,name,ministry,role\nP001,\(Self.nastyName),\(Self.nastyMinistry),new\nP002,\(Self.nastyName)2,內政部,senior\n", to: csv)
        let commands: [[String]] = [
            ["import", csv], ["status"], ["status", "--json"], ["checkin", "P001"], ["checkin", "P002"], ["log"], ["check"],
            ["phase", "next"], ["phase", "next"], ["phase", "next"], ["seat", "P001", "S1"], ["seat", "P002", "S1"],
            ["checkin", "王"], ["export", "attendance"], ["export", "attendance", "--format", "json"],
            ["export", "encounters", "--of", "people"], ["export", "encounters", "--of", "ministries"],
            ["export", "encounters", "--of", "pairs"], ["export", "encounters", "--format", "json"],
            ["export", "encounters", "--format", "graphml"], ["export", "timeline"], ["report"], ["message", Self.nastyName],
            ["status"], ["log"], ["undo"],
        ]
        var sawName = false
        for args in commands {
            let out = try Self.throughATerminal(args + ["--store", dir])
            #expect(!Self.hasTerminalControls(out), "\(args) let a control through: \(out.debugDescription.prefix(400))")
            if out.contains("王") { sawName = true }
        }
        #expect(sawName, "the names never showed: the commands did not run")
        // Without a terminal, JSON keeps every character, escaped; CSV's header cells are inert too.
        let json = try CLI.run(["status", "--json", "--store", dir])
        #expect(!Self.hasTerminalControls(json.out) && json.out.contains("\\u009b") && json.out.contains("\\u202e"), "\(json.out.prefix(300))")
        let back = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let names = (back?["people"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(names.contains(Self.nastyName), "JSON lost the name's characters")
        let ministries = try CLI.run(["export", "encounters", "--of", "ministries", "--store", dir])
        let header = ministries.out.split(separator: "\r\n").first.map(String.init) ?? ""
        #expect(header.contains("'=cmd") && !header.contains(",=cmd") && !Self.hasTerminalControls(header), "\(header)")
    }

    // MARK: 5. Modes of every created file, at creation

    struct Creation { var path: String; var flags: String; var mode: Int }

    /// Every file and folder a command creates under `root`, as strace saw the calls.
    static func creations(_ args: [String], umask: String, under root: String) throws -> (files: [Creation], folders: [Creation], chmods: [Creation], status: Int32) {
        let trace = temporaryFolder() + "/trace"
        let quoted = ([CLI.binary] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let r = try CLI.runProgram("/bin/sh", ["-c", "umask \(umask); exec /usr/bin/strace -f -qq -y -o \(trace) -e trace=open,openat,creat,mkdir,mkdirat,chmod,fchmod,fchmodat \(quoted)"])
        let text = (try? String(contentsOfFile: trace, encoding: .utf8)) ?? ""
        var files: [Creation] = [], folders: [Creation] = [], chmods: [Creation] = []
        // strace -y names a descriptor's path: openat(3</tmp/x/store>, "roster.csv.tmp-42", …).
        let open = try Regex(#"openat\((?:AT_FDCWD(?:<[^>]*>)?|\d+<([^>]*)>), "([^"]+)", ([A-Z_|]+), (0\d+)\) = \d+"#)
        let mk = try Regex(#"mkdir(?:at)?\((?:[^,]+, )?"([^"]+)", (0\d+)\) = 0"#)
        let ch = try Regex(#"f?chmod(?:at)?\(([^,]+), (?:"[^"]*", )?(0\d+)"#)
        for line in text.split(separator: "\n") {
            if let m = try open.firstMatch(in: String(line)), let name = m.output[2].substring, let flags = m.output[3].substring,
               let mode = m.output[4].substring, flags.contains("O_CREAT") || flags.contains("O_TMPFILE") {
                let path = m.output[1].substring.map { $0 + "/" + name } ?? String(name)
                guard path.hasPrefix(root) else { continue }
                files.append(Creation(path: path, flags: String(flags), mode: Int(mode, radix: 8) ?? -1))
            } else if let m = try mk.firstMatch(in: String(line)), let path = m.output[1].substring, let mode = m.output[2].substring, path.hasPrefix(root) {
                folders.append(Creation(path: String(path), flags: "", mode: Int(mode, radix: 8) ?? -1))
            } else if let m = try ch.firstMatch(in: String(line)), let mode = m.output[2].substring {
                chmods.append(Creation(path: String(m.output[1].substring ?? ""), flags: "", mode: Int(mode, radix: 8) ?? -1))
            }
        }
        return (files, folders, chmods, r.status)
    }

    @Test(arguments: ["022", "002", "077"])
    func everyFileIsCreatedExclusivelyAndPrivateFromTheStart(_ umask: String) throws {
        let root = temporaryFolder()
        let store = root + "/store"
        let key = root + "/helper"
        _ = try CLI.runProgram("/usr/bin/ssh-keygen", ["-t", "ed25519", "-N", "", "-q", "-f", key])
        let csv = root + "/more.csv"
        try write("id,name,ministry,role\nN001,新來者,農業部,new\n", to: csv)
        let steps: [[String]] = [
            ["init", store, "--sample"], ["import", csv, "--store", store], ["checkin", "P001", "--store", store],
            ["repair", "--store", store], ["export", "attendance", "--out", root + "/att.csv", "--store", store],
            ["badges", "--out", root + "/tags.html", "--store", store], ["signin-sheet", "--out", root + "/sheet.html", "--store", store],
            ["report", "--out", root + "/report", "--store", store],
            ["access", "add", "--role", "board", "--key", key + ".pub", "--name", "helper", "--store", store, "--to", root + "/ssh/authorized_keys"],
        ]
        var created = 0
        for (i, args) in steps.enumerated() {
            if args.first == "repair" {  // something to repair: a torn end
                let log = FileHandle(forWritingAtPath: store + "/events.log")!
                log.seekToEndOfFile()
                log.write(Data("torn".utf8))
                try log.close()
            }
            let c = try Self.creations(args, umask: umask, under: root)
            #expect(c.status == 0, "step \(i) \(args.first!) failed")
            for f in c.files {
                created += 1
                if f.flags.contains("O_TMPFILE") { #expect(f.mode == 0o600); continue }  // the disk-clock probe: never named
                #expect(f.flags.contains("O_EXCL") && f.flags.contains("O_NOFOLLOW"), "\(args.first!): \(f.path) opened \(f.flags)")
                #expect(f.mode == 0o600 || f.mode == 0o660, "\(args.first!): \(f.path) created with \(String(f.mode, radix: 8))")
            }
            for d in c.folders { #expect(d.mode & 0o007 == 0, "\(args.first!): folder \(d.path) made \(String(d.mode, radix: 8))") }
            for m in c.chmods { #expect(m.mode & 0o007 == 0 && m.mode & 0o7000 == 0, "\(args.first!): chmod to \(String(m.mode, radix: 8))") }
        }
        #expect(created >= 12, "strace saw only \(created) files made")
        // And after: nothing anyone else may read.
        let all = FileManager.default.enumerator(atPath: root)!.compactMap { $0 as? String }.filter { !$0.hasPrefix("helper") && $0 != "more.csv" && !$0.hasPrefix("trace") }
        for f in all {
            var st = stat()
            lstat(root + "/" + f, &st)
            #expect(st.st_mode & 0o007 == 0, "\(f) is \(String(st.st_mode & 0o7777, radix: 8))")
        }
    }

    // MARK: 6. The log replaced, cut short or reordered under an open screen

    @Test func aLogPutBackFromAnOlderCopyIsSaidAtOnceAndNothingIsWritten() throws {
        let dir = try sampleStoreFolder()
        let log = dir + "/events.log"
        for p in ["P001", "P002"] { #expect(try CLI.run(["checkin", p, "--store", dir]).status == 0) }
        let older = bytes(of: log)
        for p in ["P003", "P004"] { #expect(try CLI.run(["checkin", p, "--store", dir]).status == 0) }
        let newest = bytes(of: log)
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)", columns: 100, rows: 30)
        #expect(try t.waitFor("已到 4/80") != nil)

        func attack(_ what: String, _ damage: () -> Void, says words: String) throws {
            damage()
            let seen = try t.waitUntil(timeout: 5) { $0.contains(words) }
            #expect(seen.ok, "\(what): the open screen did not say so:\n\(seen.screen)")
            #expect(seen.screen.contains("已到 4/80"), "\(what): the screen went back to an older day:\n\(seen.screen)")
            let check = try CLI.run(["check", "--store", dir])
            #expect(check.status == 3, "\(what): check said \(check.out)\(check.err)")
            let before = bytes(of: log)
            let w = try CLI.run(["checkin", "P010", "--store", dir])
            #expect(w.status == 3 && bytes(of: log) == before, "\(what): a write went through: \(w.out)\(w.err)")
            // The newest copy back: the screen is fine again.
            write(newest, to: log + ".back")
            rename(log + ".back", log)
            #expect(try t.waitUntil(timeout: 5) { !$0.contains(words) && $0.contains("已到 4/80") }.ok, "\(what): not fine again")
            #expect(try CLI.run(["check", "--store", dir]).status == 0)
        }
        // An older copy moved over it (a new file), and copied over it (the same file, shorter).
        try attack("mv", { write(older, to: log + ".old"); rename(log + ".old", log) }, says: "紀錄檔被換成了")
        try attack("cp", { write(older, to: log) }, says: "events.log")
        // Cut at a line boundary.
        try attack("truncate", { truncate(log, off_t(older.count)) }, says: "events.log")
        // Two lines swapped.
        var lines = newest.split(separator: 10).map { Array($0) + [10] }
        lines.swapAt(1, 2)
        try attack("reorder", { write(lines.flatMap { $0 }, to: log) }, says: "events.log")
    }

    @Test func aScreenOrCommandOpenedOnAnOlderCopySaysItIsAnOlderDay() throws {
        let dir = try sampleStoreFolder()
        let log = dir + "/events.log"
        #expect(try CLI.run(["checkin", "P001", "--store", dir]).status == 0)
        let older = bytes(of: log)
        #expect(try CLI.run(["checkin", "P002", "--store", dir]).status == 0)
        write(older, to: log)
        let status = try CLI.run(["status", "--store", dir])
        #expect(status.err.contains("older day") && status.err.contains("event 2 was already written"), "\(status.err)")
        let t = try Tmux(command: "\(CLI.binary) --store \(dir) --role stall:S1", columns: 40, rows: 16)
        let seen = try t.waitUntil(timeout: 5) { $0.contains("紀錄檔只到第1筆") }
        #expect(seen.ok, "a new screen showed the older day without a word:\n\(seen.screen)")
    }

    @Test func checkFindsALogThatLostItsNewestLinesAndRepairGoesOnAfterThem() throws {
        let dir = try sampleStoreFolder()
        let log = dir + "/events.log"
        #expect(try CLI.run(["checkin", "P001", "--store", dir]).status == 0)
        let older = bytes(of: log)
        for p in ["P002", "P003"] { #expect(try CLI.run(["checkin", p, "--store", dir]).status == 0) }
        write(older, to: log)
        let check = try CLI.run(["check", "--store", dir])
        #expect(check.status == 3 && check.err.contains("event 3 was already written and confirmed"), "\(check.out)\(check.err)")
        let repair = try CLI.run(["repair", "--store", dir])
        #expect(repair.status == 0, "\(repair.err)")
        let next = try CLI.run(["checkin", "P004", "--store", dir])
        #expect(next.status == 0 && next.out.hasPrefix("#5 "), "a confirmed number was given again: \(next.out)\(next.err)")
    }

    @Test func aRecordOfTheLastLineThatIsAHardLinkOrAFifoStopsTheWriteBeforeIt() throws {
        let dir = try sampleStoreFolder()
        let log = dir + "/events.log", last = dir + "/events.log.last"
        #expect(try CLI.run(["checkin", "P001", "--store", dir]).status == 0)
        for (what, plant) in [("hard link to the log", { link(log, last) }), ("hard link to the roster", { link(dir + "/roster.csv", last) }),
                              ("FIFO", { mkfifo(last, 0o660) }), ("folder", { mkdir(last, 0o700) })] as [(String, () -> Int32)] {
            unlink(last); rmdir(last)
            #expect(plant() == 0, "\(what)")
            let logBefore = bytes(of: log), rosterBefore = bytes(of: dir + "/roster.csv")
            let r = try #require(try CLI.run(["checkin", "P002", "--store", dir], deadline: 10), "\(what): hung")
            #expect(r.status == 3 && r.err.contains("events.log.last") && r.err.contains("Nothing was written"), "\(what): \(r.out)\(r.err)")
            #expect(bytes(of: log) == logBefore && bytes(of: dir + "/roster.csv") == rosterBefore, "\(what): a file was written over")
            let check = try #require(try CLI.run(["check", "--store", dir], deadline: 10))
            #expect(check.status == 3 && check.err.contains("events.log.last"), "\(what): check said \(check.out)\(check.err)")
        }
        unlink(last); rmdir(last)
        #expect(try CLI.run(["checkin", "P002", "--store", dir]).out.hasPrefix("#2 "))
        #expect(try CLI.run(["check", "--store", dir]).status == 0)
    }

    @Test func aLineEditedInPlaceUnderAnOpenScreenIsSaidAndTheScreenWritesNothing() throws {
        let dir = try sampleStoreFolder()
        let log = dir + "/events.log"
        for p in ["P001", "P002"] { #expect(try CLI.run(["checkin", p, "--store", dir]).status == 0) }
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)", columns: 100, rows: 30)
        #expect(try t.waitFor("已到 2/80") != nil)
        // Same size, same file: P001 becomes P003 on line 1.
        var edited = bytes(of: log)
        let at = try #require(edited.firstRange(of: Array("person=P001".utf8)))
        edited[at.upperBound - 1] = UInt8(ascii: "3")
        let fd = open(log, O_WRONLY)
        _ = edited.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        close(fd)
        let seen = try t.waitUntil(timeout: 5) { $0.contains("events.log, line 1") }
        #expect(seen.ok, "the open screen did not notice:\n\(seen.screen)")
        let before = bytes(of: log)
        try t.type("P005")
        try t.keys("Enter")
        _ = try t.waitUntil(timeout: 2) { _ in false }  // give a write the time it would take
        #expect(bytes(of: log) == before, "the screen wrote to a log it could not vouch for")
    }

    @Test func anOpenScreenTakesTheLogOnceRepairWentOnFromAnOlderCopy() throws {
        let dir = try sampleStoreFolder()
        let log = dir + "/events.log"
        #expect(try CLI.run(["checkin", "P001", "--store", dir]).status == 0)
        let older = bytes(of: log)
        #expect(try CLI.run(["checkin", "P002", "--store", dir]).status == 0)
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)", columns: 100, rows: 30)
        #expect(try t.waitFor("已到 2/80") != nil)
        write(older, to: log + ".old")
        rename(log + ".old", log)
        #expect(try t.waitFor("紀錄檔被換成了", timeout: 5) != nil)
        #expect(try CLI.run(["repair", "--store", dir]).status == 0)
        let taken = try t.waitUntil(timeout: 5) { !$0.contains("紀錄檔被換成了") && $0.contains("經過 mingle repair") && $0.contains("修復後的紀錄") && $0.contains("已到 1/80") }
        #expect(taken.ok, "the screen did not take the repaired log:\n\(taken.screen)")
        try t.type("P003")
        try t.keys("Enter")
        #expect(try t.waitFor("已到 2/80", timeout: 5) != nil)
        #expect(try CLI.run(["check", "--store", dir]).status == 0)
    }

    @Test func aSharedStoreAnyoneCouldSwapIsRefused() throws {
        let sticky = temporaryFolder() + "/sticky"
        mkdir(sticky, 0o700)
        chmod(sticky, 0o1777)
        #expect(try CLI.run(["init", sticky, "--sample"]).status == 3, "a store folder anyone can put files in, sticky or not")
        let open = temporaryFolder() + "/open"
        mkdir(open, 0o700)
        chmod(open, 0o777)
        let inside = open + "/store"
        let made = try CLI.run(["init", inside, "--sample"])
        #expect(made.status == 3 && made.err.contains(open), "a store in a folder where anyone can swap it: \(made.err)")
        let dir = try sampleStoreFolder()
        chmod(Posix_dirname(dir), 0o777)
        let r = try CLI.run(["status", "--store", dir])
        #expect(r.status == 3 && r.err.contains("chmod o-w \(Posix_dirname(dir))"), "\(r.err)")
        // /tmp itself (sticky) is no reason: the stores of every other test live under it.
    }

    // MARK: 7. Clocks: 9,000 years ahead, 3 hours behind

    /// faketime makes this process's clock wrong. NO_FAKE_STAT keeps the file times the kernel
    /// (or a file server) gives, as on a shared disk whose own clock is right.
    static func faked(_ offset: String, serverClock: Bool = true) -> String {
        "env FAKETIME_DONT_FAKE_MONOTONIC=1 \(serverClock ? "NO_FAKE_STAT=1 " : "")/usr/bin/faketime -f \(offset)"
    }

    @Test func aWriterNineThousandYearsAheadIsRefusedAndNothingConfirmedIsLost() throws {
        let dir = try sampleStoreFolder()
        #expect(try CLI.run(["checkin", "P001", "--store", dir]).status == 0)
        let log = bytes(of: dir + "/events.log"), last = bytes(of: dir + "/events.log.last")
        let ahead = try CLI.run(["message", "hello", "--store", dir], shell: Self.faked("+9000y"))
        #expect(ahead.status == 3 && ahead.err.contains("ahead") && ahead.err.contains("Nothing was written"), "\(ahead.out)\(ahead.err)")
        #expect(!ahead.out.contains("#2"), "a number was printed for a line that was not kept")
        // Where the disk's clock cannot tell (one machine, its clock wrong): the line is read back,
        // found unreadable, taken out, and nothing is confirmed.
        let alone = try CLI.run(["message", "hello", "--store", dir], shell: Self.faked("+9000y", serverClock: false))
        #expect(alone.status == 3 && !alone.out.contains("#2"), "\(alone.out)\(alone.err)")
        #expect(bytes(of: dir + "/events.log") == log && bytes(of: dir + "/events.log.last") == last)
        let next = try CLI.run(["message", "hello", "--store", dir])
        #expect(next.status == 0 && next.out.hasPrefix("#2 "), "\(next.out)\(next.err)")
        #expect(try CLI.run(["check", "--store", dir]).status == 0)
    }

    @Test func aWriterThreeHoursBehindNeverTurnsTimeBack() throws {
        let dir = try sampleStoreFolder()
        #expect(try CLI.run(["checkin", "P001", "--store", dir]).status == 0)
        let behind = try CLI.run(["checkout", "P001", "--store", dir], shell: Self.faked("-3h"))
        #expect(behind.status == 0, "\(behind.err)")
        #expect(behind.err.contains("3 h 0 min behind"), "the host was not told: \(behind.err)")
        let csv = try CLI.run(["export", "attendance", "--format", "json", "--store", dir])
        let rows = try JSONSerialization.jsonObject(with: Data(csv.out.utf8)) as? [[String: Any]] ?? []
        let p = try #require(rows.first { $0["id"] as? String == "P001" })
        let inAt = try #require(p["checked_in"] as? String), outAt = try #require(p["checked_out"] as? String)
        #expect(outAt >= inAt, "checked out \(outAt) before checking in \(inAt)")
        // The same machine's clock ahead (the disk's times faked too, so nothing can tell which is
        // right): the writers after it are told, and `check` names the line.
        let ahead = try CLI.run(["checkin", "P003", "--store", dir], shell: Self.faked("+3h", serverClock: false))
        #expect(ahead.status == 0)
        let after = try CLI.run(["checkin", "P004", "--store", dir])
        #expect(after.status == 0 && after.err.contains("stamped 3 h 0 min after this computer's clock"), "\(after.err)")
        let check = try CLI.run(["check", "--store", dir])
        #expect(check.err.contains("after this computer's clock") && check.err.contains("2 lines are stamped later than now"), "\(check.err)")
        // A screen on that terminal says its clock is off.
        let t = try Tmux(command: "\(Self.faked("-3h")) \(CLI.binary) --store \(dir)", columns: 100, rows: 30)
        let warned = try t.waitUntil(timeout: 5) { $0.contains("慢了 3 小時") }
        #expect(warned.ok, "\(warned.screen)")
    }
}

private func Posix_dirname(_ path: String) -> String { (path as NSString).deletingLastPathComponent }

private func bytes(of path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }
private func write(_ bytes: [UInt8], to path: String) { FileManager.default.createFile(atPath: path, contents: Data(bytes)) }
private func write(_ text: String, to path: String) throws { try text.write(toFile: path, atomically: false, encoding: .utf8) }
