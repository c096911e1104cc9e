import CSV
import MingleCore

/// A problem in a roster file, located for the host: file, line, and column where known.
public struct ImportIssue: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// 1-based column number and its header, when the problem is in one field.
    public var column: Int?
    public var columnName: String?
    public var message: String

    public var description: String { "\(file), line \(line)" + (columnText.map { ", " + $0 } ?? "") + ": " + message }

    /// "column 4 (身分)", when the problem is in one field.
    public var columnText: String? { column.map { "column \($0)" + (columnName.map { " (\($0))" } ?? "") } }
}

/// What reading a roster file found: the people with the line each came from, and every problem.
public struct RosterReading: Sendable {
    public var people: [(person: Person, line: Int)] = []
    public var errors: [ImportIssue] = []
    public var warnings: [ImportIssue] = []
    public var encoding: TextDecoding.Encoding = .utf8
    /// Lines whose rows were left out because of errors (only with skip-bad-rows).
    public var skippedLines: [Int] = []
}

/// Reads a roster CSV as spreadsheets write it: any of the encodings in TextDecoding, comma,
/// semicolon or tab, CRLF, quoted fields with newlines and doubled quotes, English or Chinese
/// headers. Parsing is CSV.swift's; this file maps columns and checks each value.
public enum RosterImport {
    enum Column: String, CaseIterable { case id, name, ministry, role, email, title }
    /// How many rows above the header (a title, a date) are passed over before giving up.
    static let maxTitleRows = 10

    static let headerWords: [Column: [String]] = [
        .id: ["id", "編號", "代號", "序號", "員工編號", "no", "no."],
        .name: ["name", "姓名", "名字", "中文姓名"],
        .ministry: ["ministry", "機關", "部會", "單位", "機關名稱", "agency", "organization"],
        .role: ["role", "身分", "身份", "角色", "類別"],
        .email: ["email", "e-mail", "電子郵件", "信箱", "電子信箱"],
        .title: ["title", "職稱"],
    ]

    static func column(forHeader h: String) -> Column? {
        let key = h.trimmedSpaces().lowercased()
        return Column.allCases.first { headerWords[$0]!.contains(key) }
    }

    public static func read(bytes: [UInt8], file: String) -> RosterReading {
        var r = RosterReading()
        let text: String
        do {
            (text, r.encoding) = try TextDecoding.decode(bytes)
        } catch {
            r.errors.append(ImportIssue(file: file, line: error.line, message: error.message))
            return r
        }
        return read(text: text, file: file, into: r)
    }

