#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
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
