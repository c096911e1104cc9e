import Foundation
import Testing

/// The defects a new user found in the shell (issue 6), each tried again on the real binary in
/// tmux, one test per finding.
@Suite("The shell in tmux", .serialized)
struct ShellEndToEndTests {
    func open(_ dir: String, columns: Int = 80, rows: Int = 24, env: [String: String] = [:], args: String = "") throws -> Tmux {
        let t = try Tmux(command: "\(CLI.binary) --store \(dir) \(args)", columns: columns, rows: rows, env: env)
        #expect(try t.waitFor(" mingle · ") != nil)
        return t
    }

    @Test func theWalkInFormTakesEveryKey() throws {
        let dir = try sampleStoreFolder()
        let t = try open(dir)
        try t.type("P00")
        #expect(try t.waitFor("9 筆") != nil)
        let before = try t.screen()
        try t.keys("F6")
        #expect(try t.waitFor("現場報名") != nil)
        // On the Role field, letters choose a role; none reaches the search behind the form.
        try t.keys("Tab", "Tab")
        try t.type("xsq")
        #expect(try t.waitFor("[資深]") != nil)
        try t.keys("PPage", "NPage", "F7")
        try t.keys("Escape")
        let after = try t.waitUntil { Tmux.body($0) == Tmux.body(before) }
        #expect(after.ok, "the screen behind the form changed:\n\(before)\n---\n\(after.screen)")
        // F6 again with something typed asks before throwing it away.
        try t.keys("F6")
        try t.type("林")
        try t.keys("F6")
        #expect(try t.waitFor("放棄這筆現場報名？") != nil)
        try t.keys("n")
        #expect(try t.waitUntil { !$0.contains("放棄") && $0.contains("林") }.ok)
    }

    /// Types `search`, waits for `found`, then `disturb`s the screen and `restore`s it: the pane
    /// must come back character for character.
    func comesBack(columns: Int = 80, rows: Int = 24, search: String, found: String,
                   disturb: (Tmux) throws -> Void, restore: String) throws {
        let t = try open(try sampleStoreFolder(), columns: columns, rows: rows)
        try t.type(search)
        #expect(try t.waitFor(found) != nil)
        let before = try t.screen()
        try disturb(t)
        try t.keys(restore)
        let after = try t.waitUntil { Tmux.body($0) == Tmux.body(before) }
        #expect(after.ok, "after \(restore):\n\(after.screen)\nbefore:\n\(before)")
    }

    @Test func closingTheHelpAtSixtyBySixteenLeavesEveryWideCharacterWhole() throws {
        try comesBack(columns: 60, rows: 16, search: "吳", found: "6 筆", disturb: { t in
            #expect(try t.screen().contains(" 搜尋: 吳"))
            try t.keys("F1")
            #expect(try t.waitFor("這個畫面的按鍵") != nil)
        }, restore: "Escape")
    }

    @Test func closingTheWalkInFormWithALongNameLeavesNoPieces() throws {
        try comesBack(search: "吳", found: "6 筆", disturb: { t in
            try t.keys("F6")
            try t.type("司馬中原歐陽靜宜張簡阿美")
            #expect(try t.waitFor("司馬中原歐陽靜宜張簡阿美") != nil)
        }, restore: "Escape")
    }

    @Test func ctrlLRepaintsWhatSomethingElseWroteOnTheTerminal() throws {
        try comesBack(search: "吳耀", found: "1 筆", disturb: { t in
            // A stray program (wall, a background job) writes over the screen.
            let tty = try t.display("#{pane_tty}")
            try "\u{1B}[5;10HGARBAGE 垃圾 GARBAGE\u{1B}[12;1H~~~~".write(toFile: tty, atomically: false, encoding: .utf8)
            #expect(try t.waitFor("GARBAGE") != nil)
        }, restore: "C-l")
    }

    @Test(arguments: ["xterm-256color", "vt100", "screen-256color", "tmux-256color", "linux"])
    func homeEndDeleteAndPagesWorkUnder(_ term: String) throws {
        let dir = try sampleStoreFolder()
        let t = try open(dir, env: ["TERM": term])
        try t.type("abcd")
        try t.keys("Home")
        try t.type("X")
        try t.keys("End")
        try t.type("Y")
        try t.keys("Left", "Left", "Delete")
        let typed = try t.waitUntil { $0.contains("搜尋: XabcY ") }
        #expect(typed.ok, "\(term): \(typed.screen)")
        #expect(try !t.screen().contains("[1~") && !t.screen().contains("[4~"))
        try t.keys("Escape")
        try t.type("P0")
        #expect(try t.waitFor(">林明哲") != nil)
        try t.keys("NPage")
        #expect(try t.waitUntil { !$0.contains(">林明哲") && $0.contains(">") }.ok, "\(term): PgDn did not move")
    }

