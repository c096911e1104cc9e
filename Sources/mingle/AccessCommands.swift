#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import MingleCore
import MingleStore
import MingleTerminal

/// `mingle access`: one shared account, each helper's SSH key locked to one screen.
struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access", abstract: "Give a helper's SSH key one screen of this store, list who has which, take it back.",
        discussion: "See docs/sharing.md. The keys go into this account's ~/.ssh/authorized_keys unless --to names another file.",
        subcommands: [AccessAdd.self, AccessList.self, AccessRemove.self])
}

struct AccessFileOptions: ParsableArguments {
    @Option(help: "The authorized_keys file (default: this account's ~/.ssh/authorized_keys).") var to: String?

    var path: String {
        if let to { return to }
        let home = getpwuid(getuid()).map { String(cString: $0.pointee.pw_dir) } ?? (ProcessInfo.processInfo.environment["HOME"] ?? "/root")
        return home + "/.ssh/authorized_keys"
    }

    var isDefault: Bool { to == nil }

    func read() throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "" }
        guard let bytes = Posix.readFile(path, followLink: true) else { throw fail(.io("cannot read \(path): \(Posix.errorText())")) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the whole file anew (temp file + rename, mode 0600), making its folder (0700) if
    /// missing; ~/.ssh is set to 0700, as sshd wants it.
    func write(_ text: String) throws {
        let dir = Posix.directoryName(path)
        if !FileManager.default.fileExists(atPath: dir) {
            guard mkdir(dir, 0o700) == 0 else { throw fail(.io("cannot make the folder \(dir): \(Posix.errorText())")) }
        } else if isDefault {
            chmod(dir, 0o700)
        }
        try guarded { () throws(StoreError) in try Posix.writeFileAtomically(path, Array(text.utf8), mode: 0o600) }
    }
}

/// A role in words, for what `access` says.
func describeRole(_ desk: Desk, in room: Room?) -> String {
    switch desk {
    case .reception: return "the reception desk"
    case .stall(let id): return "the stall owner's screen of \(room?.index(ofStall: id).map { room!.stalls[$0].name } ?? id) (stall:\(id))"
    case .timekeeper: return "the timekeeper's screen"
    case .board: return "the board (it only shows)"
    }
}

