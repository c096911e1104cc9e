import Testing
@testable import MinglePaper

@Suite("QR codes")
struct QRCodeTests {
    @Test func anIdBecomesASquareWithFinderPatterns() throws {
        let code = try #require(QRCode("P0042"))
        #expect(code.size >= 21)
        #expect(code.dark.count == code.size * code.size)
        // The three finder patterns: a dark 7x7 ring with a dark 3x3 centre, at three corners.
        for (x0, y0) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] {
            #expect(code.isDark(x: x0, y: y0) && code.isDark(x: x0 + 6, y: y0 + 6))
            #expect(!code.isDark(x: x0 + 1, y: y0 + 1))
            #expect(code.isDark(x: x0 + 3, y: y0 + 3))
        }
        #expect(code.side() == code.size + 8)
    }

    @Test func thePathDrawsExactlyTheDarkModules() throws {
        let code = try #require(QRCode("W007"))
        // Each "M x y h n" run covers n dark modules; together they are every dark module once.
        var covered = Set<Int>()
        let runs = code.svgPath(quietZone: 0).split(separator: "M").map { $0.split(whereSeparator: { "hvz ".contains($0) }) }
        for r in runs {
            let x = Int(r[0])!, y = Int(r[1])!, n = Int(r[2])!
            for i in x..<(x + n) { #expect(covered.insert(y * code.size + i).inserted) }
        }
        #expect(covered.count == code.dark.filter { $0 }.count)
        #expect(covered.allSatisfy { code.dark[$0] })
    }
}
