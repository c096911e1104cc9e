import CSV
import Foundation
import MingleCore

/// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows Chinese), CRLF line ends,
/// and every text cell that a spreadsheet would take for a formula neutralised (OWASP's CSV
/// injection advice: a cell starting with = + - @ tab or CR gets a leading apostrophe). Numbers
/// the program made itself are written as numbers.
public enum SpreadsheetCSV {
    public enum Cell: Sendable {
        case text(String)
        case number(Int)
        case empty
    }

    public static func render(header: [String], rows: [[Cell]]) -> [UInt8] {
        let stream = OutputStream(toMemory: ())
        guard let w = try? CSVWriter(stream: stream, newline: .crlf) else { return [] }
        // A header can hold data too (the ministries of the ministry table): the same as any cell.
        try? w.write(row: header.map(neutralised))
        for row in rows {
            try? w.write(row: row.map { cell in
                switch cell {
                case .text(let s): neutralised(s)
                case .number(let n): String(n)
                case .empty: ""
                }
            })
        }
        w.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return [0xEF, 0xBB, 0xBF] + Array(data) + [13, 10]
    }

    /// A cell a spreadsheet would run as a formula, made inert, and its control characters
    /// (escape sequences a terminal would act on) replaced by the one sanitizer.
    public static func neutralised(_ s: String) -> String {
        let s = Sanitizer.clean(s)
        guard let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return s }
        return "'" + s
    }
}
