import Foundation
import Testing

/// The timekeeper and the board on one store, in two tmux windows, as on the day.
@Suite("The program, end to end", .serialized)
struct ProgramEndToEndTests {
    func logCount(_ dir: String) throws -> Int {
        (try statusJSON(dir)["log"] as? [String: Any])?["events"] as? Int ?? -1
    }

    @Test func theTimekeeperRunsTheIntroductionsAndTheBoardFollows() throws {
        let dir = try sampleStoreFolder()
        for p in ["P001", "P002", "P003", "P004"] { #expect(try CLI.run(["checkin", p, "--store", dir]).status == 0) }
        let t = try Tmux(command: "\(CLI.binary) --store \(dir) --role timekeeper")
        try t.newWindow("board", command: "\(CLI.binary) --store \(dir) --role board")
        #expect(try t.waitFor("計時") != nil)
        #expect(try t.waitFor("在場 4", window: "board") != nil)

        // n asks, y confirms: opening, then introductions.
        try t.keys("n")
        #expect(try t.waitFor("進入「開場」？") != nil)
        try t.keys("y")
        #expect(try t.waitFor("「報到」→「開場」") != nil)
        try t.keys("n")
        #expect(try t.waitFor("進入「自我介紹」？") != nil)
        try t.keys("Enter")
        #expect(try t.waitFor("「開場」→「自我介紹」") != nil)

        // Space: the first speaker; the board shows them within a second.
        try t.keys("Space")
        let first = try t.waitFor("林 明 哲（內政部）", window: "board", timeout: 5)
        #expect(first != nil && first! < 1.0, "the board took \(first ?? -1) s")
        // s: skipped, the next starts. Pressed a moment after the start, it asks first (a double tap?).
        try t.keys("s")
        #expect(try t.waitFor("才剛開始") != nil)
        try t.keys("y")
        let second = try t.waitFor("游 郁 婷（外交部）", window: "board", timeout: 5)
        #expect(second != nil && second! < 1.0, "the board took \(second ?? -1) s")
        // Space: done, the next (asked again: only a moment has passed).
        try t.keys("Space")
        #expect(try t.waitFor("才剛開始") != nil)
        try t.keys("y")
        let third = try t.waitFor("盧 彥 廷（國防部）", window: "board", timeout: 5)
        #expect(third != nil && third! < 1.0)
        // u: one undo takes back the whole Space (done and start): 游郁婷 speaks again.
        try t.keys("u")
        #expect(try t.waitFor("已復原") != nil)
        let back = try t.waitFor("游 郁 婷（外交部）", window: "board", timeout: 5)
        #expect(back != nil && back! < 1.0)
        let intro = try #require(try statusJSON(dir)["introductions"] as? [String: Any])
        #expect(intro["current"] as? String == "P002" && intro["done"] as? [String] == [])

        // m: a message to the room, on the board.
        try t.keys("m")
        #expect(try t.waitFor("給全場的訊息") != nil)
        try t.type("蛋糕 15:50 上桌")
        try t.keys("Enter")
        let shown = try t.waitFor("蛋糕 15:50 上桌", window: "board", timeout: 5)
        #expect(shown != nil && shown! < 1.0)

        // Keys typed on the board change nothing in the log; q quits it cleanly.
        let count = try logCount(dir)
        try t.type("nbsu +-mpa[]", window: "board")
        try t.keys("Space", "Enter", "C-z", "C-y", "F6", "F7", "F8", "Escape", window: "board")
        usleep(300_000)
        #expect(try logCount(dir) == count)
        try t.keys("q", window: "board")
        #expect(try t.waitFor("EXIT=0", window: "board") != nil)
        #expect(try t.display("#{alternate_on}", window: "board") == "0")
    }
}

@Suite("export timeline")
struct TimelineExportTests {
    @Test func csvForExcelAndJSONForTools() throws {
        let dir = try sampleStoreFolder()
        // A walk-in whose name a spreadsheet would run as a formula.
        #expect(try CLI.run(["walkin", "=HYPERLINK(\"x\")", "--role", "new", "--new", "--store", dir]).status == 0)
        for c in [["checkin", "P001"], ["phase", "introductions", "--reason", "x"], ["intro", "next"], ["intro", "next"], ["intro", "skip"]] {
            #expect(try CLI.run(c + ["--store", dir]).status == 0, "\(c)")
        }
        let csv = try CLI.run(["export", "timeline", "--store", dir])
        #expect(csv.status == 0)
        let bytes = Array(csv.out.utf8)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "no byte-order mark")
        let lines = csv.out.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0] == "kind,id,name,ministry,planned_start,planned_seconds,actual_start,actual_end,actual_seconds,over_seconds,outcome,turns")
        #expect(lines.filter { $0.hasPrefix("phase,") }.count == 5)
        let speakers = lines.filter { $0.hasPrefix("speaker,") }
        // The walk-in arrived first, so spoke first; 林明哲 was skipped.
        #expect(speakers.count == 2 && speakers[0].contains("\"'=HYPERLINK(\"\"x\"\")\"") && speakers[0].hasSuffix(",done,1"), "\(speakers)")
        #expect(speakers[1].hasPrefix("speaker,P001,林明哲,內政部,,60,") && speakers[1].hasSuffix(",skipped,1"), "\(speakers)")
        let out = temporaryFolder() + "/timeline.json"
        let json = try CLI.run(["export", "timeline", "--format", "json", "--out", out, "--store", dir])
        #expect(json.status == 0 && json.out.isEmpty && json.err.contains("Wrote \(out)"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [[String: Any]])
        #expect(rows.count == 7)
        let intro = try #require(rows.first { $0["id"] as? String == "introductions" })
        #expect(intro["planned_seconds"] as? Int == 2400 && intro["actual_start"] is String && intro["actual_end"] is NSNull)
        #expect(rows.first { $0["id"] as? String == "chat" }?["actual_seconds"] is NSNull)
        #expect(rows[5]["name"] as? String == "=HYPERLINK(\"x\")")  // JSON keeps the name as it is
    }
}
