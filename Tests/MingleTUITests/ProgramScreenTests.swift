import MingleCore
import MingleStore
import MingleTerminal
import SnapshotTesting
import Testing
@testable import MingleTUI

/// 14:00 on the day of the sample event, plus `seconds`.
func at(_ seconds: Int) -> Timestamp { Timestamp(millis: 1_796_364_000_000 + Int64(seconds) * 1000, offsetMinutes: 480) }

/// A store in the introductions: five new POs and two seniors here; the opening began 14:00, the
/// introductions 14:15; the first speaker started at `speakerAt`. The clock is then `now`.
func programApp(screen: ScreenKind, language: String = "zh-TW", speakerAt: Int, now: Int) throws -> App {
    let app = try sampleApp(language: language, screen: screen, locked: true)
    var clock = at(-20 * 60)
    app.store.now = { clock }
    let desk = Author(user: "host", role: "reception", terminal: "pts/1", pid: 1)
    for p in ["P001", "P002", "P003", "P004", "P005", "P027", "P029"] { try app.store.append(.checkIn(person: p), by: desk) }
    clock = at(0)
    try app.store.append(.phase(from: .reception, to: .opening, move: .next, reason: ""), by: app.author)
    clock = at(15 * 60)
    try app.store.append(.phase(from: .opening, to: .introductions, move: .next, reason: ""), by: app.author)
    if speakerAt > 15 * 60 + 60 {
        // Two speakers before: one done in 58 s, one skipped after 20 s.
        clock = at(15 * 60 + 2)
        try app.store.append(by: app.author) { s throws(Refusal) in try s.room.events(for: .introNext) }
        clock = at(16 * 60)
        try app.store.append(by: app.author) { s throws(Refusal) in try s.room.events(for: .introNext) }
        clock = at(16 * 60 + 20)
        try app.store.append(by: app.author) { s throws(Refusal) in try s.room.events(for: .introSkip(person: nil)) }
        clock = at(speakerAt)
        try app.store.append(by: app.author) { s throws(Refusal) in try s.room.events(for: .introNext) }
    } else {
        clock = at(speakerAt)
        try app.store.append(by: app.author) { s throws(Refusal) in try s.room.events(for: .introNext) }
    }
    app.now = { at(now) }
    app.store.now = { at(now) }
    return app
}

@Suite("The timekeeper's screen and the board")
struct ProgramScreenTests {
    /// Normal: 1:30 into the introductions, the speaker 30 s in. Warning: 38:30 in (1:30 left),
    /// a speaker 45 s in. Over: 41:10 in, a speaker 70 s in.
    static let states: [(String, Int, Int)] = [("normal", 15 * 60 + 60, 16 * 60 + 30), ("warning", 52 * 60 + 45, 53 * 60 + 30),
                                               ("over", 55 * 60, 56 * 60 + 10)]

    @Test(arguments: [(80, 24), (200, 60)], ["zh-TW", "en"])
    func timekeeper(_ size: (Int, Int), _ language: String) throws {
        for (name, speaker, now) in ProgramScreenTests.states {
            let app = try programApp(screen: .timekeeper, language: language, speakerAt: speaker, now: now)
            assertSnapshot(of: app.screenText(size.0, size.1), as: .lines, named: "\(name)-\(language)-\(size.0)x\(size.1)")
        }
    }

    @Test(arguments: [(40, 16), (80, 24), (200, 60)], ["zh-TW", "en"])
    func board(_ size: (Int, Int), _ language: String) throws {
        for (name, speaker, now) in ProgramScreenTests.states {
            let app = try programApp(screen: .board, language: language, speakerAt: speaker, now: now)
            assertSnapshot(of: app.screenText(size.0, size.1), as: .lines, named: "\(name)-\(language)-\(size.0)x\(size.1)")
        }
    }