    @Test func singleKeysOnAScreenWithoutATextFieldAreShownAndNamed() throws {
        let dir = try sampleStoreFolder()
        let t = try open(dir)
        try t.type("P002")
        try t.keys("Enter")
        #expect(try t.waitFor("已報到 游郁婷") != nil)
        try t.keys("F3")
        #expect(try t.waitFor("u 復原") != nil)
        #expect(try t.screen().contains("q 離開"))
        // u says what it undid, whichever screen it came from.
        try t.keys("u")
        #expect(try t.waitFor("已復原：已報到 游郁婷 (外交部)") != nil)
        try t.keys("?")
        #expect(try t.waitFor("這個畫面的按鍵") != nil)
        let help = try t.screen()
        #expect(help.contains(" u ") && help.contains(" q ") && help.contains(" ? "))
        try t.keys("Escape", "q")
        #expect(try t.waitFor("EXIT=0") != nil)
    }

    @Test func helpAtSixtyBySixteenScrollsToTheQuitKey() throws {
        let dir = try sampleStoreFolder()
        let t = try open(dir, columns: 60, rows: 16)
        try t.keys("F1")
        #expect(try t.waitFor("▼") != nil)
        var seen = try t.screen()
        for _ in 0..<5 {
            try t.keys("NPage")
            usleep(50_000)
            seen += try t.screen()
        }
        #expect(seen.contains("F10/Ctrl-C") && seen.contains("Backspace/Delete"))
        try t.keys("Escape", "F6", "F1")
        #expect(try t.waitFor("Shift-Tab/↑") != nil)
        let form = try t.screen()
        #expect(form.components(separatedBy: "Tab/↓").count == 2, "the form's help lists Tab more than once:\n\(form)")
    }

