import MingleCore
import MingleStore
import MingleTerminal
import SnapshotTesting
import Testing
@testable import MingleTUI

/// Forms and dialogs over a screen: each as a golden, and closing each leaves the screen cell for
/// cell as it was (text, styles, wide-character halves, the cursor), at three sizes.
@Suite("Overlays and forms close without a trace")
struct OverlayTests {
    static let sizes = [(60, 16), (80, 24), (200, 60)]

    /// Draws, opens with `open`, snapshots, closes with `close`, and compares with the first frame.
    func opensAndCloses(_ app: App, _ size: (Int, Int), open: [Key], close: [Key], typing: String = "",
                        file: StaticString = #filePath, testName: String = #function, line: UInt = #line) {
        let before = app.render(size.0, size.1)
        for k in open { app.handle(k) }
        app.type(typing)
        assertSnapshot(of: app.render(size.0, size.1).text, as: .lines, named: "\(size.0)x\(size.1)",
                       file: file, testName: testName, line: line)
        for k in close { app.handle(k) }
        let after = app.render(size.0, size.1)
        #expect(after.sameScreen(as: before), "\(size): \n\(before.text)\n---\n\(after.text)")
    }

    @Test(arguments: sizes) func helpOverTheReception(_ size: (Int, Int)) throws {
        let app = try sampleApp()
        app.type("吳")
        opensAndCloses(app, size, open: [.function(1)], close: [.escape])
    }

    @Test(arguments: sizes) func walkInFormWithALongName(_ size: (Int, Int)) throws {
        let app = try sampleApp()
        app.type("吳")
        // Esc closes a form at once, whatever is typed in it.
        opensAndCloses(app, size, open: [.function(6)], close: [.escape], typing: "司馬中原歐陽靜宜張簡阿美")
    }

    @Test(arguments: sizes) func checkOutQuestion(_ size: (Int, Int)) throws {
        let app = try sampleApp()
        app.type("P001")
        app.press(.enter)
        app.type("P001")
        opensAndCloses(app, size, open: [.function(7)], close: [.escape])
        #expect(app.store.state.room.presence[0].isHere)
    }

    @Test(arguments: sizes) func quitQuestion(_ size: (Int, Int)) throws {
        let app = try sampleApp()
        app.type("黃耀")
        opensAndCloses(app, size, open: [.function(10)], close: [.char("n")])
        #expect(!app.shouldQuit)
    }

    @Test(arguments: sizes) func helpOverTheWalkInForm(_ size: (Int, Int)) throws {
        let app = try sampleApp()
        app.press(.function(6))
        app.type("趙新人")
        opensAndCloses(app, size, open: [.function(1)], close: [.function(1)])
        #expect(app.walkIn?.name.text == "趙新人")
    }

    @Test(arguments: sizes) func theWalkInMatchQuestion(_ size: (Int, Int)) throws {
        let app = try sampleApp()
        app.press(.function(6))
        app.type("林明哲")
        opensAndCloses(app, size, open: [.enter], close: [.escape])
        #expect(app.walkIn?.name.text == "林明哲")
    }

    @Test(arguments: sizes) func theTimekeepersMessageBox(_ size: (Int, Int)) throws {
        let app = try programApp(screen: .timekeeper, speakerAt: 15 * 60 + 60, now: 16 * 60 + 30)
        opensAndCloses(app, size, open: [.char("m")], close: [.escape], typing: "蛋糕 15:50 上桌")
        #expect(app.store.state.room.messageShown == nil)
    }

    @Test(arguments: sizes) func theTimekeepersAddASpeakerSearch(_ size: (Int, Int)) throws {
        let app = try programApp(screen: .timekeeper, speakerAt: 15 * 60 + 60, now: 16 * 60 + 30)
        try app.store.append(.checkIn(person: "P006"), by: Author(user: "d", role: "reception", terminal: "pts/9", pid: 9))
        try app.store.append(.introSkip(person: "P006"), by: app.author)
        opensAndCloses(app, size, open: [.char("a")], close: [.escape], typing: "趙")
    }

    @Test(arguments: sizes) func theTimekeepersNextPhaseQuestion(_ size: (Int, Int)) throws {
        let app = try programApp(screen: .timekeeper, speakerAt: 15 * 60 + 60, now: 16 * 60 + 30)
        opensAndCloses(app, size, open: [.char("n")], close: [.char("n")])
        #expect(app.store.state.room.phase == .introductions)
    }

