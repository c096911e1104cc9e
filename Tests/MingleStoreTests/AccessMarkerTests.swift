import Foundation
import Testing
@testable import MingleStore

/// Issue 15, item 10: the ` mingle-access name=…` marker where it does not belong — inside a store
/// path, inside a line's command="…", in a plain key's comment. A grant is only a line whose
/// comment, as sshd reads the line (options, key type, blob, comment), begins with the marker;
/// `access remove` takes back that helper's lines and keeps every other byte of the file.
@Suite("authorized_keys: the marker where it does not belong")
struct AccessMarkerTests {
    /// A well-formed Ed25519 public key (type, then 32 bytes), different for each `n`.
    static func blob(_ n: UInt8) -> String {
        let type = Array("ssh-ed25519".utf8)
        let bytes: [UInt8] = [0, 0, 0, UInt8(type.count)] + type + [0, 0, 0, 32] + (0..<32).map { UInt8($0) &* 3 &+ n &* 17 }
        return Data(bytes).base64EncodedString()
    }

    static func key(_ n: UInt8) -> AuthorizedKeys.PublicKey { AuthorizedKeys.PublicKey(type: "ssh-ed25519", blob: blob(n)) }

    static let marker = "mingle-access name=evil role=board store=/y"
    static let exe = "/usr/local/bin/mingle"

    /// Lines that are no grant, each holding the marker text somewhere else than at the start of
    /// sshd's comment. `sshdKey`: the key sshd takes from the line; `comment`: its comment.
    static let notGrants: [(line: String, sshdKey: UInt8, comment: String)] = [
        ("ssh-ed25519 \(blob(1)) \(marker)", 1, marker),  // a shell key whose comment is the marker: not mingle's
        ("ssh-ed25519 \(blob(2)) laptop \(marker)", 2, "laptop \(marker)"),
        ("command=\"echo \(marker)\",restrict ssh-ed25519 \(blob(3)) laptop", 3, "laptop"),
        ("command=\"echo \\\" ssh-ed25519 \(blob(4)) \(marker) \\\"\",restrict ssh-ed25519 \(blob(5)) laptop", 5, "laptop"),
        ("restrict,command=\"'\(exe)' run --role board --store '/y' --name evil\" ssh-ed25519 \(blob(7)) laptop", 7, "laptop"),
    ]

    /// The lines `access add` writes.
    static func grantLine(_ n: UInt8, name: String, store: String) throws -> String {
        try AuthorizedKeys.line(key: key(n), name: name, role: "board", store: store, executable: exe)
    }

    // MARK: sshd's reading, from ssh-keygen (it reads authorized_keys lines as sshd does)

    static let keygen = "/usr/bin/ssh-keygen"

    /// What sshd takes from one line: the key's fingerprint and the comment; nil if no key.
    static func sshdReads(_ line: String) throws -> (fingerprint: String, comment: String)? {
        var template = Array("/tmp/mingle-ak-XXXXXX".utf8CString)
        let dir = String(cString: mkdtemp(&template)!)
        let file = dir + "/authorized_keys"
        try (line + "\n").write(toFile: file, atomically: false, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: keygen)
        p.arguments = ["-l", "-f", file]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0, let first = text.split(separator: "\n").first else { return nil }
        // "256 SHA256:… COMMENT (ED25519)"
        var rest = first.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard rest.count == 3, rest[2].hasSuffix(" (ED25519)") else { return nil }
        rest[2] = rest[2].dropLast(" (ED25519)".count)
        return (String(rest[1]), rest[2] == "no comment" ? "" : String(rest[2]))
    }

    static func fingerprint(_ n: UInt8) throws -> String? { try sshdReads("ssh-ed25519 \(blob(n)) x")?.fingerprint }

    static var haveKeygen: Bool { FileManager.default.isExecutableFile(atPath: keygen) }

    // MARK: The tests

    @Test func theNotGrantLinesAreReadBySshdAsThisTestSays() throws {
        try #require(Self.haveKeygen, "ssh-keygen reads the lines as sshd does")
        for l in Self.notGrants + Self.sshdOddities {
            let read = try #require(try Self.sshdReads(l.line), "sshd takes no key from \(l.line)")
            #expect(read.fingerprint == (try Self.fingerprint(l.sshdKey)), "\(l.line)")
            #expect(read.comment == l.comment, "\(l.line)")
        }
    }

