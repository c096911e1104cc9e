#if canImport(Glibc)
import Glibc
#endif

/// Glyphs from GNU Unifont (Debian's `unifont` package): a 16-pixel-high bitmap of every Basic
/// Multilingual Plane character, Chinese included, in a text file of `XXXX:HEX` lines sorted by
/// code point. A glyph is looked up when first needed — a binary search over the file with a few
/// small reads — so a screen never loads the 3.7 MB file for the few characters of a name.
public final class Unifont {
    /// 16 rows of pixels, each `width` (8 or 16) wide; true is ink.
    public struct Glyph: Equatable, Sendable {
        public var width: Int
        public var rows: [[Bool]]
    }

    public static let defaultPath = "/usr/share/unifont/unifont.hex"

    private let fd: Int32
    private let size: Int
    private var cache: [UInt32: Glyph?] = [:]

    /// Nil when the font is not installed: the board then spaces out ordinary characters.
    public init?(path: String = Unifont.defaultPath) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { close(fd); return nil }
        self.fd = fd
        size = Int(st.st_size)
    }

    deinit { close(fd) }

    public func glyph(_ u: Unicode.Scalar) -> Glyph? {
        if let cached = cache[u.value] { return cached }
        let g = find(u.value)
        cache[u.value] = g
        return g
    }

    /// Binary search by byte offset: read a little after the middle, skip to the next line start,
    /// compare its code point.
    private func find(_ code: UInt32) -> Glyph? {
        var lo = 0, hi = size
        while lo < hi {
            let mid = (lo + hi) / 2
            guard let (lineStart, line) = line(atOrAfter: mid), lineStart < hi else { hi = mid; continue }
            guard let (c, hex) = parse(line) else { return nil }
            if c == code { return decode(hex) }
            if c < code { lo = lineStart + line.count + 1 } else { hi = mid }
        }
        return nil
    }

    /// The first whole line starting at or after `offset` (offset 0 is a line start).
    private func line(atOrAfter offset: Int) -> (Int, [UInt8])? {
        var buf = [UInt8](repeating: 0, count: 160)
        let start = max(0, offset - 1)
        let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 160, off_t(start)) }
        guard n > 0 else { return nil }
        var i = 0
        if start > 0 {
            // buf[0] is the byte before `offset`: a line starts after the first newline from there.
            guard let nl = buf[0..<n].firstIndex(of: 10) else { return nil }
            i = nl + 1
        }
        guard i < n, let end = buf[i..<n].firstIndex(of: 10) else { return nil }
        return (start + i, Array(buf[i..<end]))
    }

    private func parse(_ line: [UInt8]) -> (UInt32, ArraySlice<UInt8>)? {
        guard let colon = line.firstIndex(of: 58) else { return nil }
        var code: UInt32 = 0
        for b in line[..<colon] {
            guard let d = Unifont.hex(b) else { return nil }
            code = code << 4 | UInt32(d)
        }
        return (code, line[(colon + 1)...])
    }

    private func decode(_ hex: ArraySlice<UInt8>) -> Glyph? {
        let width = hex.count == 64 ? 16 : hex.count == 32 ? 8 : 0
        guard width > 0 else { return nil }
        let digitsPerRow = width / 4
        var rows: [[Bool]] = []
        let bytes = Array(hex)
        for r in 0..<16 {
            var row: [Bool] = []
            for d in 0..<digitsPerRow {
                guard let v = Unifont.hex(bytes[r * digitsPerRow + d]) else { return nil }
                for bit in (0..<4).reversed() { row.append(v >> UInt8(bit) & 1 == 1) }
            }
            rows.append(row)
        }
        return Glyph(width: width, rows: rows)
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: b - 48
        case 65...70: b - 55
        case 97...102: b - 87
        default: nil
        }
    }
}

/// Text drawn large with half blocks: two pixel rows make one terminal row (▀ ▄ █). At scale 2
/// every pixel is two columns of a full block, twice as large.
public enum BigText {
    /// Columns and rows `text` takes at `scale`, or nil when a character has no glyph.
    public static func size(_ text: String, font: Unifont, scale: Int) -> (columns: Int, rows: Int)? {
        var w = 0
        for u in text.unicodeScalars {
            guard let g = font.glyph(u) else { return nil }
            w += g.width * scale
        }
        return (w, scale == 1 ? 8 : 16)
    }

    /// The lines of the big text (each `size().columns` wide); nil when a character has no glyph.
    public static func lines(_ text: String, font: Unifont, scale: Int) -> [String]? {
        var glyphs: [Unifont.Glyph] = []
        for u in text.unicodeScalars {
            guard let g = font.glyph(u) else { return nil }
            glyphs.append(g)
        }
        if scale == 1 {
            return stride(from: 0, to: 16, by: 2).map { r in
                var line = ""
                for g in glyphs {
                    for x in 0..<g.width {
                        let top = g.rows[r][x], bottom = g.rows[r + 1][x]
                        line.append(top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ")
                    }
                }
                return line
            }
        }
        return (0..<16).map { r in
            var line = ""
            for g in glyphs { for x in 0..<g.width { line += g.rows[r][x] ? "██" : "  " } }
            return line
        }
    }
}
