import Foundation
import Testing

/// Name tags, the sign-in sheet, the report and the attendance export through the real binary;
/// the reception's F9 and a barcode scanner in tmux.
@Suite("Paper through the binary", .serialized)
struct PaperEndToEndTests {
    func tags(in file: String) throws -> [String] {
        let html = try String(contentsOfFile: file, encoding: .utf8)
        return html.components(separatedBy: "<article ").dropFirst().compactMap { part in
            part.range(of: "data-id=\"").flatMap { r in part[r.upperBound...].split(separator: "\"").first.map(String.init) }
        }
    }

    func badgeEvents(_ dir: String) throws -> Int {
        try String(contentsOfFile: dir + "/events.log", encoding: .utf8).split(separator: "\n").filter { $0.contains(" badge ") }.count
    }

    @Test func badgesRecordWhatWasWrittenSoNotPrintedGivesTheRest() throws {
        let dir = try sampleStoreFolder(), out = temporaryFolder()
        var r = try CLI.run(["badges", "--store", dir, "--who", "P001", "林明哲", "游郁婷", "--out", out + "/two.html"])
        #expect(r.status == 0, "\(r.err)")
        #expect(try tags(in: out + "/two.html") == ["P001", "P002"])  // 林明哲 is P001: named twice, one tag
        #expect(r.err.contains("2 tags on 1 page"))
        #expect(try badgeEvents(dir) == 2)
        r = try CLI.run(["walkin", "新朋友", "--ministry", "文化部", "--store", dir])
        #expect(r.status == 0, "\(r.err)")
        r = try CLI.run(["badges", "--store", dir, "--not-printed", "--out", out + "/rest.html"])
        let rest = try tags(in: out + "/rest.html")
        #expect(rest.count == 79 && !rest.contains("P001") && !rest.contains("P002") && rest.contains("W001"), "\(rest)")
        #expect(r.err.contains("79 tags on 10 pages"))
        // The record is an action like any other: undo takes all 79 back at once.
        r = try CLI.run(["undo", "--store", dir])
        #expect(r.out.contains("printed the name tag of 新朋友"), "\(r.out)")
        r = try CLI.run(["badges", "--store", dir, "--not-printed", "--out", out + "/again.html"])
        #expect(try tags(in: out + "/again.html") == rest)
        r = try CLI.run(["badges", "--store", dir, "--walk-ins", "--out", out + "/walkins.html"])
        #expect(try tags(in: out + "/walkins.html") == ["W001"])
        // Nothing left: said, nothing written.
        r = try CLI.run(["badges", "--store", dir, "--not-printed", "--out", out + "/none.html"])
        #expect(r.status == 0 && r.err.contains("every tag has been printed already"))
        #expect(!FileManager.default.fileExists(atPath: out + "/none.html"))
        // Bad choices are said in words.
        r = try CLI.run(["badges", "--store", dir, "--who", "nobody-like-this"])
        #expect(r.status == 1 && r.err.contains("nobody matches"))
        r = try CLI.run(["badges", "--store", dir, "--who", "P001", "--walk-ins"])
        #expect(r.status == 2 && r.err.contains("say one of --who, --walk-ins or --not-printed"))
    }

