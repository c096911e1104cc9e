import Foundation
import MingleCore
import MingleStore
import Testing

/// $MINGLE_ROLE against every command that writes (issue 15, item 5): under a role, a command the
/// role may not do exits 1, says why, and leaves every byte of the store, and of the files it
/// was told to write (an authorized_keys, a page of tags, a simulated store), as it was. The
/// same command without a role does write (`everyCommandInTheTableWritesWithoutARole`), so a
/// refusal here is the role's and not a mistake in the table.
@Suite("MINGLE_ROLE against every writing command", .serialized)
struct RoleLockTests {
    static let roles = ["stall:S1", "board", "reception", "timekeeper"]

    /// The day a command is tried on. Every store starts as `mingle init --sample`.
    enum Base: String, CaseIterable, Sendable {
        /// P001 checked in (#1) by a plain command.
        case reception
        /// `reception`, then #1 undone by a plain command (#2).
        case undone
        /// P001–P003 checked in, open chat, P001 at S1, P002 at S2, S2 asks for help.
        case chat
        /// P001–P003 and P030 checked in, introductions, P001 speaking, P002 and P003 waiting.
        case intro
        /// The photo phase.
        case photo
        /// Nothing written yet.
        case empty
        /// `reception` with line 1 changed (its checksum no longer matches): repair has work.
        case damaged
    }

    /// A command line: `$S` is the store, `$A` a folder beside it for the files the command
    /// reads or writes (people.csv, k2.pub, ak, the --out of badges). `allowed`: the roles that
    /// may do it.
    struct Command: Sendable, CustomTestStringConvertible {
        var args: [String]
        var base: Base
        var allowed: Set<String> = []

        var testDescription: String { args.filter { !$0.hasPrefix("$") }.joined(separator: " ") + " (on \(base.rawValue))" }

        func line(store: String, aside: String) -> [String] {
            args.map { $0.replacingOccurrences(of: "$S", with: store).replacingOccurrences(of: "$A", with: aside) }
        }
    }

    static let commands: [Command] = [
        Command(args: ["checkin", "P002", "--store", "$S"], base: .reception, allowed: ["reception"]),
        Command(args: ["checkout", "P001", "--store", "$S"], base: .reception, allowed: ["reception"]),
        Command(args: ["walkin", "新 來者", "--ministry", "數位部", "--store", "$S"], base: .reception, allowed: ["reception"]),
        Command(args: ["seat", "P003", "S1", "--store", "$S"], base: .chat, allowed: ["stall:S1"]),
        Command(args: ["seat", "P003", "S2", "--store", "$S"], base: .chat),
        Command(args: ["seat", "P001", "S2", "--store", "$S"], base: .chat),  // from S1 to another stall
        Command(args: ["seat", "P001", "S1", "--force", "--store", "$S"], base: .reception),  // before open chat
        Command(args: ["unseat", "P001", "--store", "$S"], base: .chat, allowed: ["stall:S1"]),
        Command(args: ["unseat", "P002", "--store", "$S"], base: .chat),
        Command(args: ["help-request", "on", "S1", "--store", "$S"], base: .chat, allowed: ["stall:S1"]),
        Command(args: ["help-request", "on", "S3", "--store", "$S"], base: .chat),
        Command(args: ["help-request", "off", "S2", "--store", "$S"], base: .chat, allowed: ["reception"]),
        Command(args: ["phase", "next", "--store", "$S"], base: .reception, allowed: ["timekeeper"]),
        Command(args: ["phase", "chat", "--reason", "late start", "--store", "$S"], base: .reception, allowed: ["timekeeper"]),
        Command(args: ["intro", "next", "--store", "$S"], base: .intro, allowed: ["timekeeper"]),
        Command(args: ["intro", "done", "--store", "$S"], base: .intro, allowed: ["timekeeper"]),
        Command(args: ["intro", "skip", "--store", "$S"], base: .intro, allowed: ["timekeeper"]),
        Command(args: ["intro", "skip", "P003", "--store", "$S"], base: .intro, allowed: ["timekeeper"]),
        Command(args: ["intro", "add", "P030", "--store", "$S"], base: .intro, allowed: ["timekeeper"]),
        Command(args: ["intro", "move", "P003", "1", "--store", "$S"], base: .intro, allowed: ["timekeeper"]),
        Command(args: ["message", "tea", "is", "ready", "--store", "$S"], base: .reception, allowed: ["timekeeper"]),
        Command(args: ["photo", "--store", "$S"], base: .photo, allowed: ["timekeeper"]),
        // The plain command's check-in is nobody else's to take back, whatever the role.
        Command(args: ["undo", "1", "--store", "$S"], base: .reception),
        Command(args: ["undo", "--store", "$S"], base: .reception),
        Command(args: ["undo", "2", "--store", "$S"], base: .undone),  // undoing an undo: a redo
        Command(args: ["redo", "--store", "$S"], base: .undone),
        // Store work: the organisers' own, refused under any role.
        Command(args: ["import", "$A/people.csv", "--store", "$S"], base: .reception),
        Command(args: ["import", "$A/people.csv", "--skip-bad-rows", "--store", "$S"], base: .reception),
        Command(args: ["repair", "--store", "$S"], base: .damaged),
        Command(args: ["access", "add", "--role", "reception", "--key", "$A/k2.pub", "--name", "newbie", "--store", "$S", "--to", "$A/ak"],
                base: .reception),
        Command(args: ["access", "add", "--role", "board", "--key", "$A/k2.pub", "--name", "newbie", "--store", "$S",
                       "--to", "$A/ssh/authorized_keys"], base: .reception),  // a file (and folder) not there yet
        Command(args: ["access", "remove", "helper", "--to", "$A/ak"], base: .reception),
        Command(args: ["simulate", "--store", "$A/sim", "--people", "60", "--events", "40"], base: .empty),
        Command(args: ["simulate", "--store", "$S", "--people", "90", "--events", "40"], base: .empty),
        Command(args: ["stress-append", "--count", "3", "--store", "$S"], base: .reception),
        // Name tags carry everyone's names and are recorded in the log: the desk's work only.
        Command(args: ["badges", "--out", "$A/tags.html", "--store", "$S"], base: .reception, allowed: ["reception"]),
        Command(args: ["badges", "--who", "P001", "--out", "$A/tags.html", "--store", "$S"], base: .reception, allowed: ["reception"]),
        Command(args: ["badges", "--not-printed", "--out", "$A/tags.html", "--store", "$S"], base: .reception, allowed: ["reception"]),
    ]