    @Test func theClockAndTheLightChangeColourWithTheirState() throws {
        func styles(_ now: Int, speaker: Int) throws -> (clock: Style, light: Style, text: String) {
            let app = try programApp(screen: .timekeeper, speakerAt: speaker, now: now)
            let c = app.render(80, 24)
            let lightRow = c.lines.firstIndex { $0.contains("林明哲 (內政部)") || $0.contains("盧彥廷 (國防部)") }!
            let lightCol = c.cells[lightRow].firstIndex { $0.style != .normal && $0.style != .header && $0.text != " " }!
            return (c.style(row: 1, column: 12), c.style(row: lightRow, column: lightCol), c.text)
        }
        let normal = try styles(16 * 60 + 30, speaker: 15 * 60 + 60)
        #expect(normal.clock == .lightGreen && normal.light == .lightGreen && normal.text.contains("[綠燈]"))
        let warning = try styles(53 * 60 + 30, speaker: 52 * 60 + 45)
        #expect(warning.clock == .lightYellow && warning.light == .lightYellow && warning.text.contains("[快結束了]") && warning.text.contains("[黃燈]"))
        let over = try styles(56 * 60 + 10, speaker: 55 * 60)
        #expect([.alert, .alertText].contains(over.clock) && over.text.contains("[超時]"))
        // Past its time a clock flashes: one second red block, the next red letters.
        let next = try styles(56 * 60 + 11, speaker: 55 * 60)
        #expect(next.clock != over.clock)
    }

    @Test func everyStatusLineShowsThePhaseClockInTheSameColours() throws {
        for kind in [ScreenKind.reception, .board, .timekeeper] {
            let app = try programApp(screen: kind, speakerAt: 52 * 60 + 45, now: 53 * 60 + 30)
            let c = app.render(80, 24)
            let col = try #require(c.lines[23].range(of: "38′/40′").map { c.lines[23].distance(from: c.lines[23].startIndex, to: $0.lowerBound) })
            // Display columns: the phase name before it is Chinese, two columns a character.
            let cell = DisplayWidth.of(String(c.lines[23].prefix(col)))
            #expect(c.style(row: 23, column: cell) == .lightYellow, "\(kind)")
        }
    }

    @Test func aMinuteMoreIsOneUndo() throws {
        let app = try programApp(screen: .timekeeper, speakerAt: 15 * 60 + 60, now: 16 * 60)
        app.press(.char("+"))
        #expect(app.store.state.room.plannedMinutes(.introductions) == 41)
        #expect(app.screenText().contains("14:15   41"))
        app.press(.char("u"))
        #expect(app.store.state.room.plannedMinutes(.introductions) == 40)
        #expect(app.message?.text.contains("延長 1 分鐘") == true)
    }

    @Test func spaceSkipAndUndoAreOneActionEach() throws {
        var clock = at(16 * 60 + 30)
        let app = try programApp(screen: .timekeeper, speakerAt: 15 * 60 + 60, now: 16 * 60 + 30)
        app.now = { clock }
        app.store.now = { clock }
        let room = { app.store.state.room }
        #expect(room().intro.current == 0)
        app.press(.char(" "))
        #expect(room().intro.current == 1 && room().intro.done == [0])
        // A second key a moment later is most likely a double tap: it asks first.
        app.press(.char("s"))
        #expect(room().intro.current == 1 && app.screenText().contains("游郁婷 (外交部) 才剛開始。確定略過？"))
        app.press(.escape)
        clock = at(16 * 60 + 45)
        app.press(.char("s"))
        #expect(room().intro.current == 2 && room().intro.skipped == [1])
        app.press(.char("u"))
        #expect(room().intro.current == 1 && room().intro.skipped.isEmpty)
        #expect(app.message?.text.hasPrefix("已復原：略過 游郁婷 (外交部) 的自我介紹；盧彥廷 (國防部) 開始自我介紹") == true, "\(app.message?.text ?? "")")
    }

    @Test func nextPhaseAsksAndSaysWhatItChanges() throws {
        let app = try programApp(screen: .timekeeper, speakerAt: 15 * 60 + 60, now: 16 * 60)
        app.press(.char("n"))
        let text = app.screenText().replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        #expect(text.contains("進入「攤位交流」？") && text.contains("林明哲(內政部)的自我介紹會結束。"), "\(text)")
        app.press(.char("n"))  // no
        #expect(app.store.state.room.phase == .introductions)
        app.press(.char("n"), .char("y"))
        #expect(app.store.state.room.phase == .chat && app.store.state.room.intro.current == nil)
        app.press(.char("b"))
        #expect(app.screenText().replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "").contains("林明哲(內政部)繼續介紹。"))
        app.type("按錯了")
        app.press(.enter)
        let r = app.store.state.room
        #expect(r.phase == .introductions && r.intro.current == 0 && r.phaseHistory.last?.reason == "按錯了")
    }