    @Test(arguments: sizes) func discardQuestionOverTheWalkInForm(_ size: (Int, Int)) throws {
        let app = try sampleApp()
        app.press(.function(6))
        app.type("趙新人")
        opensAndCloses(app, size, open: [.function(6)], close: [.char("n")])
        #expect(app.walkIn?.name.text == "趙新人")
    }
}

@Suite("The walk-in form is modal")
struct ModalFormTests {
    @Test func lettersOnTheRoleFieldChooseARoleAndNeverReachTheSearch() throws {
        let app = try sampleApp()
        app.press(.function(6), .tab, .tab)
        app.type("xsq王")
        #expect(app.walkIn?.role == .senior)
        #expect(app.reception.picker.search.isEmpty)
        app.type("資")
        #expect(app.walkIn?.role == .senior)
        app.type("來")
        #expect(app.walkIn?.role == .guest)
    }

    @Test func pagesAndCheckOutDoNotReachTheListBehind() throws {
        let app = try sampleApp()
        app.type("P001")
        app.press(.enter)
        app.type("P001")
        let selected = app.reception.picker.selected
        app.press(.function(6), .pageDown, .pageUp, .down, .function(7))
        #expect(app.reception.picker.selected == selected)
        #expect(app.layers.count == 1 && app.walkIn != nil)  // no check-out question behind the form
        #expect(app.store.state.room.presence[0].isHere)
    }

    @Test func escCancelsAtOnceAndF6AgainAsksWhenTyped() throws {
        let app = try sampleApp()
        app.press(.function(6), .function(6))
        #expect(app.walkIn == nil)  // nothing typed: F6 again just closes
        app.press(.function(6))
        app.type("林")
        app.press(.function(6))
        #expect(app.screenText().contains("放棄這筆現場報名？"))
        app.press(.char("y"))
        #expect(app.walkIn == nil)
        app.press(.function(6))
        app.type("林")
        app.press(.escape)
        #expect(app.walkIn == nil && app.layers.isEmpty)
        #expect(app.store.state.history.isEmpty)
    }

    @Test func switchingScreensAsksWhenSomethingIsTyped() throws {
        let app = try sampleApp()
        app.press(.function(6))
        app.type("林")
        app.press(.function(4))
        #expect(app.screen == .reception && app.screenText().contains("切換畫面"))
        app.press(.escape)
        #expect(app.screen == .reception && app.walkIn?.name.text == "林")
        app.press(.function(4), .char("y"))
        #expect(app.screen == .timekeeper && app.walkIn == nil)
        app.press(.function(2))
        #expect(app.screen == .reception)
    }

    @Test func helpShowsTheFormsKeysEachOnce() throws {
        let app = try sampleApp(language: "en")
        app.press(.function(6), .function(1))
        let help = try #require(app.top as? HelpOverlay)
        let keyed = help.lines.filter { !$0.isTitle && !$0.key.isEmpty }.map(\.key)
        #expect(Set(keyed).count == keyed.count, "\(keyed)")
        #expect(keyed.filter { $0.contains("Tab") }.count == 2)  // Tab/↓ and Shift-Tab/↑, each once
        #expect(keyed.contains("Backspace/Delete"))
    }
}

@Suite("Keys: every key a screen answers is in its key map")
struct KeyMapTests {
    /// Everything a keyboard can send that the screens might answer.
    static let universe: [Key] = [.enter, .escape, .backspace, .delete, .tab, .backTab, .up, .down, .left, .right,
                                  .home, .end, .pageUp, .pageDown]
        + (1...12).map { Key.function($0) } + "abcdefghijklmnopqrstuvwxyz".map { Key.ctrl($0) }
        + "aqu?ynsP 1中[".map { Key.char($0) }

