import Foundation
import MingleStore

/// Runs the real `mingle` binary, built beside this test bundle.
enum CLI {
    /// $MINGLE_TEST_BINARY runs the tests against another build (to show a test fails on older code).
    static let binary: String = {
        if let other = ProcessInfo.processInfo.environment["MINGLE_TEST_BINARY"], !other.isEmpty { return other }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // swift test runs <build>/debug/minglePackageTests.xctest; the binary is <build>/debug/mingle.
        if !FileManager.default.fileExists(atPath: dir.appendingPathComponent("mingle").path) { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("mingle").path
    }()

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    @discardableResult
    static func run(_ args: [String], env: [String: String] = [:], shell: String? = nil) throws -> Result {
        let p = Process()
        if let shell {
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", shell + " \"$0\" \"$@\"", binary] + args
        } else {
            p.executableURL = URL(fileURLWithPath: binary)
            p.arguments = args
        }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "MINGLE_STORE")
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// Another program (runuser, useradd) with its output.
    static func runProgram(_ path: String, _ args: [String]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// The binary with a deadline: killed (SIGKILL, which no signal mask the test runner passes on
    /// can block; `timeout`'s own SIGALRM and SIGTERM can be) when it has not finished by then, so
    /// a hang is a failure and never a stuck suite. nil when it had to be killed.
    static func run(_ args: [String], deadline seconds: Double) throws -> Result? {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        FileManager.default.createFile(atPath: folder + "/out", contents: nil)
        FileManager.default.createFile(atPath: folder + "/err", contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "MINGLE_STORE")
        p.environment = environment
        p.standardOutput = FileHandle(forWritingAtPath: folder + "/out")
        p.standardError = FileHandle(forWritingAtPath: folder + "/err")
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let end = Date().addingTimeInterval(seconds)
        while p.isRunning && Date() < end { usleep(10_000) }
        let killed = p.isRunning
        if killed { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        if killed { return nil }
        let text = { (f: String) in String(decoding: FileManager.default.contents(atPath: folder + "/" + f) ?? Data(), as: UTF8.self) }
        return Result(status: p.terminationStatus, out: text("out"), err: text("err"))
    }

    static func start(_ args: [String]) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return p
    }
}

/// A copy of the binary at `path`, made by cp(1) in a process of its own. Copied in this process,
/// its still-open file would be inherited by a child another test forks at that moment, and exec
/// of the copy then fails with "Text file busy" (ETXTBSY) until that child execs.
func copyBinary(to path: String) throws {
    let r = try CLI.runProgram("/bin/cp", [CLI.binary, path])
    guard r.status == 0 else { throw POSIXError(.EIO) }
}

func temporaryFolder() -> String {
    var template = Array("/tmp/mingle-cli-XXXXXX".utf8CString)
    return String(cString: mkdtemp(&template)!)
}

func sampleStoreFolder() throws -> String {
    let dir = temporaryFolder() + "/store"
    let r = try CLI.run(["init", dir, "--sample"])
    precondition(r.status == 0, r.err)
    return dir
}

func statusJSON(_ dir: String) throws -> [String: Any] {
    let r = try CLI.run(["status", "--json", "--store", dir])
    guard r.status == 0, let obj = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any] else {
        throw NSError(domain: "status", code: Int(r.status), userInfo: [NSLocalizedDescriptionKey: r.err])
    }
    return obj
}