    @Test func aKeyThePhaseForbidsSaysWhy() throws {
        let app = try sampleApp(screen: .timekeeper, locked: true)
        app.press(.char(" "))
        #expect(app.message == App.Message(text: "現在不是自我介紹（現在：報到）", isError: true))
        app.press(.char("p"))
        #expect(app.message == App.Message(text: "現在不是大合照（現在：報到）", isError: true))
        #expect(app.store.state.history.isEmpty)
    }

    @Test func plusMinusMessageAndQueueKeys() throws {
        let app = try programApp(screen: .timekeeper, speakerAt: 15 * 60 + 60, now: 16 * 60)
        app.press(.char("+"), .char("+"), .char("-"))
        #expect(app.store.state.room.plannedMinutes(.introductions) == 41)
        app.press(.char("m"))
        app.type("蛋糕 15:50 上桌")
        app.press(.enter)
        #expect(app.store.state.room.messageShown?.text == "蛋糕 15:50 上桌")
        app.press(.char("m"))
        for _ in 0..<20 { app.press(.backspace) }
        app.press(.enter)
        #expect(app.store.state.room.messageShown == nil)
        // Select the last waiting speaker and move them earlier.
        app.press(.down, .down, .down, .down)
        let before = app.store.state.room.introQueue
        app.press(.char("["))
        let after = app.store.state.room.introQueue
        #expect(after.count == before.count && after != before && after.last == before[before.count - 2])
        app.press(.char("a"))
        app.type("P028")  // not here: nobody to add, and the dialog says who can be
        #expect(app.screenText().replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "").contains("沒有可以加入的人：只有已報到"))
        app.press(.escape)
        try app.store.append(.checkIn(person: "P006"), by: Author(user: "d", role: "reception", terminal: "pts/9", pid: 9))
        app.refresh()
        #expect(app.store.state.room.introQueue.last == 5)  // a late arrival joins at the end
    }

    @Test func theBoardWritesNothingWhateverIsTyped() throws {
        let app = try programApp(screen: .board, speakerAt: 15 * 60 + 60, now: 16 * 60)
        let count = app.store.state.history.count
        for k in KeyMapTests.universe where k != .char("q") && k != .function(10) && k != .ctrl("c") { app.handle(k); app.layers.forEach { app.close($0) } }
        #expect(app.store.state.history.count == count)
        #expect(!app.screenText().contains("復原"))
    }

    @Test func theBoardShowsTheMessageAboveEverything() throws {
        let app = try programApp(screen: .board, speakerAt: 15 * 60 + 60, now: 16 * 60)
        try app.store.append(.message(text: "請大家往前坐"), by: app.author)
        let lines = app.screenText().split(separator: "\n")
        #expect(lines[1].contains("請大家往前坐"))
    }

    @Test func anIdleScreenSleepsUntilSomethingCounts() throws {
        let idle = try sampleApp(screen: .timekeeper, locked: true)
        idle.now = { at(30) }  // before the day began: the wall clock's minute
        #expect(idle.nextWake() == 30_000)
        let running = try programApp(screen: .timekeeper, speakerAt: 15 * 60 + 60, now: 16 * 60)
        #expect(running.nextWake() == 1000)
        let board = try programApp(screen: .board, speakerAt: 15 * 60 + 60, now: 16 * 60)
        #expect(board.nextWake() == 1000)
    }
}

@Suite("Small terminals", .serialized)
struct ProgramSmallTests {
    @Test(arguments: [ScreenKind.timekeeper, .board])
    func sixtyBySixteen(_ kind: ScreenKind) throws {
        let app = try programApp(screen: kind, speakerAt: 52 * 60 + 45, now: 53 * 60 + 30)
        try app.store.append(.message(text: "蛋糕 15:50 上桌"), by: app.author)
        let text = app.screenText(60, 16)
        assertSnapshot(of: text, as: .lines, named: kind.roleName)
        if kind == .board {
            #expect(text.contains("盧 彥 廷（國防部）") && text.contains("[黃燈]") && text.contains("下一位"), "\(text)")
        } else {
            #expect(text.contains("盧彥廷 (國防部)") && text.contains("蛋糕 15:50 上桌") && text.contains("介紹順序"), "\(text)")
        }
    }
}
