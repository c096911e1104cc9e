import Foundation
import Testing

/// The real binary in tmux, as a host would use it.
@Suite("End to end in tmux", .serialized)
struct EndToEndTests {
    func checkedIn(_ dir: String, _ id: String) throws -> Bool {
        let people = try statusJSON(dir)["people"] as? [[String: Any]] ?? []
        return people.first { $0["id"] as? String == id }?["checked_in"] as? Bool == true
    }

    @Test func checkInByTypingAChineseFragmentAndEnter() throws {
        let dir = try sampleStoreFolder()
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)")
        #expect(try t.waitFor("搜尋") != nil)
        try t.type("吳耀")
        #expect(try t.waitFor("1 筆") != nil)
        try t.keys("Enter")
        #expect(try t.waitFor("已報到 吳耀文 (財政部)") != nil)
        #expect(try checkedIn(dir, "P004"))
        try t.keys("F10")
        #expect(try t.waitFor("EXIT=0") != nil)
    }

    @Test func aSecondTerminalShowsTheCheckInWithinOneSecond() throws {
        let dir = try sampleStoreFolder()
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)")
        try t.newWindow("desk2", command: "\(CLI.binary) --store \(dir)")
        let started = try t.waitUntil(window: "desk2") { $0.contains("在場 0") }
        #expect(started.ok, "desk2 shows:\n\(started.screen)")
        #expect(try t.waitFor("搜尋") != nil)
        try t.type("P010")
        try t.keys("Enter")
        #expect(try t.waitFor("已報到") != nil)
        let seconds = try t.waitFor("在場 1", window: "desk2", timeout: 5)
        #expect(seconds != nil && seconds! < 1.0, "the second terminal took \(seconds ?? -1) s")
    }

    @Test func resizeToSixtyByTwentyTooSmallAndBack() throws {
        let dir = try sampleStoreFolder()
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)")
        #expect(try t.waitFor("F5 看板") != nil)
        try t.run(["resize-window", "-t", "t", "-x", "60", "-y", "20"])
        let shown = try t.waitFor("在場 0 · 已到 0/80")
        let screen = try t.screen(), size = try t.display("#{window_width}x#{window_height}")
        #expect(shown != nil, "\(screen) \(size)")
        #expect(try t.screen().split(separator: "\n").count <= 20)
        try t.run(["resize-window", "-t", "t", "-x", "50", "-y", "12"])
        let small = try t.waitUntil { $0.filter { !$0.isWhitespace }.contains("終端機太小—至少需要60×16") }
        #expect(small.ok, "\(small.screen)")
        try t.run(["resize-window", "-t", "t", "-x", "80", "-y", "24"])
        #expect(try t.waitFor("F5 看板") != nil)
        #expect(try !t.screen().contains("終端機太小"))
    }

    @Test(arguments: ["tmux-256color", "screen-256color", "vt100"])
    func worksUnderTerm(_ term: String) throws {
        let dir = try sampleStoreFolder()
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)", env: ["TERM": term])
        #expect(try t.waitFor("搜尋") != nil)
        try t.type("林明哲")
        try t.keys("Enter")
        #expect(try t.waitFor("已報到 林明哲") != nil)
        #expect(try checkedIn(dir, "P001"))
        try t.keys("C-c")
        #expect(try t.waitFor("EXIT=0") != nil)
    }

    @Test func chineseWorksWithLangUnset() throws {
        let dir = try sampleStoreFolder()
        let t = try Tmux(command: "env -u LANG -u LC_ALL -u LC_CTYPE \(CLI.binary) --store \(dir)")
        #expect(try t.waitFor("公共參與官交流午茶") != nil)
        try t.type("游郁")
        try t.keys("Enter")
        #expect(try t.waitFor("已報到 游郁婷") != nil)
    }

    @Test func anUnknownTermIsAClearMessageAndExitTwo() throws {
        let dir = try sampleStoreFolder()
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)", env: ["TERM": "no-such-terminal"])
        #expect(try t.waitFor("does not know the terminal type \"no-such-terminal\"") != nil)
        #expect(try t.waitFor("EXIT=2") != nil)
    }

    @Test func aMissingTermIsAClearMessageAndExitTwo() throws {
        let dir = try sampleStoreFolder()
        let t = try Tmux(command: "env -u TERM \(CLI.binary) --store \(dir)")
        #expect(try t.waitFor("The TERM variable is not set") != nil)
        #expect(try t.waitFor("EXIT=2") != nil)
    }

    @Test func escapeSequencesInANameLeaveTheTerminalAlone() throws {
        let dir = try sampleStoreFolder()
        let csv = temporaryFolder() + "/evil.csv"
        let evil = "\u{1B}]2;pwned\u{7}\u{1B}[?1049l\u{1B}[2J惡意"
        FileManager.default.createFile(atPath: csv, contents: Data("id,name,ministry,role\nE1,\"\(evil)\",測試部,guest\n".utf8))
        let r = try CLI.run(["import", csv, "--store", dir])
        #expect(r.status == 0 && r.err.contains("control or escape characters"))
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)")
        #expect(try t.waitFor("搜尋") != nil)
        let title = try t.display("#{pane_title}")
        try t.type("惡意")
        #expect(try t.waitFor("]2;pwned") != nil)
        try t.keys("Enter")
        #expect(try t.waitFor("已報到") != nil)
        #expect(try t.display("#{pane_title}") == title)
        #expect(try t.display("#{alternate_on}") == "1")
        #expect(try t.screen().contains("\u{FFFD}]2;pwned\u{FFFD}\u{FFFD}[?1049l\u{FFFD}[2J惡意"))
    }

    @Test func ctrlCRestoresTheTerminal() throws {
        let dir = try sampleStoreFolder()
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)")
        #expect(try t.waitFor("搜尋") != nil)
        #expect(try t.display("#{alternate_on}") == "1")
        try t.type("abc")
        try t.keys("C-c")
        #expect(try t.waitFor("確定離開") != nil)
        try t.keys("y")
        #expect(try t.waitFor("EXIT=0") != nil)
        #expect(try t.display("#{alternate_on}") == "0")
    }

    @Test func aKilledProcessRestoresTheTerminal() throws {
        let dir = try sampleStoreFolder()
        let t = try Tmux(command: "\(CLI.binary) --store \(dir)")
        #expect(try t.waitFor("搜尋") != nil)
        let pid = try t.display("#{pane_pid}")
        // The shell's child is mingle; TERM it as a crash stand-in (the handler restores, then dies).
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        p.arguments = ["-TERM", "-P", pid, "-f", "mingle"]
        try p.run()
        p.waitUntilExit()
        #expect(try t.waitFor("EXIT=143") != nil)
        #expect(try t.display("#{alternate_on}") == "0")
    }
}
