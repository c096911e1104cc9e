import Foundation

/// OpenSSH's authorized_keys, as `mingle access` reads and writes it: each helper's key is one
/// line that runs exactly one mingle screen (`command="…",restrict,pty`), marked in its comment
/// so it can be listed and taken back. Every other line stays exactly as it was.
public enum AuthorizedKeys {
    public struct PublicKey: Equatable, Sendable {
        public var type: String
        public var blob: String
    }

    /// One key locked to mingle.
    public struct Grant: Equatable, Sendable {
        public var name: String
        public var role: String
        public var store: String
        public var key: PublicKey
        /// 1-based line in the file.
        public var line: Int
    }

    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var description: String
        init(_ text: String) { description = text }
    }

    static let keyTypes: Set<String> = ["ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                                        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com"]
    static let marker = "mingle-access"

    /// Reads a public key: OpenSSH's one line (`id_ed25519.pub`, or the line pasted from a phone's
    /// SSH app), or the SSH2 format PuTTYgen writes (`---- BEGIN SSH2 PUBLIC KEY ----`).
    public static func publicKey(_ text: String, file: String) throws(Problem) -> PublicKey {
        if text.contains("PRIVATE KEY") {
            throw Problem("\(file) is a private key, which must stay on the helper's device: give the public one (the file ending in .pub)")
        }
        if text.contains("BEGIN SSH2 PUBLIC KEY") { return try ssh2(text, file: file) }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard lines.count == 1 else {
            throw Problem(lines.isEmpty ? "\(file) is empty: it should hold one public key (a line starting ssh-ed25519 AAAA…)"
                                        : "\(file) holds \(lines.count) lines: give one key at a time")
        }
        let parts = lines[0].split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count >= 2, keyTypes.contains(String(parts[0])) else {
            throw Problem("\(file) does not start like a public key (ssh-ed25519 AAAA…, ssh-rsa AAAA… or ecdsa-sha2-…): is it the right file?")
        }
        let type = String(parts[0]), blob = String(parts[1])
        guard let data = Data(base64Encoded: blob), wellFormed(Array(data), type: type) else {
            throw Problem("the key in \(file) is damaged or cut short (copy the whole line again)")
        }
        return PublicKey(type: type, blob: blob)
    }

    /// The key's bytes are length-prefixed strings: its type, then the key itself (an Ed25519 key
    /// is 32 bytes). A key cut short, as a chat app may do to a long line, does not add up.
    static func wellFormed(_ b: [UInt8], type: String) -> Bool {
        var fields: [[UInt8]] = [], i = 0
        while i < b.count {
            guard i + 4 <= b.count else { return false }
            let n = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            i += 4
            guard n <= b.count - i else { return false }
            fields.append(Array(b[i..<(i + n)]))
            i += n
        }
        guard fields.count >= 2, String(decoding: fields[0], as: UTF8.self) == type else { return false }
        switch type {
        case "ssh-ed25519": return fields.count == 2 && fields[1].count == 32
        case "ssh-rsa": return fields.count == 3 && fields[2].count >= 128
        case "sk-ssh-ed25519@openssh.com": return fields.count == 3 && fields[1].count == 32
        default: return fields.count >= 3
        }
    }

    /// PuTTYgen's export: header lines, then the key in base64 over several lines.
    static func ssh2(_ text: String, file: String) throws(Problem) -> PublicKey {
        var body = "", inHeader = false
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("----") { continue }
            if inHeader { inHeader = line.hasSuffix("\\"); continue }
            if line.contains(":") { inHeader = line.hasSuffix("\\"); continue }
            body += line
        }
        guard let data = Data(base64Encoded: body), data.count > 4 else {
            throw Problem("the key in \(file) is damaged or cut short (export it again)")
        }
        let b = Array(data)
        let n = Int(b[0]) << 24 | Int(b[1]) << 16 | Int(b[2]) << 8 | Int(b[3])
        guard n < 64, 4 + n <= b.count else { throw Problem("the key in \(file) is damaged or cut short (export it again)") }
        let type = String(decoding: b[4..<(4 + n)], as: UTF8.self)
        guard keyTypes.contains(type), wellFormed(b, type: type) else {
            throw Problem("the key in \(file) is damaged, cut short, or of a kind sshd does not take (make an Ed25519 key)")
        }
        return PublicKey(type: type, blob: body)
    }

    /// Names, roles, paths that can go into the forced command without quoting trouble.
    public static func checkName(_ name: String) throws(Problem) {
        guard !name.isEmpty, name.count <= 40,
              name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-@".unicodeScalars.contains($0) })
        else { throw Problem("--name must be one word of letters or digits (Chinese is fine), such as 陳主任 or kuo-stall1, up to 40 characters") }
    }

    static func checkPath(_ path: String, what: String) throws(Problem) {
        guard path.hasPrefix("/"), !path.unicodeScalars.contains(where: { $0.value < 0x20 || "'\"\\".unicodeScalars.contains($0) }) else {
            throw Problem("\(what) \(path.debugDescription) cannot go into an SSH key's command: move it to a path without quotes, backslashes or control characters (a new line, a tab)")
        }
    }

    /// The line for a helper's key: sshd runs this mingle, on this store, as this role, and
    /// nothing else — `restrict` turns off forwarding and the rest, `pty` gives the screen its
    /// terminal, and a command the client asks for is not run.
    public static func line(key: PublicKey, name: String, role: String, store: String, executable: String) throws(Problem) -> String {
        try checkName(name)
        try checkPath(store, what: "The store")
        try checkPath(executable, what: "The mingle program")
        guard role.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || ":-_.".unicodeScalars.contains($0) }) else {
            throw Problem("the role \(role) cannot go into an SSH key's command")
        }
        let command = "'\(executable)' run --role \(role) --store '\(store)' --name \(name)"
        return "command=\"\(command)\",restrict,pty \(key.type) \(key.blob) \(marker) name=\(name) role=\(role) store=\(store)"
    }

    /// The mingle lines of a file.
    public static func grants(in text: String) -> [Grant] {
        var out: [Grant] = []
        for (i, raw) in rawLines(text).enumerated() {
            guard let g = grant(content(raw), line: i + 1) else { continue }
            out.append(g)
        }
        return out
    }

    /// The file's lines as sshd reads them: split at every LF (a CR LF is one Character in a Swift
    /// String, so splitting by Character would not see it), each kept byte for byte.
    public static func rawLines(_ text: String) -> [Substring] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// A line without the CR of a CR LF ending.
    static func content(_ raw: Substring) -> String { raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw) }

    /// Read as sshd reads the line (auth-options.c, sshkey.c): the options run to the first space
    /// or tab outside double quotes, where only `\"` is an escape; then the key's type and blob,
    /// then the comment, which must begin with the marker. The marker's text anywhere else (in a
    /// store path inside the command, say) makes no grant.
    static func grant(_ line: String, line n: Int) -> Grant? {
        let u = Array(line.unicodeScalars)
        var i = 0, inQuotes = false
        while i < u.count {
            if inQuotes && u[i] == "\\" && i + 1 < u.count && u[i + 1] == "\"" { i += 2; continue }
            if u[i] == "\"" { inQuotes.toggle() } else if !inQuotes && (u[i] == " " || u[i] == "\t") { break }
            i += 1
        }
        guard i < u.count, String(String.UnicodeScalarView(u[0..<i])).hasPrefix("command=\"") else { return nil }
        // Type, blob and comment, each after a run of spaces or tabs.
        var fields: [String] = []
        while fields.count < 3 {
            while i < u.count && (u[i] == " " || u[i] == "\t") { i += 1 }
            guard i < u.count else { return nil }
            var j = i
            if fields.count < 2 { while j < u.count && u[j] != " " && u[j] != "\t" { j += 1 } } else { j = u.count }
            fields.append(String(String.UnicodeScalarView(u[i..<j])))
            i = j
        }
        guard fields[2].hasPrefix("\(marker) name=") else { return nil }
        let tail = fields[2].dropFirst(marker.count + 6)
        guard let r = tail.range(of: " role="), let s = tail.range(of: " store="), r.upperBound <= s.lowerBound else { return nil }
        let name = String(tail[..<r.lowerBound]), role = String(tail[r.upperBound..<s.lowerBound]), store = String(tail[s.upperBound...])
        return Grant(name: name, role: role, store: store, key: PublicKey(type: fields[0], blob: fields[1]), line: n)
    }

    /// The 1-based line where this key already stands in the file, if it does (a key may have
    /// options before it; sshd uses the first line that matches, so a key can be locked only once).
    public static func lineHolding(_ key: PublicKey, in text: String) -> Int? {
        for (i, raw) in rawLines(text).enumerated() {
            let t = content(raw).trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("#") { continue }
            if t.contains(" \(key.blob)") || t.hasPrefix("\(key.type) \(key.blob)") { return i + 1 }
        }
        return nil
    }

    /// The text without the lines of `name`'s grants.
    public static func removing(name: String, from text: String) -> (text: String, removed: [Grant]) {
        var kept: [Substring] = [], removed: [Grant] = []
        for (i, raw) in rawLines(text).enumerated() {
            if let g = grant(content(raw), line: i + 1), g.name == name { removed.append(g) } else { kept.append(raw) }
        }
        return (kept.joined(separator: "\n"), removed)
    }
}
