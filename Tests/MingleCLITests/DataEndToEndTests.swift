import Foundation
import Testing

/// What the data means on the day (issue 7), each finding tried again with the real binary: in
/// tmux where a screen is involved, with the command line otherwise.
@Suite("Trustworthy data, end to end", .serialized)
struct DataEndToEndTests {
    func write(_ text: String, to path: String) throws { try text.write(toFile: path, atomically: true, encoding: .utf8) }

    func people(_ dir: String) throws -> [[String: Any]] { try statusJSON(dir)["people"] as? [[String: Any]] ?? [] }

    @Test func aRosterImportedWhileTheScreenIsOpenIsFoundThere() throws {
        let dir = try sampleStoreFolder()
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)")
        #expect(try t.waitFor("已到 0/80") != nil)
        let csv = temporaryFolder() + "/late.csv"
        var rows = "id,name,ministry,role\n"
        for i in 1...20 { rows += "L\(i),晚到者\(i),農業部,new\n" }
        try write(rows, to: csv)
        let r = try CLI.run(["import", csv, "--store", dir])
        #expect(r.status == 0, "\(r.err)")
        let followed = try t.waitFor("已到 0/100", timeout: 5)
        #expect(followed != nil && followed! < 1.0, "the open screen took \(followed ?? -1) s to follow the import")
        try t.type("晚到者17")
        #expect(try t.waitFor(">晚到者17") != nil)
        try t.keys("Enter")
        #expect(try t.waitFor("已報到 晚到者17") != nil)
        let s = try statusJSON(dir)
        #expect((s["people"] as? [[String: Any]])?.count == 100)
        #expect(try t.screen().contains("在場 1 · 已到 1/100"))
    }

    @Test func aTitleEditIsShownAndABrokenEditSaysWhereWhileTheLastGoodOneStays() throws {
        let dir = try sampleStoreFolder()
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)", columns: 120, rows: 30)
        #expect(try t.waitFor("公共參與官交流午茶") != nil)
        let path = dir + "/event.toml"
        let good = try String(contentsOfFile: path, encoding: .utf8)
        try write(good.replacingOccurrences(of: "公共參與官交流午茶", with: "年終交流午茶"), to: path)
        let shown = try t.waitFor("mingle · 年終交流午茶", timeout: 5)
        #expect(shown != nil && shown! < 1.0, "the title edit took \(shown ?? -1) s")
        try write(good.replacingOccurrences(of: "seats = 8", with: "seat = 8"), to: path)
        // Waits for the whole message (under load a frame may come between the file and its words).
        let broken = try t.waitUntil(timeout: 2) { $0.contains("event.toml, line") && $0.contains("did you mean \"seats\"") }
        #expect(broken.ok, "\(broken.screen)")
        #expect(broken.screen.contains("mingle · 年終交流午茶") && broken.screen.contains("did you mean \"seats\""))
        try t.type("P001")
        try t.keys("Enter")
        #expect(try t.waitFor("已報到 林明哲") != nil)  // the day goes on with the last good version
    }

    @Test func walkInIdsAreNeverGivenTwiceAndARedoRemovesNobody() throws {
        let dir = try sampleStoreFolder()
        #expect(try CLI.run(["walkin", "甲先生", "--store", dir]).out.contains("as W001"))
        let undo = try CLI.run(["undo", "--store", dir])
        #expect(undo.out.hasPrefix("#2 undid #1"), "\(undo.out)")
        let b = try CLI.run(["walkin", "乙小姐", "--store", dir])
        #expect(b.out.contains("as W002"), "\(b.out)")
        // Redo A by undoing the undo, as the finding did: B stays.
        let redo = try CLI.run(["undo", "2", "--store", dir])
        #expect(redo.status == 0 && redo.out.contains("redid #1"), "\(redo.out)\(redo.err)")
        let ids = try people(dir).compactMap { $0["id"] as? String }.filter { $0.hasPrefix("W") }
        #expect(ids == ["W001", "W002"])
        let byHand = try CLI.run(["walkin", "丙", "--id", "W001", "--store", dir])
        #expect(byHand.status == 1 && byHand.err.contains("W001") && byHand.err.contains("already taken"))
        let check = try CLI.run(["check", "--store", dir])
        #expect(check.status == 0 && check.out.hasPrefix("OK") && !check.out.contains("no longer apply"), "\(check.out)\(check.err)")
    }

    @Test func theSearchForgetsAnUndoneWalkIn() throws {
        let dir = try sampleStoreFolder()
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)")
        #expect(try t.waitFor("搜尋") != nil)
        try t.keys("F6")
        try t.type("甲乙丙")
        try t.keys("Enter")
        #expect(try t.waitFor("已登記並報到: 甲乙丙") != nil)
        try t.keys("C-z")
        #expect(try t.waitFor("已復原") != nil)
        try t.keys("F6")
        try t.type("丁戊己")
        try t.keys("Enter")
        #expect(try t.waitFor("已登記並報到: 丁戊己 W002") != nil)
        try t.type("甲乙丙")
        let found = try t.waitUntil { $0.contains("搜尋: 甲乙丙 ") && $0.contains(" 0 筆") }
        #expect(found.ok, "\(found.screen)")
        // What must not happen is a highlight on the new person: give the frame a moment to settle
        // (a capture can catch ncurses halfway through a frame), then look.
        usleep(300_000)
        let settled = try t.screen()
        #expect(!settled.contains(">丁戊己"), "\(settled)")
    }

    @Test func introNextIsOneUndo() throws {
        let dir = try sampleStoreFolder()
        for c in [["checkin", "P001"], ["checkin", "P002"], ["phase", "introductions", "--reason", "no talk"], ["intro", "next"]] {
            #expect(try CLI.run(c + ["--store", dir]).status == 0)
        }
        let next = try CLI.run(["intro", "next", "--store", dir])
        #expect(next.out.contains("林明哲 (內政部) finished") && next.out.contains("游郁婷 (外交部) started"), "\(next.out)")
        let undo = try CLI.run(["undo", "--store", dir])
        #expect(undo.out.contains("finished their introduction; ") && undo.out.contains("started their introduction"), "\(undo.out)")
        let intro = try #require(try statusJSON(dir)["introductions"] as? [String: Any])
        #expect(intro["current"] as? String == "P001" && intro["done"] as? [String] == [])
        let again = try CLI.run(["undo", "--store", dir])  // the action before: P001's start
        #expect(again.out.contains("林明哲 (內政部) started their introduction") && !again.out.contains("finished"), "\(again.out)")
    }

    @Test func aWalkInWhoIsOnTheListIsCaughtOnTheScreenAndOnTheCommandLine() throws {
        let dir = try sampleStoreFolder()
        let cli = try CLI.run(["walkin", "林明哲", "--ministry", "內政部", "--store", dir])
        #expect(cli.status == 1 && cli.err.contains("is on the list as P001") && cli.err.contains("mingle checkin P001") && cli.err.contains("--new"))
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)")
        #expect(try t.waitFor("搜尋") != nil)
        try t.keys("F6")
        try t.type("林明哲")
        try t.keys("Tab")
        try t.type("內政部")
        try t.keys("Enter")
        #expect(try t.waitFor("名單上已經有這個人？") != nil)
        try t.keys("Enter")
        #expect(try t.waitFor("已報到 林明哲 (內政部)") != nil)
        let all = try people(dir)
        #expect(all.count == 80 && all.first { $0["id"] as? String == "P001" }?["checked_in"] as? Bool == true)
        let forced = try CLI.run(["walkin", "游郁婷", "--ministry", "外交部", "--new", "--store", dir])
        #expect(forced.status == 0 && forced.out.contains("as W001"))
        #expect(try people(dir).first { $0["id"] as? String == "W001" }?["role"] as? String == "guest")
    }

    @Test func phaseMovesSayWhatTheyChangeAndBackPutsTheRoomBack() throws {
        let dir = try sampleStoreFolder()
        for c in [["checkin", "P001"], ["checkin", "P002"], ["phase", "chat", "--reason", "start"], ["seat", "P001", "S1"], ["seat", "P002", "S2"]] {
            #expect(try CLI.run(c + ["--store", dir]).status == 0)
        }
        let photo = try CLI.run(["phase", "next", "--store", dir])
        #expect(photo.out.contains("2 people left their stalls"), "\(photo.out)")
        #expect(try people(dir).allSatisfy { $0["stall"] is NSNull })
        let back = try CLI.run(["phase", "back", "--store", dir])
        #expect(back.out.contains("2 people are back at their stalls"), "\(back.out)")
        let stalls = try people(dir).filter { !($0["stall"] is NSNull) }.map { "\($0["id"]!)@\($0["stall"]!)" }
        #expect(Set(stalls) == ["P001@S1", "P002@S2"])
    }

    @Test func leavingTheIntroductionsEndsTheSpeakersTurn() throws {
        let dir = try sampleStoreFolder()
        for c in [["checkin", "P001"], ["phase", "introductions", "--reason", "x"], ["intro", "next"]] {
            #expect(try CLI.run(c + ["--store", dir]).status == 0)
        }
        let chat = try CLI.run(["phase", "next", "--store", dir])
        #expect(chat.out.contains("林明哲 (內政部)'s introduction ended"), "\(chat.out)")
        for phase in ["photo", "reception"] {
            #expect(try CLI.run(["phase", phase, "--reason", "x", "--store", dir]).status == 0)
            #expect((try statusJSON(dir)["introductions"] as? [String: Any])?["current"] is NSNull)
        }
    }

    @Test(arguments: [
        ("date = \"2026-12-04\"", "date = \"2026-13-45\"", "line 3: date \"2026-13-45\" is not a day of the calendar"),
        ("start = \"14:00\"", "start = \"9:5\"", "line 26: opening: start must be a time of day like \"14:05\""),
        ("start = \"14:55\"", "start = \"14:10\"", "line 37: chat starts at 14:10, before introductions (14:15)"),
        ("seats = 8", "seat = 8", "line 51: unknown setting \"seat\" in [[stalls]] number 1 — did you mean \"seats\"?"),
        ("owners = [\"P027\"]", "owners = [\"P999\"]", "line 50: stall S1 (開放政府) has the owner P999, who is not in roster.csv"),
        ("name = \"photo\"", "name = \"closed\"", "line 41: [[phases]] number 5: name must be one of reception, opening, introductions, chat, photo"),
    ])
    func eventTomlMistakesAreNamedWithTheirLines(_ c: (String, String, String)) throws {
        let dir = try sampleStoreFolder()
        let path = dir + "/event.toml"
        let good = try String(contentsOfFile: path, encoding: .utf8)
        try write(good.replacingOccurrences(of: c.0, with: c.1, options: [], range: good.range(of: c.0)), to: path)
        let r = try CLI.run(["check", "--store", dir])
        #expect(r.status == 3 && r.err.contains("event.toml, " + c.2), "\(r.err)")
        #expect(!r.err.contains("TOMLArray") && !r.err.contains("Error while parsing"))
    }

    @Test func oneOwnerOnTwoStallsIsAWarning() throws {
        let dir = try sampleStoreFolder()
        let path = dir + "/event.toml"
        let good = try String(contentsOfFile: path, encoding: .utf8)
        try write(good.replacingOccurrences(of: "owners = [\"P029\"]", with: "owners = [\"P027\"]"), to: path)
        let r = try CLI.run(["check", "--store", dir])
        #expect(r.status == 0 && r.err.contains("warning: event.toml, line 56: P027 owns both stall S1 and stall S2"), "\(r.err)")
    }

    @Test func aSpreadsheetWithATitleRowAndAShortRow() throws {
        let dir = try sampleStoreFolder()
        let csv = temporaryFolder() + "/export.csv"
        try write("公共參與官名單\nid,name,ministry,role\nA1,王一,內政部,new\nA2,王二\n", to: csv)
        let r = try CLI.run(["import", csv, "--store", dir])
        #expect(r.status == 1)
        #expect(r.err.contains("export.csv, line 1: is above the header row (line 2): read as a title and left out"))
        #expect(r.err.contains("export.csv, line 4: is short: 2 fields where the header has 4 (id, name, ministry, role); missing: ministry, role"))
        #expect(!r.err.contains("no id column") && !r.err.contains("the role is empty"))
    }

    @Test func simulateWritesAStoreWhoseOwnersAreOnItsRoster() throws {
        let dir = temporaryFolder() + "/sim"
        #expect(try CLI.run(["simulate", "--store", dir, "--people", "120", "--events", "400"]).status == 0)
        let check = try CLI.run(["check", "--store", dir])
        #expect(check.status == 0 && !check.err.contains("owner"), "\(check.err)")
    }
}
