import ArgumentParser
import MingleCore
#if canImport(Glibc)
import Glibc
#endif

// Bad usage exits 2 (docs/design.md, "Contracts"), not ArgumentParser's 64.
do {
    var command = try Mingle.parseAsRoot()
    try command.run()
} catch {
    // Every message passes the one sanitizer: an error may quote a file's text or an argument.
    let code = Mingle.exitCode(for: error)
    let text = Mingle.fullMessage(for: error)
    if code == .success {
        if !text.isEmpty { print(text) }  // --help, --version: the module's sanitizing print
        exit(0)
    }
    if !text.isEmpty { FileHandleStderr.write(Sanitizer.cleanLines(text) + "\n") }
    exit(code == .validationFailure ? 2 : code.rawValue)
}
