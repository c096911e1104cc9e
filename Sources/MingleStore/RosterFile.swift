import CSV
import Foundation
import MingleCore

/// roster.csv in the store: UTF-8, comma-separated, English headers, one person a row.
/// Read with the same importer as a spreadsheet export, so its errors name roster.csv lines.
public enum RosterFile {
    public static let fileName = "roster.csv"
    static let fixedColumns = ["id", "name", "ministry", "role", "email", "title"]

    public static func load(_ path: String) throws(StoreError) -> [Person] {
        guard let bytes = Posix.readFile(path) else {
            throw .damaged(file: fileName, line: 0, problem: "cannot be read: \(Posix.errorText())", remedy: "")
        }
        let r = RosterImport.read(bytes: bytes, file: fileName)
        if let first = r.errors.first {
            throw .damaged(file: fileName, line: first.line, problem: (first.columnText.map { $0 + ": " } ?? "") + first.message,
                           remedy: r.errors.count > 1 ? "(\(r.errors.count) problems in all; `mingle check` lists them)" : "")
        }
        return r.people.map(\.person)
    }

    public static func render(_ people: [Person]) -> [UInt8] {
        let extraKeys = Array(Set(people.flatMap { $0.extras.keys })).sorted()
        let stream = OutputStream(toMemory: ())
        guard let w = try? CSVWriter(stream: stream) else { return [] }
        try? w.write(row: fixedColumns + extraKeys)
        for p in people {
            try? w.write(row: [p.id, p.name, p.ministry, p.role.rawValue, p.email, p.title] + extraKeys.map { p.extras[$0] ?? "" })
        }
        w.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Array(data) + [10]
    }

    public static func save(_ people: [Person], to path: String) throws(StoreError) {
        try Posix.writeFileAtomically(path, render(people), mode: Posix.fileMode(forDirectory: Posix.directoryName(path)))
    }

    /// What an import changes: people added, updated by id, and those kept though not in the file.
    public struct Merge: Sendable {
        public var roster: [Person]
        public var added: [Person] = []
        public var updated: [(old: Person, new: Person)] = []
        public var unchanged = 0
        /// In the roster, not in the file: kept (an import never removes anyone or a check-in).
        public var keptNotInFile: [Person] = []
    }

    public static func merge(existing: [Person], imported: [Person]) -> Merge {
        var roster = existing
        var index: [String: Int] = [:]
        for (i, p) in existing.enumerated() { index[p.id] = i }
        var m = Merge(roster: [])
        var seen = Set<String>()
        for p in imported {
            seen.insert(p.id)
            if let i = index[p.id] {
                if roster[i] == p { m.unchanged += 1 } else { m.updated.append((roster[i], p)); roster[i] = p }
            } else {
                index[p.id] = roster.count
                roster.append(p)
                m.added.append(p)
            }
        }
        m.keptNotInFile = existing.filter { !seen.contains($0.id) }
        m.roster = roster
        return m
    }
}