    // MARK: The stores

    /// Makes each base once per test, and the folder of files beside it once.
    final class Bases {
        let root = temporaryFolder()
        var made: [Base: String] = [:]
        /// people.csv (P001 renamed, P900 new), k1/k2 key pairs, ak holding helper's grant (k1)
        /// after an ordinary key line.
        lazy var asideTemplate: String = {
            let a = root + "/aside-template"
            mkdir(a, 0o700)
            FileManager.default.createFile(atPath: a + "/people.csv", contents: Data("""
                id,name,ministry,role
                P001,改名 的人,內政部,new
                P900,新 名字,數位部,guest

                """.utf8))
            for k in ["k0", "k1", "k2"] {
                let r = try? CLI.runProgram("/usr/bin/ssh-keygen", ["-t", "ed25519", "-N", "", "-f", a + "/" + k, "-q", "-C", "someone@laptop"])
                precondition(r?.status == 0, r?.err ?? "ssh-keygen did not run")
            }
            let plain = (try? String(contentsOfFile: a + "/k0.pub", encoding: .utf8)) ?? ""
            FileManager.default.createFile(atPath: a + "/ak", contents: Data(plain.utf8))
            chmod(a + "/ak", 0o600)
            let r = try? CLI.run(["access", "add", "--role", "board", "--key", a + "/k1.pub", "--name", "helper", "--store", store(.reception),
                                  "--to", a + "/ak"])
            precondition(r?.status == 0, r?.err ?? "access add did not run")
            return a
        }()

        func store(_ base: Base) -> String {
            if let d = made[base] { return d }
            let d = root + "/" + base.rawValue
            precondition((try? CLI.run(["init", d, "--sample"]))?.status == 0)
            let steps: [[String]]
            switch base {
            case .reception, .damaged: steps = [["checkin", "P001"]]
            case .undone: steps = [["checkin", "P001"], ["undo", "1"]]
            case .chat:
                steps = [["checkin", "P001"], ["checkin", "P002"], ["checkin", "P003"], ["phase", "next"], ["phase", "next"], ["phase", "next"],
                         ["seat", "P001", "S1"], ["seat", "P002", "S2"], ["help-request", "on", "S2"]]
            case .intro:
                steps = [["checkin", "P001"], ["checkin", "P002"], ["checkin", "P003"], ["checkin", "P030"], ["phase", "next"], ["phase", "next"],
                         ["intro", "next"]]
            case .photo: steps = [["phase", "photo", "--reason", "photo first"]]
            case .empty: steps = []
            }
            for s in steps {
                let r = try? CLI.run(s + ["--store", d])
                precondition(r?.status == 0, "\(s): \(r?.err ?? "did not run")")
            }
            if base == .damaged {
                let log = d + "/events.log"
                let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                precondition(text.contains("person=P001"))
                try? text.replacingOccurrences(of: "person=P001", with: "person=P002").write(toFile: log, atomically: false, encoding: .utf8)
            }
            made[base] = d
            return d
        }

