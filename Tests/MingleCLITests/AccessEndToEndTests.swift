import Foundation
import Testing

/// Helpers on their own devices: `mingle access` locks an SSH key to one screen, tried through a
/// real sshd that the test starts on 127.0.0.1 (its own config, host key and authorized_keys
/// file; never the system's) and stops.
@Suite("SSH keys locked to a role", .serialized)
struct AccessEndToEndTests {
    let me = String(cString: getpwuid(getuid())!.pointee.pw_name)

    func keygen(_ path: String) throws {
        let r = try CLI.runProgram("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path])
        #expect(r.status == 0, "\(r.err)")
    }

    func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// sshd on loopback with this folder's host key and authorized_keys; returns its pid.
    /// Started with posix_spawn, not Foundation's Process: a long-lived child of Process kept
    /// later `Process.waitUntilExit` calls from returning here.
    func startSSHD(_ dir: String, port: Int) throws -> pid_t {
        if getuid() == 0 { mkdir("/run/sshd", 0o755) }  // its privilege-separation folder
        try keygen(dir + "/host")
        let config = """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(dir)/host
        PidFile \(dir)/sshd.pid
        UsePAM no
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        AuthorizedKeysFile \(dir)/authorized_keys
        StrictModes no
        AllowUsers \(me)
        PermitRootLogin prohibit-password

        """
        try config.write(toFile: dir + "/sshd_config", atomically: true, encoding: .utf8)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, dir + "/sshd.log", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let args: [String] = ["/usr/sbin/sshd", "-f", dir + "/sshd_config", "-D", "-e"]
        let argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid = pid_t()
        guard posix_spawn(&pid, "/usr/sbin/sshd", &actions, nil, argv, environ) == 0 else {
            throw NSError(domain: "sshd", code: 2, userInfo: [NSLocalizedDescriptionKey: "cannot start /usr/sbin/sshd (scripts/setup installs openssh-server)"])
        }
        let start = Date()
        while Date().timeIntervalSince(start) < 10 {
            if let log = try? String(contentsOfFile: dir + "/sshd.log", encoding: .utf8), log.contains("Server listening") { return pid }
            usleep(50_000)
        }
        stopSSHD(pid)
        throw NSError(domain: "sshd", code: 1, userInfo: [NSLocalizedDescriptionKey: (try? String(contentsOfFile: dir + "/sshd.log", encoding: .utf8)) ?? ""])
    }

    func stopSSHD(_ pid: pid_t) {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    func sshArgs(_ dir: String, port: Int) -> [String] {
        ["-i", dir + "/helper", "-p", "\(port)", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
         "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "\(me)@127.0.0.1"]
    }

    @Test func aKeyOpensItsStallScreenAndNothingElseUntilItIsTakenBack() throws {
        let dir = temporaryFolder()
        let store = try sampleStoreFolder()
        try keygen(dir + "/helper")
        try keygen(dir + "/own")
        // What is there already stays exactly as it was: a comment and the account's own shell key.
        let ownKey = try String(contentsOfFile: dir + "/own.pub", encoding: .utf8)
        let before = "# the laptop's own keys\n" + ownKey
        try before.write(toFile: dir + "/authorized_keys", atomically: true, encoding: .utf8)

        let add = try CLI.run(["access", "add", "--role", "stall:S1", "--key", dir + "/helper.pub", "--name", "陳主任",
                               "--store", store, "--to", dir + "/authorized_keys"])
        #expect(add.status == 0, "\(add.err)")
        #expect(add.out.contains("開放政府 (stall:S1)"))
        let file = try String(contentsOfFile: dir + "/authorized_keys", encoding: .utf8)
        #expect(file.hasPrefix(before))
        let line = String(file.dropFirst(before.count))
        #expect(line.hasPrefix("command=\"'") && line.contains("' run --role stall:S1 --store '") && line.contains("--name 陳主任\",restrict,pty ssh-ed25519 "))
        #expect(line.contains(URL(fileURLWithPath: store).standardizedFileURL.path))
        var st = stat()
        stat(dir + "/authorized_keys", &st)
        #expect(st.st_mode & 0o777 == 0o600)
        let list = try CLI.run(["access", "list", "--to", dir + "/authorized_keys"])
        #expect(list.out.contains("陳主任") && list.out.contains("stall:S1"))

        let port = freePort()
        let sshd = try startSSHD(dir, port: port)
        defer { stopSSHD(sshd) }

        // With a terminal: the stall's screen, named by the key.
        let t = try Tmux(command: "ssh -tt " + sshArgs(dir, port: port).joined(separator: " "))
        let shown = try t.waitUntil(timeout: 20) { $0.contains("開放政府") && $0.contains("攤位 S1@陳主任") }
        #expect(shown.ok, "\(shown.screen)\n\((try? String(contentsOfFile: dir + "/sshd.log", encoding: .utf8)) ?? "")")
        try t.keys("F8")
        #expect(try t.waitFor("已請工作人員協助") != nil)
        let log = try CLI.run(["log", "--store", store])
        #expect(log.out.contains("開放政府 asked for help — 陳主任 (\(me)) (stall:S1)"), "\(log.out)")
        try t.keys("F10")
        _ = try t.waitFor("EXIT=")

        // A command of its own: not run, nothing written.
        let logBefore = try String(contentsOfFile: store + "/events.log", encoding: .utf8)
        let own = try CLI.runProgram("/usr/bin/ssh", sshArgs(dir, port: port) + ["touch \(dir)/pwned; \(CLI.binary) checkin P001 --store \(store)"])
        #expect(own.status != 0)
        #expect(own.err.contains("was not run") && own.err.contains("陳主任's key opens one mingle screen"), "\(own.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/pwned"))
        #expect(try String(contentsOfFile: store + "/events.log", encoding: .utf8) == logBefore)

        // Taken back: the key no longer logs in; the other lines are as they were.
        let remove = try CLI.run(["access", "remove", "陳主任", "--to", dir + "/authorized_keys"])
        #expect(remove.status == 0 && remove.out.contains("Took back 陳主任's key"))
        #expect(try String(contentsOfFile: dir + "/authorized_keys", encoding: .utf8) == before)
        let locked = try CLI.runProgram("/usr/bin/ssh", sshArgs(dir, port: port) + ["true"])
        #expect(locked.status == 255 && locked.err.contains("Permission denied"), "\(locked.err)")
    }

    @Test func whatAccessRefusesIsSaidInWords() throws {
        let dir = temporaryFolder(), store = try sampleStoreFolder()
        try keygen(dir + "/k")
        let to = ["--to", dir + "/authorized_keys", "--store", store]
        var r = try CLI.run(["access", "add", "--role", "stall:S1", "--key", dir + "/k", "--name", "a"] + to)
        #expect(r.status == 1 && r.err.contains("is a private key"))
        r = try CLI.run(["access", "add", "--role", "stall:S9", "--key", dir + "/k.pub", "--name", "a"] + to)
        #expect(r.status == 2 && r.err.contains("there is no stall S9") && r.err.contains("stall:S1 (開放政府)"))
        r = try CLI.run(["access", "add", "--role", "admin", "--key", dir + "/k.pub", "--name", "a"] + to)
        #expect(r.status == 2 && r.err.contains("--role must be reception, stall:ID, timekeeper or board"))
        r = try CLI.run(["access", "add", "--role", "board", "--key", dir + "/k.pub", "--name", "陳 主任"] + to)
        #expect(r.status == 2 && r.err.contains("--name must be one word"))
        try "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB\n".write(toFile: dir + "/cut.pub", atomically: true, encoding: .utf8)
        r = try CLI.run(["access", "add", "--role", "board", "--key", dir + "/cut.pub", "--name", "a"] + to)
        #expect(r.status == 1 && r.err.contains("damaged or cut short"))
        // A line cut short as a chat app may do (a shorter base64 that still decodes) is caught.
        let whole = try String(contentsOfFile: dir + "/k.pub", encoding: .utf8)
        try String(whole.prefix(60)).write(toFile: dir + "/short.pub", atomically: true, encoding: .utf8)
        r = try CLI.run(["access", "add", "--role", "board", "--key", dir + "/short.pub", "--name", "a"] + to)
        #expect(r.status == 1 && r.err.contains("damaged or cut short"), "\(r.err)")
        r = try CLI.run(["access", "add", "--role", "board", "--key", dir + "/nothing.pub", "--name", "a"] + to)
        #expect(r.status == 1 && r.err.contains("cannot read the key file") && r.err.contains("the key line itself"))
        r = try CLI.run(["access", "add", "--role", "board", "--key", dir + "/k.pub", "--name", "a"] + to)
        #expect(r.status == 0)
        // One name, one person.
        try keygen(dir + "/k2")
        r = try CLI.run(["access", "add", "--role", "stall:S2", "--key", dir + "/k2.pub", "--name", "a"] + to)
        #expect(r.status == 1 && r.err.contains("a already holds a key (board"), "\(r.err)")
        // The key line pasted as it is, and PuTTYgen's SSH2 export, are read too.
        r = try CLI.run(["access", "add", "--role", "stall:S2", "--key", try String(contentsOfFile: dir + "/k2.pub", encoding: .utf8), "--name", "b2"] + to)
        #expect(r.status == 0, "\(r.err)")
        try keygen(dir + "/k3")
        let ssh2 = try CLI.runProgram("/usr/bin/ssh-keygen", ["-e", "-f", dir + "/k3.pub"]).out
        #expect(ssh2.contains("BEGIN SSH2 PUBLIC KEY"))
        try ssh2.write(toFile: dir + "/k3.ssh2", atomically: true, encoding: .utf8)
        r = try CLI.run(["access", "add", "--role", "timekeeper", "--key", dir + "/k3.ssh2", "--name", "c3"] + to)
        #expect(r.status == 0, "\(r.err)")
        let k3 = try String(contentsOfFile: dir + "/k3.pub", encoding: .utf8).split(separator: " ")[1]
        #expect(try String(contentsOfFile: dir + "/authorized_keys", encoding: .utf8).contains("ssh-ed25519 \(k3) mingle-access name=c3"))
        r = try CLI.run(["access", "add", "--role", "timekeeper", "--key", dir + "/k.pub", "--name", "b"] + to)
        #expect(r.status == 1 && r.err.contains("already opens mingle for a (board"))
        r = try CLI.run(["access", "remove", "nobody", "--to", dir + "/authorized_keys"])
        #expect(r.status == 1 && r.err.contains("Keys there belong to: a, b2, c3"))
        // A key that already logs in with a shell cannot also be locked: sshd would use the first line.
        let k = try String(contentsOfFile: dir + "/k.pub", encoding: .utf8)
        try k.write(toFile: dir + "/plain", atomically: true, encoding: .utf8)
        r = try CLI.run(["access", "add", "--role", "board", "--key", dir + "/k.pub", "--name", "c", "--to", dir + "/plain", "--store", store])
        #expect(r.status == 1 && r.err.contains("already logs in to this account"))
    }

    @Test func eachRoleOnTheCommandLineWritesOnlyItsOwnWork() throws {
        let dir = try sampleStoreFolder()
        // Each role its own account here, as each helper would be.
        func run(_ role: String, _ args: [String], user: String? = nil) throws -> CLI.Result {
            try CLI.run(args + ["--store", dir], env: ["MINGLE_ROLE": role, "USER": user ?? role])
        }
        var r = try run("stall:S1", ["checkin", "P001"])
        #expect(r.status == 1 && r.err.contains("this terminal is for the stall 開放政府"), "\(r.err)")
        r = try run("reception", ["checkin", "P001"])
        #expect(r.status == 0)
        r = try run("board", ["checkin", "P002"])
        #expect(r.status == 1 && r.err.contains("the board: it only shows"))
        r = try run("reception", ["phase", "next"])
        #expect(r.status == 1 && r.err.contains("reception desk"))
        r = try run("timekeeper", ["phase", "next"])
        #expect(r.status == 0)
        for _ in 0..<2 { _ = try run("timekeeper", ["phase", "next"]) }  // to open chat
        r = try run("stall:S1", ["seat", "P001", "S2"])
        #expect(r.status == 1 && r.err.contains("開放政府"))
        r = try run("stall:S1", ["seat", "P001", "S1"])
        #expect(r.status == 0, "\(r.err)")
        r = try run("stall:S2", ["unseat", "P001"])
        #expect(r.status == 1)
        r = try run("stall:S2", ["help-request", "on", "S1"])
        #expect(r.status == 1 && r.err.contains("公共參與"), "\(r.err)")
        // Undo: only one's own actions. The reception's check-in is not the stall's to take back.
        r = try run("stall:S1", ["undo", "1"], user: "someone-else")
        #expect(r.status == 1 && r.err.contains("this terminal undoes only its own actions"), "\(r.err)")
        r = try run("reception", ["undo"])
        #expect(r.status == 0 && r.out.contains("undid #1: checked in 林明哲"), "\(r.out)\(r.err)")
    }
}
