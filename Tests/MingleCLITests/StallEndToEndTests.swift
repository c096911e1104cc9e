import Foundation
import MingleStore
import Testing

/// Two stall owners and the reception desk in three tmux windows on one store, as on the day.
@Suite("The stalls, end to end", .serialized)
struct StallEndToEndTests {
    @Test func twoOwnersAndReceptionOnOneStore() throws {
        let dir = try sampleStoreFolder()
        let people = (1...12).map { "P" + String(format: "%03d", $0) } + ["P027", "P029"]
        for p in people { #expect(try CLI.run(["checkin", p, "--store", dir]).status == 0) }
        #expect(try CLI.run(["phase", "chat", "--reason", "test", "--store", dir]).status == 0)
        // 開放政府 (S1, 8 seats) has seven at the table.
        for p in people.prefix(7) { #expect(try CLI.run(["seat", p, "S1", "--store", dir]).status == 0) }
        let room = try Store(directory: dir).state.room
        func name(_ id: String) -> String { room.person(id)!.name }

        let t = try Tmux(command: "\(CLI.binary) --store \(dir)")
        try t.newWindow("a", command: "\(CLI.binary) --store \(dir) --role stall:S1")
        try t.newWindow("b", command: "\(CLI.binary) --store \(dir) --role stall:S2")
        #expect(try t.waitFor("搜尋") != nil)
        #expect(try t.waitFor("座位 7/8", window: "a") != nil)
        #expect(try t.waitFor("座位 0/8", window: "b") != nil)

        // A seats P008: the table is full.
        try t.type("P008", window: "a")
        try t.keys("Enter", window: "a")
        #expect(try t.waitFor("座位 8/8", window: "a") != nil)
        #expect(try t.screen("a").contains(name("P008")))
        // B seats the same person: they move to B, and leave A's list within a second.
        try t.type("P008", window: "b")
        try t.keys("Enter", window: "b")
        let start = Date()
        #expect(try t.waitFor("從 開放政府 過來", window: "b") != nil)
        let gone = try t.waitUntil(window: "a", timeout: 5) { !Self.table($0).contains(name("P008")) && $0.contains("座位 7/8") }
        let took = Date().timeIntervalSince(start)
        #expect(gone.ok && took < 1.0, "A still showed \(name("P008")) at the table after \(took) s:\n\(gone.screen)")
        // ...and A sees where they went.
        #expect(gone.screen.contains("最近 10 分鐘離開") && gone.screen.contains("→ 公共參與"))

        // F8 on B: reception shows the request within a second; F8 again clears it there.
        try t.keys("F8", window: "b")
        let asked = try t.waitFor("求助：公共參與", timeout: 5)
        #expect(asked != nil && asked! < 1.0, "reception took \(asked ?? -1) s")
        #expect(try t.waitFor("已請工作人員協助", window: "b") != nil)
        try t.keys("F8", window: "b")
        let cleared = try t.waitUntil(timeout: 5) { !$0.contains("求助：公共參與") }
        #expect(cleared.ok, "reception still shows the request:\n\(cleared.screen)")

        // A fills the table again, then a full stall asks before seating one more.
        try t.type("P009", window: "a")
        try t.keys("Enter", window: "a")
        #expect(try t.waitFor("座位 8/8", window: "a") != nil)
        try t.type("P010", window: "a")
        try t.keys("Enter", window: "a")
        #expect(try t.waitFor("已坐滿。仍要讓", window: "a") != nil)
        #expect(try statusJSON(dir).seated("S1").count == 8)  // asked, nothing written yet
        try t.keys("y", window: "a")
        #expect(try t.waitFor("座位 9/8", window: "a") != nil)
        #expect(try statusJSON(dir).seated("S1").contains("P010"))

        // F7 releases the selected person: the one just seated is highlighted, so a wrong seat
        // is one key to put right.
        try t.keys("F7", window: "a")
        #expect(try t.waitFor("離開攤位", window: "a") != nil)
        #expect(try statusJSON(dir).seated("S1").contains("P010") == false)
        #expect(try t.waitFor("座位 8/8", window: "a") != nil)
        // The highlight stays on that row (now the last at the table): F7 again at once asks first
        // (issue 16: the highlight moved on), and yes releases them.
        try t.keys("F7", window: "a")
        #expect(try t.waitFor("剛離開這一桌。也要讓", window: "a") != nil)
        #expect(try statusJSON(dir).seated("S1").contains("P009"))
        try t.keys("y", window: "a")
        #expect(try t.waitFor("座位 7/8", window: "a") != nil)
        #expect(try statusJSON(dir).seated("S1").contains("P009") == false)

        // The reception's room view (F3) lists the stalls; Enter opens one, Esc comes back.
        try t.keys("F3")
        #expect(try t.waitFor("在場、未入座") != nil)
        try t.keys("Enter")
        #expect(try t.waitFor("入座：") != nil)
        try t.keys("Escape")
        #expect(try t.waitFor("在場、未入座") != nil)
    }
}

extension StallEndToEndTests {
    /// The rows of the table on a stall's screen: between the column headers and "who just left".
    static func table(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.contains("姓名") }) else { return screen }
        let end = lines.firstIndex { $0.contains("最近 10 分鐘離開") } ?? lines.count
        return lines[(header + 1)..<max(header + 1, end)].joined(separator: "\n")
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The ids seated at a stall, from `mingle status --json`.
    func seated(_ stall: String) -> [String] {
        ((self["stalls"] as? [[String: Any]])?.first { $0["id"] as? String == stall }?["seated"] as? [String]) ?? []
    }
}