    /// The states a terminal can be in, each made fresh.
    static var contexts: [(String, () throws -> App)] { [
        ("reception, nothing typed", { try sampleApp() }),
        ("reception, a search", { let a = try sampleApp(); a.type("吳"); return a }),
        ("reception, after a check-in", { let a = try sampleApp(); a.type("P001"); a.press(.enter); a.type("P001"); return a }),
        ("walk-in form, name", { let a = try sampleApp(); a.press(.function(6)); a.type("林"); return a }),
        ("walk-in form, role", { let a = try sampleApp(); a.press(.function(6), .tab, .tab); return a }),
        ("help", { let a = try sampleApp(); a.press(.function(1)); return a }),
        ("help at 60x16", { let a = try sampleApp(); _ = a.render(60, 16); a.press(.function(1)); return a }),
        ("question", { let a = try sampleApp(); a.type("x"); a.press(.function(10)); return a }),
        ("timekeeper from reception", { let a = try sampleApp(); a.press(.function(4)); return a }),
        ("board, locked", { try sampleApp(screen: .board, locked: true) }),
        ("timekeeper, a speaker", { try programApp(screen: .timekeeper, speakerAt: 15 * 60 + 60, now: 16 * 60 + 30) }),
        ("timekeeper, message box", { let a = try programApp(screen: .timekeeper, speakerAt: 960, now: 990); a.press(.char("m")); return a }),
        ("timekeeper, add a speaker", { let a = try programApp(screen: .timekeeper, speakerAt: 960, now: 990); a.press(.char("a")); return a }),
        ("board, a speaker", { try programApp(screen: .board, speakerAt: 15 * 60 + 60, now: 16 * 60 + 30) }),
        ("walk-in on the list", { let a = try sampleApp(); a.press(.function(6)); a.type("林明哲"); a.press(.enter); return a }),
        ("room view", { try stallDay(screen: .stall(nil), locked: false) }),
        ("stall, nothing typed", { try stallDay(screen: .stall("S1")) }),
        ("stall, a search", { let a = try stallDay(screen: .stall("S2")); a.type("P006"); return a }),
        ("stall, from the room view", { let a = try stallDay(screen: .stall(nil), locked: false); a.press(.enter); return a }),
        ("stall full, the question", { let a = try stallDay(screen: .stall("S1")); a.type("P006"); a.press(.enter); return a }),
    ] }

    /// What a person could notice: the screen, where the cursor is, the log, quitting, a repaint.
    static func observe(_ app: App) -> String {
        let c = app.render(80, 24)
        return "\(c.text)|\(String(describing: c.cursor))|\(app.store.state.history.count)|\(app.shouldQuit)|\(app.repaintRequested)|\(app.layers.count)|\(app.screen)"
    }

