import Foundation

/// Turns a spreadsheet export into text. The whole file is decoded before it is split into lines:
/// Big5 trail bytes include 0x5C (`\`) and 0x40–0x7E, so splitting first would cut characters.
public enum TextDecoding {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8", utf8BOM = "UTF-8 with BOM", utf16LE = "UTF-16 (little-endian)"
        case utf16BE = "UTF-16 (big-endian)", big5 = "Big5 (CP950)"
    }

    public struct Failure: Error, Equatable, Sendable {
        public var line: Int
        public var message: String
    }

    /// Foundation here decodes CP950 (Big5 as Windows writes it) though it is missing from
    /// `availableStringEncodings`.
    static let cp950 = String.Encoding(rawValue: 0x8000_0423)

    public static func decode(_ bytes: [UInt8]) throws(Failure) -> (String, Encoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(bytes.dropFirst(3))
            guard let s = String(validating: rest, as: UTF8.self) else {
                throw Failure(line: lineOfFirstBadUTF8(rest), message: "says it is UTF-8 (it starts with a BOM) but holds bytes that are not UTF-8")
            }
            return (s, .utf8BOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let le = bytes[0] == 0xFF
            guard let s = String(data: Data(bytes.dropFirst(2)), encoding: le ? .utf16LittleEndian : .utf16BigEndian) else {
                throw Failure(line: 0, message: "says it is UTF-16 (it starts with a BOM) but cannot be read as UTF-16")
            }
            return (s, le ? .utf16LE : .utf16BE)
        }
        if let s = String(validating: bytes, as: UTF8.self) { return (s, .utf8) }
        if let s = String(data: Data(bytes), encoding: cp950) { return (s, .big5) }
        throw Failure(line: lineOfFirstBadUTF8(bytes),
                      message: "is neither UTF-8 nor Big5. Save it from the spreadsheet as \"CSV UTF-8\"")
    }

    /// 1-based line of the first byte that breaks UTF-8, for the error message.
    static func lineOfFirstBadUTF8(_ bytes: [UInt8]) -> Int {
        var line = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let n = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            if n == 0 || i + n > bytes.count || String(validating: bytes[i..<(i + n)], as: UTF8.self) == nil { return line }
            if b == 10 { line += 1 }
            i += n
        }
        return line
    }
}
