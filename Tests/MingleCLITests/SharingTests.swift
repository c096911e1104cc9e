import Foundation
import Testing

/// docs/sharing.md as tested: real Unix users, made for the test with useradd and removed after.
/// Needs root; on another account it is skipped and says why.
@Suite("One store, several Unix users", .serialized, .enabled(if: getuid() == 0, "needs root to make test users with useradd"))
struct SharingTests {
    /// Runs a command as another user, with their own umask.
    @discardableResult
    func run(as user: String, umask: String = "022", _ args: [String]) throws -> CLI.Result {
        let quoted = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        return try CLI.runProgram("/usr/sbin/runuser", ["-u", user, "--", "/bin/sh", "-c", "umask \(umask); env USER=\(user) HOME=/tmp \(quoted)"])
    }

    func system(_ args: String...) throws {
        let r = try CLI.runProgram(args[0], Array(args.dropFirst()))
        precondition(r.status == 0, "\(args): \(r.err)")
    }

    @Test func twoUsersInOneGroupShareAStoreAndAThirdIsToldWhatToDo() throws {
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let group = "mgt\(tag)", host = "mga\(tag)", helper = "mgb\(tag)", outsider = "mgc\(tag)"
        try system("/usr/sbin/groupadd", group)
        defer { _ = try? system("/usr/sbin/groupdel", group) }
        for (user, groups) in [(host, [group]), (helper, [group]), (outsider, [])] {
            try system("/usr/sbin/useradd", "-M", "-s", "/bin/sh", "-N", "-g", "users", "-G", (groups + ["users"]).joined(separator: ","), user)
        }
        defer { for u in [host, helper, outsider] { _ = try? system("/usr/sbin/userdel", u) } }

        // The set-up of docs/sharing.md: a group folder, setgid, 2770.
        let base = temporaryFolder()
        chmod(base, 0o755)
        let shared = base + "/po-day"
        mkdir(shared, 0o755)
        try system("/bin/chgrp", group, shared)
        chmod(shared, 0o2770)
        let bin = base + "/bin"
        mkdir(bin, 0o755)
        try copyBinary(to: bin + "/mingle")
        chmod(bin + "/mingle", 0o755)
        let mingle = bin + "/mingle"

        // The host makes the store under a private umask: it is still the group's.
        let store = shared + "/day"
        let made = try run(as: host, umask: "077", [mingle, "init", store, "--sample"])
        #expect(made.status == 0, "\(made.err)")
        var st = stat()
        stat(store, &st)
        #expect(st.st_mode & 0o7777 == 0o2770, "the store folder is \(String(st.st_mode & 0o7777, radix: 8))")
        var gst = stat()
        stat(shared, &gst)
        #expect(st.st_gid == gst.st_gid)
        stat(store + "/events.log", &st)
        #expect(st.st_mode & 0o777 == 0o660)

        // A helper in the group checks someone in; the host sees it.
        let checkin = try run(as: helper, umask: "077", [mingle, "checkin", "P001", "--store", store])
        #expect(checkin.status == 0, "\(checkin.err)")
        let seen = try run(as: host, [mingle, "status", "--store", store])
        #expect(seen.out.contains("1 here"), "\(seen.out)\(seen.err)")

        // Someone outside the group is told it is a permission problem, who they are, and the fix.
        let refused = try run(as: outsider, [mingle, "status", "--store", store])
        #expect(refused.status == 3)
        #expect(refused.err.contains("Permission problem: the user \(outsider) cannot open the folder \(shared)"), "\(refused.err)")
        #expect(refused.err.contains("sudo usermod -aG \(group) \(outsider)"), "\(refused.err)")
        #expect(!refused.err.contains("there is no folder") && !refused.err.contains("is not a mingle store"))

        // A store made without the setgid folder (0700) tells a group member to ask the owner.
        let home = base + "/home"
        mkdir(home, 0o755)
        try system("/bin/chown", host, home)
        let privateStore = home + "/private"
        #expect(try run(as: host, umask: "077", [mingle, "init", privateStore, "--sample"]).status == 0)
        let member = try run(as: helper, [mingle, "status", "--store", privateStore])
        #expect(member.status == 3 && member.err.contains("cannot open the folder \(privateStore)"), "\(member.err)")
    }
}