    /// The table of `mingle keys` for the kind of layer `layer` is.
    static func section(for layer: any Layer, in reference: String, _ s: UIStrings) -> String? {
        guard let entry = App.allLayers().first(where: { type(of: $0.layer) == type(of: layer) }) else { return nil }
        let title = "## " + entry.title(s) + "\n"
        guard let start = reference.range(of: title) else { return nil }
        let rest = reference[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    @Test func aKeyThatChangesAnythingIsInTheKeyMapOfWhatIsOnTop() throws {
        let reference = App.keyReference(.zhTW)
        for (name, make) in KeyMapTests.contexts {
            for key in KeyMapTests.universe {
                let app = try make()
                app.message = nil
                let before = KeyMapTests.observe(app)
                let top = app.top
                let binding = top.keyMap(app.strings).binding(for: key) ?? app.shellKeys(for: top).binding(for: key)
                app.handle(key)
                guard KeyMapTests.observe(app) != before else { continue }
                let found = try #require(binding, "\(name): \(key.label) changed the screen but is in no key map")
                // In the table of this very layer, not just somewhere in the reference.
                let table = try #require(KeyMapTests.section(for: top, in: reference, app.strings), "\(name): no table for \(type(of: top))")
                #expect(table.contains("| \(found.keyLabel.replacingOccurrences(of: "|", with: "\\|")) | \(found.help) |"),
                        "\(name): \(found.keyLabel) is not in the \(type(of: top)) table of `mingle keys`")
            }
        }
    }

    @Test func theKeyReferenceHasEveryBindingOfEveryLayer() {
        for s in [UIStrings.en, UIStrings.zhTW] {
            let reference = App.keyReference(s)
            for (_, layer) in App.allLayers() {
                let shell = App.shellKeys(s, locked: false, for: layer)
                for b in layer.keyMap(s).bindings + shell.bindings { #expect(reference.contains("| \(b.keyLabel) | \(b.help) |")) }
            }
        }
    }

    @Test func screensWithoutATextFieldAnswerSingleLettersAndSaySo() throws {
        let app = try sampleApp()
        app.type("P002")
        app.press(.enter, .function(3))
        let hints = app.screenText().split(separator: "\n")[22]
        #expect(hints.contains("u 復原") && hints.contains("q 離開"))
        app.press(.char("u"))
        #expect(app.message == App.Message(text: "已復原：已報到 游郁婷 (外交部)", isError: false))
        app.press(.char("?"))
        let help = app.screenText()
        #expect(help.contains("q ") && help.contains("u ") && help.contains("?"))
        app.press(.escape, .char("q"))
        #expect(app.shouldQuit)
    }

    @Test func qOnAScreenWithoutATextFieldAsksWhenSomethingIsTypedElsewhere() throws {
        let app = try sampleApp()
        app.type("游")
        app.press(.function(5), .char("q"))
        #expect(!app.shouldQuit && app.screenText().contains("確定離開"))
    }

    @Test func aLockedTerminalSaysWhyTheScreenKeysDoNothing() throws {
        let app = try sampleApp(screen: .board, locked: true)
        app.press(.function(2))
        #expect(app.screen == .board)
        #expect(app.message == App.Message(text: "這個終端機只開放一個畫面", isError: true))
    }

    @Test func helpAtSixtyBySixteenReachesEveryKeyByScrolling() throws {
        let app = try sampleApp(language: "en")
        _ = app.render(60, 16)
        app.press(.function(1))
        var seen = ""
        for _ in 0..<10 {
            seen += app.render(60, 16).text
            app.press(.pageDown)
        }
        #expect(app.render(60, 16).text.contains("▲"))
        for b in app.reception.keyMap(app.strings).bindings + app.shellKeys(for: app.reception).bindings {
            #expect(seen.contains(b.keyLabel), "\(b.keyLabel) never shown")
        }
        #expect(seen.contains("F10/Ctrl-C"))
    }

    @Test func ctrlLAsksForAWholeRepaint() throws {
        let app = try sampleApp()
        app.press(.ctrl("l"))
        #expect(app.repaintRequested)
    }
}

@Suite("Rows, messages and the status line")
struct ShellLineTests {
    @Test func twoPeopleWithTheSameNameShowTheirIds() throws {
        let app = try sampleApp()
        var roster = app.store.roster
        roster.append(Person(id: "X1", name: "林明哲", ministry: "內政部", role: .senior))
        try app.store.saveRoster(roster)
        app.type("林明哲")
        let text = app.screenText()
        #expect(text.contains("林明哲 P001") && text.contains("林明哲 X1"))
        #expect(!text.contains("游郁婷 P002"))
        app.press(.escape)
        app.type("游郁婷")
        #expect(!app.screenText().contains("游郁婷 P002"))
    }

    @Test func aMessageFadesAfterAFewSecondsAndAtTheNextKey() throws {
        let app = try sampleApp()
        var clock = fixedNow
        app.now = { clock }
        app.type("P003")
        app.press(.enter)
        #expect(app.screenText().contains("已報到 盧彥廷"))
        clock = fixedNow.adding(seconds: 3)
        #expect(app.screenText().contains("已報到 盧彥廷"))
        clock = fixedNow.adding(seconds: 7)
        #expect(!app.screenText().contains("已報到 盧彥廷"))
        #expect(app.refresh())  // the run loop redraws when a message fades
        app.type("P003")
        app.press(.enter)
        #expect(app.message?.isError == true)
        app.press(.escape)
        #expect(app.message == nil)
    }

    @Test func theEnglishHintAndStatusLinesKeepQuitAndTheRoleWhole() throws {
        let app = try sampleApp(language: "en")
        app.type("P00")
        let lines = app.screenText(80, 24).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[22].contains("F10/Ctrl-C quit") && lines[22].contains("F1 help"))
        #expect(lines[23].contains("reception@host pts/1 │ 14:03"))
        let narrow = app.screenText(60, 16).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(narrow[14].contains("F10/Ctrl-C quit") && narrow[15].contains("reception@host pts/1 │ 14:03"))
    }

    @Test func aLongProblemIsShownWholeInTheScreensLanguage() throws {
        let app = try sampleApp()
        let problem = AccessProblem(path: app.store.logPath, need: .write, user: "host", fix: .joinGroup(group: "po-day"))
        app.storeProblem = app.strings.access(problem)
        let text = app.screenText(80, 24).replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        #expect(text.contains("sudousermod-aGpo-dayhost），再重新登入。"))
        #expect(text.contains("權限問題：使用者host無法寫入"))
    }
}

@Suite("Trustworthy data on the screen")
struct DataOnScreenTests {
    @Test(arguments: [(80, 24), (60, 16)])
    func aWalkInWhoIsOnTheListIsOfferedFirst(_ size: (Int, Int)) throws {
        let app = try sampleApp()
        app.press(.function(6))
        app.type("林明哲")
        app.press(.tab)
        app.type("內政部")
        app.press(.enter)
        assertSnapshot(of: app.screenText(size.0, size.1), as: .lines, named: "\(size.0)x\(size.1)")
        #expect(app.store.state.history.isEmpty)
        app.press(.enter)  // yes, it is them: checked in, nobody new
        let r = app.store.state.room
        #expect(r.presence[0].isHere && r.people.count == 80 && app.walkIn == nil)
        #expect(app.reception.picker.selectedID == "P001")
    }