    static func read(text raw: String, file: String, into start: RosterReading) -> RosterReading {
        var r = start
        let text = raw.hasPrefix("\u{FEFF}") ? String(raw.dropFirst()) : raw
        if let line = unclosedQuoteLine(text) {
            r.errors.append(ImportIssue(file: file, line: line, message: "a quote (\") opened on this line is never closed"))
            return r
        }
        let delimiter = guessDelimiter(firstLine: text.prefix { $0 != "\n" && $0 != "\r\n" })
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter)
        } catch {
            r.errors.append(ImportIssue(file: file, line: 1, message: "cannot be read as CSV (\(error))"))
            return r
        }
        var line = 1
        var header: [String]?
        var columns: [Int: Column] = [:]
        var seenIDs: [String: Int] = [:]
        var titleRows: [(line: Int, row: [String])] = []
        while let row = reader.next() {
            let rowLine = line
            line += 1 + row.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
            if row.allSatisfy({ $0.trimmedSpaces().isEmpty }) { continue }
            guard let head = header else {
                // Spreadsheets often put a title (and a date, a note) above the header: the header
                // is the first row naming at least two of the required columns.
                let named = row.compactMap(column(forHeader:))
                let required: [Column] = [.id, .name, .ministry, .role]
                guard Set(named).intersection(required).count >= 2 else {
                    titleRows.append((rowLine, row))
                    if titleRows.count >= maxTitleRows {
                        r.errors.append(ImportIssue(file: file, line: titleRows[0].line, message: "no header row in the first \(maxTitleRows) lines: "
                            + "one row must name the columns id, name, ministry and role (or 編號, 姓名, 機關, 身分)"))
                        return r
                    }
                    continue
                }
                for t in titleRows {
                    r.warnings.append(ImportIssue(file: file, line: t.line, message: "is above the header row (line \(rowLine)): read as a title and left out"))
                }
                header = row.map { $0.trimmedSpaces() }
                var issues: [ImportIssue] = []
                for (i, h) in row.enumerated() {
                    if let c = column(forHeader: h) {
                        if columns.values.contains(c) {
                            issues.append(ImportIssue(file: file, line: rowLine, column: i + 1, columnName: h, message: "a second \(c.rawValue) column"))
                        }
                        columns[i] = c
                    }
                }
                let missing = required.filter { !columns.values.contains($0) }
                if !missing.isEmpty {
                    issues.append(ImportIssue(file: file, line: rowLine, message: "the header row has no "
                        + missing.map { "\($0.rawValue) column (\(headerWords[$0]!.prefix(2).joined(separator: " or ")))" }.joined(separator: ", no ")))
                }
                if !issues.isEmpty { r.errors += issues; return r }
                continue
            }
            var rowErrors: [ImportIssue] = []
            func issue(_ col: Int?, _ message: String) -> ImportIssue {
                ImportIssue(file: file, line: rowLine, column: col.map { $0 + 1 }, columnName: col.map { head[$0] }, message: message)
            }
            // A short row (a line cut off, or cells left out at the end) is said as that, once,
            // rather than as every required value it lacks.
            let cutOff = columns.filter { $0.key >= row.count && [Column.id, .name, .role].contains($0.value) }.sorted { $0.key < $1.key }
            if !cutOff.isEmpty {
                r.errors.append(issue(nil, "is short: \(row.count) field\(row.count == 1 ? "" : "s") where the header has \(head.count) "
                    + "(\(head.joined(separator: ", "))); missing: \(head[row.count...].joined(separator: ", "))"))
                r.skippedLines.append(rowLine)
                continue
            }
            if row.count > head.count, row[head.count...].contains(where: { !$0.trimmedSpaces().isEmpty }) {
                rowErrors.append(issue(nil, "has \(row.count) fields but the first row names only \(head.count) columns"))
            }
            var values: [Column: String] = [:]
            var extras: [String: String] = [:]
            for i in 0..<head.count {
                let value = i < row.count ? row[i].trimmedSpaces() : ""
                if value.unicodeScalars.contains(where: \.isUnsafeForTerminal) {
                    r.warnings.append(issue(i, "holds control or escape characters; stored as given, shown defused on screen"))
                }
                if let c = columns[i] { values[c] = value } else if !head[i].isEmpty, !value.isEmpty { extras[head[i]] = value }
            }
            let col = { (c: Column) in columns.first { $0.value == c }!.key }
            let id = values[.id] ?? ""
            if id.isEmpty { rowErrors.append(issue(col(.id), "the id is empty")) }
            else if id.contains(where: { $0.isWhitespace }) { rowErrors.append(issue(col(.id), "the id \"\(id)\" has a space in it")) }
            else if let first = seenIDs[id] { rowErrors.append(issue(col(.id), "the id \(id) is already used on line \(first)")) }
            if (values[.name] ?? "").isEmpty { rowErrors.append(issue(col(.name), "the name is empty")) }
            let roleText = values[.role] ?? ""
            let role = Role.parse(roleText)
            if role == nil {
                rowErrors.append(issue(col(.role), roleText.isEmpty
                    ? "the role is empty: use new, senior, staff or guest (新任, 資深, 工作人員, 來賓)"
                    : "\"\(roleText)\" is not a role: use new, senior, staff or guest (新任, 資深, 工作人員, 來賓)"))
            }
            if !rowErrors.isEmpty {
                r.errors += rowErrors
                r.skippedLines.append(rowLine)
                continue
            }
            seenIDs[id] = rowLine
            r.people.append((Person(id: id, name: values[.name]!, ministry: values[.ministry] ?? "", role: role!,
                                    email: values[.email] ?? "", title: values[.title] ?? "", extras: extras), rowLine))
        }
        if header == nil {
            r.errors.append(titleRows.isEmpty
                ? ImportIssue(file: file, line: 1, message: "is empty: there is no header row")
                : ImportIssue(file: file, line: titleRows[0].line, message: "has no header row: no line names the columns id, name, ministry and role (or 編號, 姓名, 機關, 身分)"))
        }
        return r
    }

    /// The line where a quote is opened and never closed, if any.
    static func unclosedQuoteLine(_ text: String) -> Int? {
        var inQuote = false, line = 1, openedAt = 0
        for u in text.unicodeScalars {
            if u == "\"" { inQuote.toggle(); if inQuote { openedAt = line } }
            if u == "\n" { line += 1 }
        }
        return inQuote ? openedAt : nil
    }

    /// Comma unless the header row has more semicolons or tabs (Excel in some locales).
    static func guessDelimiter(firstLine: Substring) -> Unicode.Scalar {
        let counts: [(Unicode.Scalar, Int)] = [",", ";", "\t"].map { d in (d, firstLine.unicodeScalars.filter { $0 == d }.count) }
        return counts.max { $0.1 < $1.1 }.flatMap { $0.1 > 0 ? $0.0 : nil } ?? ","
    }
}