    @Test func aLineWithTheMarkerOutsideItsCommentIsNoGrant() throws {
        for l in Self.notGrants {
            #expect(AuthorizedKeys.grants(in: l.line).isEmpty, "\(l.line) → \(AuthorizedKeys.grants(in: l.line))")
            let (text, removed) = AuthorizedKeys.removing(name: "evil", from: l.line)
            #expect(removed.isEmpty && text == l.line)
        }
    }

    /// Lines on which a parser that is not sshd's goes wrong: sshd ends a quoted option only at a
    /// `"` not preceded by a backslash (so `\\"` does not end it), and separates the options from
    /// the key by a space or a tab.
    static let sshdOddities: [(line: String, sshdKey: UInt8, comment: String)] = [
        ("command=\"x\\\\\" ssh-ed25519 \(blob(8)) \(marker)\" ssh-ed25519 \(blob(9)) realcomment", 9, "realcomment"),
        ("command=\"x\"\tssh-ed25519 \(blob(10)) junk \(marker)", 10, "junk \(marker)"),
    ]

    @Test(arguments: sshdOddities.indices)
    func aLineSshdReadsDifferentlyIsNoGrantEither(index: Int) throws {
        let l = Self.sshdOddities[index]
        #expect(AuthorizedKeys.grants(in: l.line).isEmpty, "\(l.line.debugDescription) → \(AuthorizedKeys.grants(in: l.line))")
        let (text, removed) = AuthorizedKeys.removing(name: "evil", from: l.line)
        #expect(removed.isEmpty && text == l.line, "remove evil took sshd's key \(Self.blob(l.sshdKey).suffix(8)) with comment \(l.comment.debugDescription)")
    }

    /// A store path that holds the marker: refused by `line`, or read back whole.
    @Test func aStorePathHoldingTheMarkerIsRefusedOrReadBackWhole() throws {
        let store = "/tmp/x \(Self.marker)"
        let line: String
        do { line = try Self.grantLine(11, name: "a", store: store) } catch { return }  // refused: fine
        let grants = AuthorizedKeys.grants(in: line)
        #expect(grants.count == 1)
        #expect(grants.first?.name == "a" && grants.first?.role == "board" && grants.first?.store == store, "\(grants)")
        #expect(grants.first?.key == Self.key(11))
        let (text, removed) = AuthorizedKeys.removing(name: "evil", from: line)
        #expect(removed.isEmpty && text == line)
        let (rest, gone) = AuthorizedKeys.removing(name: "a", from: line)
        #expect(gone.count == 1 && rest.isEmpty)
        if Self.haveKeygen {
            // And sshd reads the key and the comment mingle meant.
            let read = try #require(try Self.sshdReads(line))
            #expect(read.fingerprint == (try Self.fingerprint(11)))
            #expect(read.comment == "mingle-access name=a role=board store=\(store)")
        }
    }

    @Test func removingEvilTakesOnlyEvilsGrantAndKeepsEveryOtherByte() throws {
        var lines = Self.notGrants.map(\.line)
        lines.insert("# \(Self.marker)", at: 1)
        lines.insert("", at: 2)
        lines.append(try Self.grantLine(12, name: "evilish", store: "/srv/evil"))
        lines.append(try Self.grantLine(13, name: "evil", store: "/srv/store"))
        lines.append(try Self.grantLine(15, name: "ev", store: "/srv/store name=evil"))
        if let marked = try? Self.grantLine(16, name: "a", store: "/tmp/x \(Self.marker)") { lines.append(marked) }
        lines.append("\tssh-ed25519 \(Self.blob(17)) indented")
        let text = lines.joined(separator: "\n") + "\n"
        let evilLine = lines.firstIndex { $0.contains(Self.blob(13)) }! + 1

        let grants = AuthorizedKeys.grants(in: text)
        #expect(Set(grants.map(\.name)) == Set(["evilish", "evil", "ev"] + (lines.contains { $0.contains(Self.blob(16)) } ? ["a"] : [])), "\(grants)")
        #expect(grants.filter { $0.name == "evil" }.map(\.line) == [evilLine])
        #expect(grants.first { $0.name == "evil" }?.key == Self.key(13))
        #expect(grants.first { $0.name == "ev" }?.store == "/srv/store name=evil")

        let (kept, removed) = AuthorizedKeys.removing(name: "evil", from: text)
        #expect(removed.map(\.line) == [evilLine] && removed.first?.store == "/srv/store")
        var expected = lines
        expected.remove(at: evilLine - 1)
        #expect(kept == expected.joined(separator: "\n") + "\n", "every other line kept byte for byte")
        #expect(AuthorizedKeys.removing(name: "nobody", from: text).text == text)
        #expect(AuthorizedKeys.removing(name: "evi", from: text).removed.isEmpty)
    }