    @Test func aSecondPersonOfTheSameNameCanStillBeRegistered() throws {
        let app = try sampleApp()
        app.press(.function(6))
        app.type("林明哲")
        app.press(.enter)  // no ministry typed: still offered
        #expect(app.screenText().contains("名單上已經有這個人？"))
        app.press(.escape)  // back to the form, nothing lost
        #expect(app.walkIn?.name.text == "林明哲")
        app.press(.enter, .function(6))
        let r = app.store.state.room
        #expect(r.people.count == 81 && r.people[80].name == "林明哲" && r.people[80].role == .guest)
        #expect(!r.presence[0].isHere)
    }

    @Test func aRosterImportedElsewhereIsFoundOnAnOpenScreen() throws {
        let app = try sampleApp()
        app.type("新來的")
        #expect(app.reception.matches(app).isEmpty)
        let other = try Store(directory: app.store.directory)
        try other.saveRoster(other.roster + [Person(id: "N1", name: "新來的人", ministry: "農業部", role: .new)])
        #expect(app.refresh())
        #expect(app.reception.matches(app).map { app.store.state.room.people[$0].id } == ["N1"])
        #expect(app.screenText().contains("已到 0/81"))
    }

    @Test func aBrokenEditKeepsTheLastGoodVersionAndSaysWhere() throws {
        let app = try sampleApp()
        let path = app.store.configPath
        let good = try String(contentsOfFile: path, encoding: .utf8)
        try good.replacingOccurrences(of: "公共參與官交流午茶", with: "午茶（改）").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(app.refresh())
        #expect(app.screenText().contains("mingle · 午茶（改）"))
        try good.replacingOccurrences(of: "seats = 8", with: "seat = 8").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(app.refresh())
        let text = app.screenText(120, 30)
        #expect(text.contains("mingle · 午茶（改）"))  // the last good version
        let flat = text.replacingOccurrences(of: "\n", with: "")
        #expect(flat.contains("修好之前仍使用上一個正確的版本") && flat.contains("event.toml, line"), "\(text)")
        try good.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(app.refresh())
        #expect(app.storeProblem == nil && app.screenText().contains("公共參與官交流午茶"))
    }

    @Test func theHighlightStaysOnItsPersonWhenAnImportMovesEveryone() throws {
        let app = try sampleApp()
        app.press(.function(6))
        app.type("路人甲")
        app.press(.enter)
        #expect(app.reception.picker.selectedID == "W001")
        let other = try Store(directory: app.store.directory)
        try other.saveRoster(other.roster + (1...5).map { Person(id: "L\($0)", name: "晚到者\($0)", ministry: "農業部", role: .new) })
        #expect(app.refresh())
        app.press(.function(7))
        #expect(app.screenText().contains("確定讓 路人甲 簽退？"))
    }

    @Test func theMatchDialogSurvivesARosterThatShrinks() throws {
        let app = try sampleApp()
        app.press(.function(6))
        app.type("余靜怡")
        app.press(.enter)
        #expect(app.screenText().contains("P080"))
        let other = try Store(directory: app.store.directory)
        try other.saveRoster(Array(other.roster.prefix(40)))
        #expect(app.refresh())
        #expect(!app.screenText().contains("P080"))
        app.press(.down, .enter)  // nobody left to choose: says so, does not crash
        #expect(app.message?.isError == true)
        app.press(.function(6))
        #expect(app.store.state.room.people.last?.name == "余靜怡")
    }

    @Test func theSearchFollowsAnUndoneWalkIn() throws {
        let app = try sampleApp()
        app.press(.function(6))
        app.type("甲乙丙")
        app.press(.enter, .ctrl("z"))
        app.press(.function(6))
        app.type("丁戊己")
        app.press(.enter)
        app.type("甲乙丙")
        #expect(app.reception.matches(app).isEmpty)
        #expect(app.reception.picker.highlighted(in: app.reception.matches(app)) == nil)
        #expect(app.store.state.room.person("W002")?.name == "丁戊己")
    }
}
