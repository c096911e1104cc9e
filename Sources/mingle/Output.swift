#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import MingleCore
import MingleStore
import MingleTerminal

/// Messages for people go to stderr; results (status, exports) go to stdout.
enum FileHandleStderr {
    static func write(_ s: String) {
        var s = s
        s.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }
}

/// Every message passes the sanitizer: refusals quote names, and names are data.
func say(_ s: String) { FileHandleStderr.write(Sanitizer.cleanLines(s) + "\n") }

/// Every line a command prints to stdout passes the same sanitizer: this shadows Swift's `print`
/// for the whole command line, so no command can print a roster cell's escape sequence raw
/// (import's "updated" lines, log, check, status, the report's Markdown).
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Swift.print(Sanitizer.cleanLines(items.map { "\($0)" }.joined(separator: separator)), terminator: terminator)
}

/// Data for stdout (an export without --out): written as it is into a pipe or a file, where a
/// program reads it, and through the sanitizer when stdout is a terminal, where a person does.
func writeOut(_ bytes: [UInt8]) {
    var bytes = bytes
    if isatty(1) == 1 { bytes = Array(Sanitizer.cleanLines(String(decoding: bytes, as: UTF8.self)).utf8) }
    fflush(nil)  // print() buffers: what it printed comes first
    var written = 0
    bytes.withUnsafeBytes { b in
        while written < b.count {
            let n = Glibc.write(1, b.baseAddress! + written, b.count - written)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            written += n
        }
    }
}

/// Prints the store error for the host and exits with its code.
func fail(_ e: StoreError) -> ExitCode {
    say(e.description)
    return ExitCode(e.exitCode)
}

/// Runs a body that may throw store errors, mapping them to exit codes.
@discardableResult
func guarded<T>(_ body: () throws(StoreError) -> T) throws -> T {
    do { return try body() } catch { throw fail(error) }
}

/// A new private folder under /tmp (mkdtemp: 0700, a fresh name).
func makeTemporaryFolder(_ prefix: String) throws -> String {
    var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
    guard let p = mkdtemp(&template) else { throw fail(.io("cannot make a temporary folder: \(Posix.errorText())")) }
    return String(cString: p)
}

/// `--store`, or a new store with a simulated day written by a child `mingle simulate` (so the
/// simulation's memory and time are never counted as what a benchmark measures).
func benchmarkStore(_ options: StoreOptions, people: Int, events: Int) throws -> String {
    if let store = options.store { return store }
    let dir = try makeTemporaryFolder("mingle-bench")
    let started = Posix.monotonicSeconds()
    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    child.arguments = ["simulate", "--store", dir, "--people", "\(people)", "--events", "\(events)", "--seed", "7"]
    child.standardOutput = FileHandle.nullDevice
    try child.run()
    child.waitUntilExit()
    guard child.terminationStatus == 0 else { throw fail(.io("simulate failed (exit \(child.terminationStatus))")) }
    print(String(format: "simulated %d events for %d people in %.2f s (child process), in %@", events, people,
                 Posix.monotonicSeconds() - started, dir))
    return dir
}
