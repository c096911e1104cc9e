/// Where each setting of a TOML file stands, by line. TOMLKit parses the file but tells lines only
/// for syntax errors, so this reads the text once more, just to point a host at the line of a
/// setting whose value is wrong ("event.toml, line 31: seats must be …").
struct TOMLLines {
    /// A table: the top level (name ""), `[name]`, or the n-th (1-based) `[[name]]`.
    struct Table: Hashable {
        var name: String
        var number: Int?
        static let top = Table(name: "", number: nil)
    }

    private var keys: [Table: [String: Int]] = [:]
    private var headers: [Table: Int] = [:]

    init(_ text: String) {
        var current = Table.top
        var counts: [String: Int] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = TOMLLines.stripComment(raw).trimmingSpaces()
            guard !line.isEmpty else { continue }
            if line.hasPrefix("[[") {
                let name = String(line.dropFirst(2).prefix { $0 != "]" }).trimmingSpaces()
                counts[name, default: 0] += 1
                current = Table(name: name, number: counts[name])
                headers[current] = i + 1
            } else if line.hasPrefix("[") {
                current = Table(name: String(line.dropFirst().prefix { $0 != "]" }).trimmingSpaces(), number: nil)
                headers[current] = i + 1
            } else if let eq = line.firstIndex(of: "=") {
                var key = String(line[..<eq]).trimmingSpaces()
                if key.count >= 2, key.first == "\"", key.last == "\"" { key = String(key.dropFirst().dropLast()) }
                if keys[current]?[key] == nil { keys[current, default: [:]][key] = i + 1 }
            }
        }
    }

    /// The line of `key` in `table`; the table's header when the key is not written; 0 when
    /// neither is found (the message then names the file only).
    func line(of key: String?, in table: Table = .top) -> Int {
        if let key, let n = keys[table]?[key] { return n }
        return headers[table] ?? 0
    }

    /// Every key written in a table, with its line (for "unknown setting" checks).
    func written(in table: Table) -> [(key: String, line: Int)] {
        (keys[table] ?? [:]).map { ($0.key, $0.value) }.sorted { $0.line < $1.line }
    }

    /// The line without a `#` comment (a `#` inside quotes is text, not a comment).
    static func stripComment(_ s: Substring) -> Substring {
        var quote: Character?
        var previous: Character = " "
        for i in s.indices {
            let c = s[i]
            if let q = quote {
                if c == q && !(q == "\"" && previous == "\\") { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                return s[..<i]
            }
            previous = c
        }
        return s
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