    @Test func theAttendanceExportOpensInExcelAndNeutralisesFormulas() throws {
        let dir = try sampleStoreFolder()
        try CLI.run(["checkin", "P004", "--store", dir])
        try CLI.run(["walkin", "=HYPERLINK(\"http://x\",\"y\")", "--ministry", "@SUM(A1)", "--new", "--store", dir])
        try CLI.run(["walkin", "\t-tab", "--ministry", "+1", "--new", "--store", dir])
        let csv = try CLI.run(["export", "attendance", "--store", dir])
        #expect(csv.status == 0, "\(csv.err)")
        #expect(csv.out.hasPrefix("\u{FEFF}id,name,ministry,role,invited,walk_in,came,"))
        #expect(csv.out.contains("'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")"))
        #expect(csv.out.contains(",'@SUM(A1),"))
        #expect(csv.out.contains(",'-tab,") && csv.out.contains(",'+1,"))  // the name's leading tab is trimmed at the desk
        #expect(!csv.out.contains(",=") && !csv.out.contains(",@") && !csv.out.contains(",+1"))
        let lines = csv.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 1 + 82)
        #expect(lines.first { $0.hasPrefix("P004,") }?.contains(",yes,no,yes,") == true)  // invited, not a walk-in, came
        let json = try CLI.run(["export", "attendance", "--format", "json", "--store", dir])
        let rows = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [[String: Any]]
        // JSON keeps the text as typed: it is data there, not a formula.
        #expect(rows.contains { $0["name"] as? String == "=HYPERLINK(\"http://x\",\"y\")" && $0["walk_in"] as? Bool == true })
        #expect(rows.first { $0["id"] as? String == "P004" }?["came"] as? Bool == true)
    }

    @Test func theReportWritesBothFilesIntoAFolderItMakes() throws {
        let dir = try sampleStoreFolder(), out = temporaryFolder() + "/a/b/report"
        for id in ["P001", "P002", "P003"] { try CLI.run(["checkin", id, "--store", dir]) }
        try CLI.run(["checkout", "P003", "--store", dir])
        let r = try CLI.run(["report", "--store", dir, "--out", out])
        #expect(r.status == 0, "\(r.err)")
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let h = try statusJSON(dir)["headcounts"] as! [String: Int]
        for key in ["invited", "came", "walk_ins", "left", "here"] {
            #expect(html.contains("data-key=\"\(key)\">\(h[key]!)<"), "\(key)")
        }
        #expect(md.contains("| 出席 came | 3 |") && md.contains("| 提早離開 left early | 1 |"))
        // A file where a folder is meant is said, and nothing is made.
        let asFile = try CLI.run(["report", "--store", dir, "--out", out + "/x.html"])
        #expect(asFile.status == 2 && asFile.err.contains("--out names a folder") && !FileManager.default.fileExists(atPath: out + "/x.html"))
        let onAFile = try CLI.run(["report", "--store", dir, "--out", out + "/report.md"])
        #expect(onAFile.status == 2 && onAFile.err.contains("--out names a folder"))
        #expect(md.contains("出席的 3 人中，0 人（0%）在攤位遇見了其他機關的人"))
        // Without --out: the Markdown on stdout.
        let plain = try CLI.run(["report", "--store", dir])
        #expect(plain.out.hasPrefix("# 活動報告 Report") && plain.err.contains("--out"))
        let sheet = try CLI.run(["signin-sheet", "--store", dir, "--blank", "5"])
        #expect(sheet.out.components(separatedBy: "class=\"person\"").count - 1 == 80)
        #expect(sheet.out.components(separatedBy: "class=\"blank\"").count - 1 == 5)
    }

    @Test func aScannerTypingAnIdAndEnterChecksThatPersonIn() throws {
        let dir = try sampleStoreFolder()
        // P01 is an id, and P010–P019 start with it: the exact id must win.
        try CLI.run(["walkin", "掃描測試", "--id", "P01", "--new", "--store", dir])
        try CLI.run(["checkout", "P01", "--store", dir])
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)")
        #expect(try t.waitFor("搜尋") != nil)
        // A USB scanner types the whole id and Enter at once: one write of "P01\r".
        try t.type("P01\r")
        let scanned = try t.waitUntil { $0.contains("已報到 掃描測試") }
        #expect(scanned.ok, "\(scanned.screen)")
        let people = try statusJSON(dir)["people"] as! [[String: Any]]
        let inNow = people.filter { $0["checked_in"] as? Bool == true && $0["checked_out"] as? Bool == false }.map { $0["id"] as! String }
        #expect(inNow == ["P01"])
        // The next scan right after, also at full speed.
        try t.type("P010\r")
        #expect(try t.waitFor("在場 2") != nil)
        #expect((try statusJSON(dir)["people"] as! [[String: Any]]).first { $0["id"] as? String == "P010" }?["checked_in"] as? Bool == true)
    }

    @Test func f9WritesTheTagOfWhoWasJustCheckedIn() throws {
        let dir = try sampleStoreFolder()
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)", columns: 120)
        #expect(try t.waitFor("搜尋") != nil)
        try t.keys("F9")
        #expect(try t.waitFor("請先輸入姓名，或先幫人報到") != nil)
        try t.type("吳耀")
        #expect(try t.waitFor("1 筆") != nil)
        try t.keys("Enter")
        #expect(try t.waitFor("已報到 吳耀文") != nil)
        try t.keys("F9")
        let written = try t.waitUntil { $0.contains("tag-P004.html") }
        #expect(written.ok, "\(written.screen)")
        let file = dir + "/print/tag-P004.html"
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.contains("吳耀文") && html.contains("data-id=\"P004\""))
        #expect(try badgeEvents(dir) == 1)
        // A walk-in's tag right after F6.
        try t.keys("F6")
        #expect(try t.waitFor("現場報名") != nil)
        try t.type("新來的")
        try t.keys("Enter")
        try t.waitFor("W001")
        try t.keys("F9")
        let walkIn = try t.waitUntil { $0.contains("tag-W001.html") }
        #expect(walkIn.ok, "\(walkIn.screen)")
        let r = try CLI.run(["badges", "--store", dir, "--not-printed", "--out", dir + "/rest.html"])
        #expect(r.err.contains("79 tags"), "\(r.err)")
    }
}
