import MingleCore
import MingleTerminal
@testable import MingleTUI
import Testing

@Suite("Display width, truncation, sanitizing")
struct WidthTests {
    @Test(arguments: [
        ("王小明", 6), ("abc", 3), ("José", 4), ("e\u{301}", 1), ("Ｒ", 2), ("", 0), ("歐陽靜宜 Lin", 12), ("\u{3000}", 2),
    ])
    func columns(_ c: (String, Int)) {
        #expect(DisplayWidth.of(c.0) == c.1)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.truncate("國軍退除役官兵輔導委員會", to: 9) == "國軍退除…")
        #expect(DisplayWidth.truncate("國軍退除役官兵輔導委員會", to: 10) == "國軍退除…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("國軍退除役官兵輔導委員會", to: 10)) == 9)
        #expect(DisplayWidth.truncate("王小明", to: 6) == "王小明")
        #expect(DisplayWidth.fit("王小明", to: 8) == "王小明  ")
        #expect(DisplayWidth.fit("王小明", to: 5) == "王小…")
        #expect(DisplayWidth.fitRight("12", to: 4) == "  12")
    }

    @Test func everyTruncationFitsExactly() {
        let names = ["國軍退除役官兵輔導委員會", "José Núñez García", "Yapit Tali 歐陽", "e\u{301}e\u{301}e\u{301}", "a王b小c明"]
        for name in names {
            for w in 1...30 {
                let f = DisplayWidth.fit(name, to: w)
                #expect(DisplayWidth.of(f) == w, "\(name) at \(w)")
            }
        }
    }

    @Test func sanitizerDefusesControlsAndBidi() {
        #expect(Sanitizer.clean("\u{1B}]0;x\u{7}王\u{202E}a\u{9B}") == "\u{FFFD}]0;x\u{FFFD}王\u{FFFD}a\u{FFFD}")
        #expect(Sanitizer.clean("王小明") == "王小明")
        #expect(Sanitizer.cleanLines("a\nb\u{1B}") == "a\nb\u{FFFD}")
    }

    @Test func memoryCanvasMarksTheSecondHalfOfWideCharacters() {
        var c = MemoryCanvas(rows: 1, columns: 6)
        let end = c.put("王a小明", row: 0, column: 0, style: .normal)
        #expect(end == 5)  // 明 does not fit in the last column: not drawn, never split
        #expect(c.lines == ["王a小 "])
        #expect(c.cells[0][1].isContinuation && !c.cells[0][2].isContinuation)
        c.put("x", row: 0, column: 1, style: .normal)  // over the right half of 王
        #expect(c.lines == [" xa小 "])  // the left half is blanked, never left dangling
    }
}

@Suite("Wrapping")
struct WrapTests {
    @Test func closingPunctuationNeverStartsALine() {
        // 19 Han characters and brackets, 38 columns, into 36: "）" would be alone on line two.
        let lines = Wrap.lines("（現在不行：這個終端機只開放一個畫面）", width: 36)
        #expect(lines == ["（現在不行：這個終端機只開放一個畫", "面）"])
        for width in 6...40 {
            for line in Wrap.lines("請先輸入姓名：Enter 讓選到的人入座（已報到的人才能入座）。", width: width).dropFirst() {
                #expect(!Wrap.noLineStart.contains(line.first ?? "x"), "width \(width): \(line)")
            }
        }
    }
}