struct AccessAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Lock a helper's public key to one screen: sshd runs that mingle screen and nothing else.")
    @Option(help: "reception, stall:ID, timekeeper or board.") var role: String
    @Option(help: "The helper's public key: the file ending in .pub, or the key line itself in quotes (\"ssh-ed25519 AAAA…\").") var key: String
    @Option(help: "Who the key belongs to (one word; it is recorded with everything they do).") var name: String
    @OptionGroup var options: StoreOptions
    @OptionGroup var file: AccessFileOptions

    func validate() throws {
        guard let desk = Desk.parse(role) else {
            throw ValidationError("--role must be reception, stall:ID, timekeeper or board (\"\(role)\" is none of them)")
        }
        _ = desk
        do { try AuthorizedKeys.checkName(name) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        try refuseStoreWorkUnderRole(.access, options)
        let desk = Desk.parse(role)!
        let store = try options.open()
        if case .stall(let id) = desk, store.state.room.index(ofStall: id) == nil {
            let list = store.config.stalls.map { "stall:\($0.id) (\($0.name))" }.joined(separator: ", ")
            throw ValidationFailure(store.config.stalls.isEmpty ? "this store has no stalls (add them to event.toml)" : "there is no stall \(id) in this store; say one of: \(list)")
        }
        // The key line pasted as it is, or a file holding it.
        let pasted = ["ssh-", "ecdsa-", "sk-"].contains { key.hasPrefix($0) }
        guard let keyBytes = pasted ? Array(key.utf8) : Posix.readFile(key, followLink: true) else {
            say("Refused: cannot read the key file \(key) (\(Posix.errorText())). Give the helper's .pub file, or the key line itself in quotes.")
            throw ExitCode(1)
        }
        let storePath = realpath(options.directory, nil).map { p in defer { free(p) }; return String(cString: p) } ?? options.directory
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let text = try file.read()
        let line: String, publicKey: AuthorizedKeys.PublicKey
        do {
            publicKey = try AuthorizedKeys.publicKey(String(decoding: keyBytes, as: UTF8.self), file: pasted ? "the key given" : key)
            line = try AuthorizedKeys.line(key: publicKey, name: name, role: desk.name, store: storePath, executable: exe)
        } catch {
            say("Refused: \(error.description)")
            throw ExitCode(1)
        }
        // One name, one person: the log tells helpers apart by it, and remove takes back by it.
        if let same = AuthorizedKeys.grants(in: text).first(where: { $0.name == name }) {
            say("Refused: \(name) already holds a key (\(same.role) on \(same.store)). Give each person their own name, "
                + "such as \(name)-\(desk.name.replacingOccurrences(of: "stall:", with: "")), or take the other key back first: mingle access remove \(name)")
            throw ExitCode(1)
        }
        if let n = AuthorizedKeys.lineHolding(publicKey, in: text) {
            if let g = AuthorizedKeys.grants(in: text).first(where: { $0.line == n }) {
                say("Refused: this key already opens mingle for \(g.name) (\(g.role) on \(g.store)), line \(n) of \(file.path). "
                    + "Take that back first with: mingle access remove \(g.name)")
            } else {
                say("Refused: this key already logs in to this account (line \(n) of \(file.path)), with a shell. sshd uses the first line "
                    + "that matches, so it cannot also be locked to mingle: the helper needs a key of their own.")
            }
            throw ExitCode(1)
        }
        let joined = text.isEmpty || text.unicodeScalars.last == "\n" ? text : text + "\n"
        try file.write(joined + line + "\n")
        let count = AuthorizedKeys.rawLines(joined).count
        print("\(name)'s key now opens \(describeRole(desk, in: store.state.room)) on \(storePath), and nothing else "
              + "(no shell, no forwarding, no command of their own).")
        var host = [CChar](repeating: 0, count: 256)
        let hostName = gethostname(&host, host.count) == 0 ? host.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } : "THIS-COMPUTER"
        print("Written to \(file.path), line \(count). They connect with: ssh -t \(currentAuthor().user)@\(hostName) "
              + "(on a phone: host \(hostName) or this computer's address, user \(currentAuthor().user), their key).")
    }
}

struct AccessList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Who holds which screen of which store.")
    @OptionGroup var file: AccessFileOptions

    func run() throws {
        let grants = AuthorizedKeys.grants(in: try file.read())
        guard !grants.isEmpty else {
            print("No key in \(file.path) opens mingle. Add one with: mingle access add --role ROLE --key FILE.pub --name WHO")
            return
        }
        let width = grants.map { DisplayWidth.of($0.name) }.max()! + 2
        for g in grants {
            let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(g.name)))
            print("\(g.name)\(pad)\(g.role.padding(toLength: max(12, g.role.count + 2), withPad: " ", startingAt: 0))\(g.store)   \(g.key.type) …\(g.key.blob.suffix(8))")
        }
    }
}

struct AccessRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Take back every screen a helper's key opens.")
    @Argument(help: "The --name given when the key was added.") var name: String
    @OptionGroup var file: AccessFileOptions

    func run() throws {
        try refuseStoreWorkUnderRole(.access)
        let text = try file.read()
        let (kept, removed) = AuthorizedKeys.removing(name: name, from: text)
        guard !removed.isEmpty else {
            let names = Set(AuthorizedKeys.grants(in: text).map(\.name)).sorted().joined(separator: ", ")
            let others = names.isEmpty ? "" : " Keys there belong to: \(names)."
            say("Refused: no key of \(name) opens mingle in \(file.path).\(others)")
            throw ExitCode(1)
        }
        try file.write(kept)
        for g in removed { print("Took back \(g.name)'s key (\(g.role) on \(g.store)); it no longer logs in.") }
        print("A screen they have open now stays open until they quit it (to close it at once: pkill -f -- '--name \(name)').")
    }
}