        /// A fresh copy of the base and of the files beside it.
        func copy(_ base: Base) throws -> (store: String, aside: String) {
            let place = temporaryFolder()
            let store = place + "/store", aside = place + "/aside"
            for (from, to) in [(self.store(base), store), (asideTemplate, aside)] {
                let r = try CLI.runProgram("/bin/cp", ["-a", from, to])
                precondition(r.status == 0, r.err)
            }
            return (store, aside)
        }
    }

    // MARK: The tests

    @Test(arguments: roles)
    func whatTheRoleMayNotDoIsRefusedAndChangesNothing(role: String) throws {
        let bases = Bases()
        for c in Self.commands where !c.allowed.contains(role) {
            let (store, aside) = try bases.copy(c.base)
            let before = (store: FileTree(store), aside: FileTree(aside))
            let r = try CLI.run(c.line(store: store, aside: aside), env: ["MINGLE_ROLE": role])
            #expect(r.status == 1, "MINGLE_ROLE=\(role) \(c.testDescription): exit \(r.status), \(r.err)")
            #expect(r.err.contains("Refused:") || r.err.contains("this terminal "), "MINGLE_ROLE=\(role) \(c.testDescription): \(r.err)")
            let after = (store: FileTree(store), aside: FileTree(aside))
            #expect(before.store.changes(to: after.store) == [], "MINGLE_ROLE=\(role) \(c.testDescription) changed the store")
            #expect(before.aside.changes(to: after.aside) == [], "MINGLE_ROLE=\(role) \(c.testDescription) wrote a file")
        }
    }

    /// The same commands without a role do write: the refusals above are the role's.
    @Test func everyCommandInTheTableWritesWithoutARole() throws {
        let bases = Bases()
        for c in Self.commands {
            let (store, aside) = try bases.copy(c.base)
            let before = (store: FileTree(store), aside: FileTree(aside))
            let r = try CLI.run(c.line(store: store, aside: aside))
            #expect(r.status == 0, "\(c.testDescription): exit \(r.status), \(r.err)")
            let after = (store: FileTree(store), aside: FileTree(aside))
            #expect(!before.store.changes(to: after.store).isEmpty || !before.aside.changes(to: after.aside).isEmpty, "\(c.testDescription) wrote nothing")
        }
    }

    /// What the role may do still works, and it may take back its own action.
    @Test(arguments: roles)
    func whatTheRoleMayDoIsWrittenAndItsOwnUndoWorks(role: String) throws {
        let bases = Bases()
        let mine = Self.commands.filter { $0.allowed.contains(role) }
        #expect(mine.isEmpty == (role == "board"))
        for c in mine {
            let (store, aside) = try bases.copy(c.base)
            let before = try EventLog.readAll(path: store + "/events.log").count
            let r = try CLI.run(c.line(store: store, aside: aside), env: ["MINGLE_ROLE": role])
            #expect(r.status == 0, "MINGLE_ROLE=\(role) \(c.testDescription): exit \(r.status), \(r.err)")
            let events = try EventLog.readAll(path: store + "/events.log")
            #expect(events.count > before, "MINGLE_ROLE=\(role) \(c.testDescription) recorded nothing")
            #expect(events.dropFirst(before).allSatisfy { $0.author.role == role }, "recorded as the role")
            let undo = try CLI.run(["undo", "--store", store], env: ["MINGLE_ROLE": role])
            #expect(undo.status == 0 && undo.out.contains("undid #\(before + 1)"), "MINGLE_ROLE=\(role) undo after \(c.testDescription): \(undo.out) \(undo.err)")
        }
    }

