import CQrencode

/// A QR code as a square of modules, from libqrencode (error correction M: a tag survives a
/// crease or a thumb over a corner).
public struct QRCode: Equatable, Sendable {
    public let size: Int
    /// Row by row, `true` for a dark module.
    public let dark: [Bool]

    /// Nil only when libqrencode cannot encode the text (far longer than any id).
    public init?(_ text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        // Bit 0 of each byte is the module's colour; the other bits are libqrencode's bookkeeping.
        dark = (0..<width * width).map { code.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(x: Int, y: Int) -> Bool { dark[y * size + x] }

    /// The dark modules as one SVG path in module units, offset by the quiet zone: one "h" run
    /// per row of consecutive dark modules keeps the path short.
    public func svgPath(quietZone q: Int = 4) -> String {
        var d = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                let start = x
                while x < size, isDark(x: x, y: y) { x += 1 }
                d += "M\(start + q) \(y + q)h\(x - start)v1h-\(x - start)z"
            }
        }
        return d
    }

    /// The whole symbol, quiet zone included, in module units: the SVG's viewBox side.
    public func side(quietZone q: Int = 4) -> Int { size + 2 * q }
}
