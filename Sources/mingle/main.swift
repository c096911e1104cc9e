import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

// Bad usage exits 2 (docs/design.md, "Contracts"), not ArgumentParser's 64.
do {
    var command = try Mingle.parseAsRoot()
    try command.run()
} catch {
    let code = Mingle.exitCode(for: error)
    if code == .validationFailure {
        FileHandleStderr.write(Mingle.fullMessage(for: error) + "\n")
        exit(2)
    }
    Mingle.exit(withError: error)
}