    @Test func aStallSeatsAtItsOwnStallAndReceptionChecksIn() throws {
        let dir = try sampleStoreFolder()
        let checkin = try CLI.run(["checkin", "P001", "--store", dir], env: ["MINGLE_ROLE": "reception"])
        #expect(checkin.status == 0 && checkin.out.contains("checked in"), "\(checkin.err)")
        try CLI.run(["phase", "chat", "--reason", "test", "--store", dir], env: ["MINGLE_ROLE": "timekeeper"])
        let seat = try CLI.run(["seat", "P001", "S1", "--store", dir], env: ["MINGLE_ROLE": "stall:S1"])
        #expect(seat.status == 0, "\(seat.err)")
        let people = try #require(try statusJSON(dir)["people"] as? [[String: Any]])
        #expect(people.first { $0["id"] as? String == "P001" }?["stall"] as? String == "S1")
        // Another stall may not let them go from S1, nor send them to a third stall.
        let before = FileTree(dir)
        for cmd in [["unseat", "P001"], ["seat", "P001", "S3"]] {
            let r = try CLI.run(cmd + ["--store", dir], env: ["MINGLE_ROLE": "stall:S2"])
            #expect(r.status == 1 && r.err.contains("this terminal is for the stall"), "\(cmd): \(r.err)")
        }
        #expect(before.changes(to: FileTree(dir)) == [])
        // It may seat them at its own table (they walked over from S1).
        let over = try CLI.run(["seat", "P001", "S2", "--store", dir], env: ["MINGLE_ROLE": "stall:S2"])
        #expect(over.status == 0, "\(over.err)")
    }

    /// The issue's case: a plain command checked someone in; a stall's `undo 1` took it back.
    @Test func aRoleCannotUndoThePlainCommandsCheckIn() throws {
        let dir = try sampleStoreFolder()
        let checkin = try CLI.run(["checkin", "P001", "--store", dir])
        #expect(checkin.status == 0)
        let seq = try #require(checkin.out.split(separator: " ").first.flatMap { Int($0.dropFirst()) }, "\(checkin.out)")
        let before = FileTree(dir)
        for role in Self.roles {
            let r = try CLI.run(["undo", String(seq), "--store", dir], env: ["MINGLE_ROLE": role])
            #expect(r.status == 1, "MINGLE_ROLE=\(role) undo \(seq): \(r.out)")
            #expect(r.err.contains(role == "board" ? "this terminal is the board" : "this terminal undoes only its own actions"), "\(r.err)")
            let plain = try CLI.run(["undo", "--store", dir], env: ["MINGLE_ROLE": role])
            #expect(plain.status == 1 && plain.err.contains("this terminal"), "MINGLE_ROLE=\(role) undo: \(plain.out) \(plain.err)")
        }
        #expect(before.changes(to: FileTree(dir)) == [])
        let people = try #require(try statusJSON(dir)["people"] as? [[String: Any]])
        #expect(people.first { $0["id"] as? String == "P001" }?["checked_in"] as? Bool == true)
    }

    /// Commands without a terminal are told apart by their session: under the same role, one
    /// session's undo does not take back another's check-in; in the same session it does.
    @Test func undoOwnershipTellsSessionsWithoutATerminalApart() throws {
        let dir = try sampleStoreFolder()
        let role = ["MINGLE_ROLE": "reception"]
        let setsid = "/usr/bin/setsid -w"
        let first = try CLI.run(["checkin", "P001", "--store", dir], env: role, shell: setsid)
        #expect(first.status == 0, "\(first.err)")
        let seq = try #require(first.out.split(separator: " ").first.flatMap { Int($0.dropFirst()) }, "\(first.out)")
        let before = FileTree(dir)
        let other = try CLI.run(["undo", "--store", dir], env: role, shell: setsid)
        #expect(other.status == 1 && other.err.contains("nothing to undo on this terminal"), "\(other.out) \(other.err)")
        let byNumber = try CLI.run(["undo", String(seq), "--store", dir], env: role, shell: setsid)
        #expect(byNumber.status == 1 && byNumber.err.contains("this terminal undoes only its own actions"), "\(byNumber.out) \(byNumber.err)")
        // The test's own session (no setsid) is another one again.
        let mine = try CLI.run(["undo", String(seq), "--store", dir], env: role)
        #expect(mine.status == 1 && mine.err.contains("this terminal undoes only its own actions"), "\(mine.out) \(mine.err)")
        #expect(before.changes(to: FileTree(dir)) == [])

        // One session: check in P002, then undo — the undo takes back P002, not P001.
        let same = try CLI.run(["--store", dir], env: role,
                               shell: "\(setsid) sh -c 'set -e; \"$0\" checkin P002 \"$@\"; \"$0\" undo \"$@\"; \"$0\" redo \"$@\"; \"$0\" undo \"$@\"'")
        #expect(same.status == 0, "\(same.out) \(same.err)")
        #expect(same.out.contains("undid #\(seq + 1)") && same.out.contains("redid #\(seq + 1)"), "\(same.out)")
        let people = try #require(try statusJSON(dir)["people"] as? [[String: Any]])
        #expect(people.first { $0["id"] as? String == "P001" }?["checked_in"] as? Bool == true)
        #expect(people.first { $0["id"] as? String == "P002" }?["checked_in"] as? Bool == false)
        // And that session's undo is not the next session's to redo.
        let after = FileTree(dir)
        let redo = try CLI.run(["redo", "--store", dir], env: role, shell: setsid)
        #expect(redo.status == 1 && redo.err.contains("nothing to redo on this terminal"), "\(redo.out) \(redo.err)")
        #expect(after.changes(to: FileTree(dir)) == [])
    }

