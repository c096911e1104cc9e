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
        // s: skipped, the next starts.
        try t.keys("s")
        let second = try t.waitFor("游 郁 婷（外交部）", window: "board", timeout: 5)
        #expect(second != nil && second! < 1.0, "the board took \(second ?? -1) s")
        // Space: done, the next.
        try t.keys("Space")
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