    /// A file edited on Windows has lines ending in CR LF. In a Swift String "\r\n" is one
    /// Character, so splitting on the Character "\n" does not end such a line: the line after it
    /// is read as part of it. A grant after a CR LF line must still be found (or `access remove`
    /// cannot take it back), and removing a grant that ends in CR LF must not take the next line.
    @Test func linesEndingInCRLFAreLinesToo() throws {
        let plain = "ssh-ed25519 \(Self.blob(14)) windows-laptop"
        let ev = try Self.grantLine(15, name: "ev", store: "/srv/store")
        let text = plain + "\r\n" + ev + "\n"
        #expect(AuthorizedKeys.grants(in: text).map(\.name) == ["ev"], "\(AuthorizedKeys.grants(in: text))")
        let (kept, removed) = AuthorizedKeys.removing(name: "ev", from: text)
        #expect(removed.map(\.name) == ["ev"] && kept.hasPrefix(plain) && !kept.contains(Self.blob(15)), "\(kept.debugDescription)")
        #expect(AuthorizedKeys.lineHolding(Self.key(15), in: text) == 2)

        let evil = try Self.grantLine(13, name: "evil", store: "/srv/store")
        let other = "ssh-ed25519 \(Self.blob(17)) the-hosts-own-key"
        let crlf = evil + "\r\n" + other + "\r\n"
        let (left, gone) = AuthorizedKeys.removing(name: "evil", from: crlf)
        #expect(gone.count == 1 && gone.first?.store.trimmingCharacters(in: .whitespacesAndNewlines) == "/srv/store", "\(gone)")
        #expect(left.contains(other), "removing evil took the host's own key with it: \(left.debugDescription)")
    }

    /// Nothing given to `access add` can start a second line in the file (sshd would read it as a
    /// key of its own) or break out of the forced command's quotes.
    @Test func nothingGivenToAddCanStartALineOrLeaveTheQuotes() {
        for bad in ["/srv/a\nssh-ed25519 \(Self.blob(20)) x", "/srv/a\rb", "/srv/a'b", "/srv/a\"b", "/srv/a\\b", "relative/store", "/srv/a\u{0}b"] {
            #expect(throws: AuthorizedKeys.Problem.self, "store \(bad.debugDescription)") {
                try AuthorizedKeys.line(key: Self.key(21), name: "a", role: "board", store: bad, executable: Self.exe)
            }
            #expect(throws: AuthorizedKeys.Problem.self, "executable \(bad.debugDescription)") {
                try AuthorizedKeys.line(key: Self.key(21), name: "a", role: "board", store: "/srv/a", executable: bad)
            }
        }
        for bad in ["a\nb", "a b", "a\"b", "", "evil role=board", "a,b"] {
            #expect(throws: AuthorizedKeys.Problem.self, "name \(bad.debugDescription)") {
                try AuthorizedKeys.line(key: Self.key(21), name: bad, role: "board", store: "/srv/a", executable: Self.exe)
            }
        }
        for bad in ["board\nx", "board store=/x", "board\"", "board'"] {
            #expect(throws: AuthorizedKeys.Problem.self, "role \(bad.debugDescription)") {
                try AuthorizedKeys.line(key: Self.key(21), name: "a", role: bad, store: "/srv/a", executable: Self.exe)
            }
        }
    }
}