    /// A value that names no role is bad usage, not "no role": exit 2, nothing written.
    @Test(arguments: ["stall", "stall:", "kitchen", "Board", " reception", "reception ", "stall S1"])
    func anUnknownRoleIsBadUsageAndWritesNothing(value: String) throws {
        let bases = Bases()
        for c in Self.commands where [.reception, .empty].contains(c.base) {
            let (store, aside) = try bases.copy(c.base)
            let before = (store: FileTree(store), aside: FileTree(aside))
            let r = try CLI.run(c.line(store: store, aside: aside), env: ["MINGLE_ROLE": value])
            #expect(r.status == 2, "MINGLE_ROLE=\"\(value)\" \(c.testDescription): exit \(r.status), \(r.err)")
            #expect(r.err.contains("MINGLE_ROLE"), "\(r.err)")
            #expect(before.store.changes(to: FileTree(store)) == [], "MINGLE_ROLE=\"\(value)\" \(c.testDescription)")
            #expect(before.aside.changes(to: FileTree(aside)) == [], "MINGLE_ROLE=\"\(value)\" \(c.testDescription)")
        }
    }

    /// The screens are a writing command too: with $MINGLE_ROLE=board (a helper's profile), plain
    /// `mingle` must not open a desk that checks people in.
    @Test func theScreensUnderMingleRoleWriteOnlyWhatTheRoleMay() throws {
        let dir = try sampleStoreFolder()
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)", columns: 120, rows: 30, env: ["MINGLE_ROLE": "board"])
        let opened = try t.waitUntil { $0.contains("mingle") || $0.contains("EXIT=") }
        try #require(opened.ok, "the screen did not open: \(opened.screen)")
        try t.type("P003")
        try t.keys("Enter")
        // The check-in, had it been taken, is in the log within moments; give it three seconds.
        let start = Date()
        while Date().timeIntervalSince(start) < 3, (FileManager.default.contents(atPath: dir + "/events.log")?.count ?? 0) == 0 { usleep(20_000) }
        #expect(FileManager.default.contents(atPath: dir + "/events.log")?.isEmpty == true,
                "MINGLE_ROLE=board mingle checked P003 in: \(String(decoding: FileManager.default.contents(atPath: dir + "/events.log") ?? Data(), as: UTF8.self))")
    }
}

/// Every entry under a folder (and the folder itself): its kind, mode, inode, modification time
/// and bytes. Two trees are equal when nothing was written, replaced, made or removed.
struct FileTree: Equatable {
    var entries: [String: String] = [:]

    init(_ dir: String) {
        func visit(_ rel: String) {
            let path = rel.isEmpty ? dir : dir + "/" + rel
            var st = stat()
            guard lstat(path, &st) == 0 else { return }
            let meta = "mode \(String(st.st_mode, radix: 8))"
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                entries[rel] = "folder " + meta
                for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() {
                    visit(rel.isEmpty ? name : rel + "/" + name)
                }
            case S_IFREG:
                let bytes = FileManager.default.contents(atPath: path) ?? Data()
                entries[rel] = "file \(meta) inode \(st.st_ino) mtime \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec) \(bytes.count) bytes "
                    + bytes.base64EncodedString()
            case S_IFLNK:
                entries[rel] = "link to " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
            default:
                entries[rel] = "other " + meta
            }
        }
        visit("")
    }

    /// What differs, by name: for the messages.
    func changes(to other: FileTree) -> [String] {
        Set(entries.keys).union(other.entries.keys).sorted().compactMap { k in
            switch (entries[k], other.entries[k]) {
            case (nil, _?): "made \(k.isEmpty ? "." : k)"
            case (_?, nil): "removed \(k.isEmpty ? "." : k)"
            case let (a?, b?) where a != b: "changed \(k.isEmpty ? "." : k)"
            default: nil
            }
        }
    }
}