    @Test func peopleWithTheSameNameAndMinistryAreToldApartByTheirIds() throws {
        let dir = try sampleStoreFolder()
        let csv = temporaryFolder() + "/twins.csv"
        try "id,name,ministry,role\nT1,王小明,內政部,new\nT2,王小明,內政部,senior\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", csv, "--store", dir]).status == 0)
        let t = try open(dir)
        try t.type("王小明")
        #expect(try t.waitFor("2 筆") != nil)
        let screen = try t.screen()
        #expect(screen.contains("王小明 T1") && screen.contains("王小明 T2"), "\(screen)")
    }

    @Test func aMessageFadesAndARefusalNamesWhoDidItFromWhere() throws {
        let dir = try sampleStoreFolder()
        let t = try open(dir)
        try t.newWindow("desk2", command: "\(CLI.binary) --store \(dir)")
        #expect(try t.waitFor("搜尋", window: "desk2") != nil)
        let otherTTY = try t.display("#{pane_tty}", window: "desk2").replacingOccurrences(of: "/dev/", with: "")
        try t.type("P005", window: "desk2")
        try t.keys("Enter", window: "desk2")
        #expect(try t.waitFor("已報到", window: "desk2") != nil)
        try t.type("P005")
        try t.keys("Enter")
        let user = ProcessInfo.processInfo.environment["USER"] ?? "root"
        let named = try t.waitUntil { $0.contains("由 \(user) 在 \(otherTTY) 辦理") }
        #expect(named.ok, "\(named.screen)")
        // At the next key the message goes.
        try t.keys("Escape")
        #expect(try t.waitUntil { !$0.contains("已經報到過了") }.ok)
        // And after a few seconds on its own.
        try t.keys("F6")
        try t.type("路人甲")
        try t.keys("Enter")
        #expect(try t.waitFor("已登記並報到") != nil)
        #expect(try t.waitUntil(timeout: 12) { !$0.contains("已登記並報到") }.ok)
    }

    @Test func eightyColumnsInEnglishKeepQuitAndTheWholeRole() throws {
        let dir = try sampleStoreFolder()
        let t = try open(dir, args: "--lang en")
        try t.type("P00")
        #expect(try t.waitFor("9 matches") != nil)
        let lines = try t.screen().split(separator: "\n", omittingEmptySubsequences: false)
        let user = ProcessInfo.processInfo.environment["USER"] ?? "root"
        #expect(lines[22].contains("F10/Ctrl-C quit"), "\(lines[22])")
        let tty = try t.display("#{pane_tty}").replacingOccurrences(of: "/dev/", with: "")
        #expect(lines[23].contains("reception@\(user) \(tty) │"), "\(lines[23])")
    }

    @Test func aStoreThisUserCannotWriteIsSaidAtOnceWholeInChinese() throws {
        let dir = try sampleStoreFolder()
        let command: String
        if getuid() == 0 {
            // root may write anywhere: try it as nobody, on a store nobody may read but not write.
            let parent = (dir as NSString).deletingLastPathComponent
            let binDir = temporaryFolder()
            try copyBinary(to: binDir + "/mingle")
            for path in [parent, dir, binDir] { chmod(path, 0o755) }
            for f in ["event.toml", "roster.csv", "events.log"] { chmod(dir + "/" + f, 0o644) }
            chmod(binDir + "/mingle", 0o755)
            command = "setpriv --reuid=nobody --regid=nogroup --clear-groups env USER=nobody HOME=/tmp \(binDir)/mingle --store \(dir)"
        } else {
            chmod(dir + "/events.log", 0o444)
            command = "\(CLI.binary) --store \(dir)"
        }
        let t = try Tmux(command: command)
        let shown = try t.waitUntil { $0.contains("解決方法") }
        #expect(shown.ok, "\(shown.screen)")
        // The advice is whole, over as many lines as it needs.
        let flat = shown.screen.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        // As nobody, the store is someone else's: share it with a group. As its owner: allow yourself.
        let fix = getuid() == 0 ? "docs/sharing.md）。" : "chmodu+rw\(dir)/events.log。"
        #expect(flat.contains("無法寫入\(dir)/events.log") && flat.contains(fix), "\(flat)")
    }

    @Test func aStoreThisUserCannotReadStopsAtOnceInTheScreensLanguage() throws {
        let dir = try sampleStoreFolder()
        let command: String
        if getuid() == 0 {
            let parent = (dir as NSString).deletingLastPathComponent
            let binDir = temporaryFolder()
            try copyBinary(to: binDir + "/mingle")
            for path in [parent, dir, binDir] { chmod(path, 0o755) }
            chmod(dir + "/event.toml", 0o644)
            chmod(dir + "/roster.csv", 0o600)  // the names are private to root
            chmod(binDir + "/mingle", 0o755)
            command = "setpriv --reuid=nobody --regid=nogroup --clear-groups env USER=nobody HOME=/tmp \(binDir)/mingle --store \(dir)"
        } else {
            chmod(dir + "/roster.csv", 0o000)
            command = "\(CLI.binary) --store \(dir)"
        }
        let t = try Tmux(command: command)
        let said = try t.waitUntil { $0.contains("EXIT=") }
        let flat = said.screen.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        #expect(flat.contains("權限問題") && flat.contains("無法讀取\(dir)/roster.csv") && flat.contains("解決方法"), "\(said.screen)")
        #expect(said.screen.contains("EXIT=3"))
    }

    @Test func aStallThatDoesNotExistIsBadUsage() throws {
        let dir = try sampleStoreFolder()
        let r = try CLI.run(["run", "--role", "stall:S9", "--store", dir])
        #expect(r.status == 2)
        #expect(r.err.contains("there is no stall S9") && r.err.contains("S1 (開放政府)") && r.err.contains("S8 (社會創新)"))
        #expect(try CLI.run(["--role", "stall", "--store", dir]).status == 2)
    }

    @Test func theOptionsAreWhatTheDocsSay() throws {
        let dir = try sampleStoreFolder()
        let t = try open(dir, args: "--lang en --role reception")
        #expect(try t.waitFor("Search:") != nil)
        let fr = try CLI.run(["keys", "--lang", "fr"])
        #expect(fr.status == 2 && fr.err.contains("zh-TW or en"))
        let demo = try CLI.run(["demo", "--help"]).out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(demo.contains("default: a new temporary folder"))
        #expect(!demo.contains("$MINGLE_STORE, else the current folder"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for doc in ["README.md", "docs/cli.md", "docs/store-format.md", "docs/sharing.md"] {
            let text = try String(contentsOf: root.appendingPathComponent(doc), encoding: .utf8)
            #expect(!text.contains("DESIGN.md"), "\(doc) points to a DESIGN.md the project does not have")
        }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("docs/design.md").path))
    }
}
