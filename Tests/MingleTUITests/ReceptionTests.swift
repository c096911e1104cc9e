import MingleCore
import MingleStore
import MingleTerminal
import SnapshotTesting
import Testing
@testable import MingleTUI

/// Goldens are the screen as text under __Snapshots__/. After an intended change, re-record with
///     SNAPSHOT_TESTING_RECORD=all swift test --filter MingleTUITests
/// and read the diff before committing.
@Suite("Reception screen")
struct ReceptionTests {
    @Test(arguments: [(80, 24), (160, 48)])
    func idle(_ size: (Int, Int)) throws {
        let app = try sampleApp()
        assertSnapshot(of: app.screenText(size.0, size.1), as: .lines, named: "\(size.0)x\(size.1)")
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func typingAChineseFragmentFilters(_ size: (Int, Int)) throws {
        let app = try sampleApp()
        app.type("吳")
        assertSnapshot(of: app.screenText(size.0, size.1), as: .lines, named: "\(size.0)x\(size.1)")
    }

    @Test func enterChecksInTheHighlightedPersonAndClearsTheSearch() throws {
        let app = try sampleApp()
        app.type("吳耀文")
        app.press(.enter)
        let r = app.store.state.room
        #expect(r.presence[r.index(ofPerson: "P004")!].isHere)
        #expect(app.message == App.Message(text: "已報到 吳耀文 (財政部)", isError: false))
        #expect(app.reception.picker.search.isEmpty)
        // Twice: the desk says when and by whom.
        app.type("P004")
        app.press(.enter)
        #expect(app.message?.isError == true)
        #expect(app.message?.text.contains("14:03") == true)
    }

    @Test func enterWithNothingTypedChecksNobodyIn() throws {
        let app = try sampleApp()
        app.press(.enter)
        #expect(app.store.state.history.isEmpty)
        #expect(app.message == App.Message(text: "請先輸入姓名、編號或機關", isError: true))
    }

    @Test func latinSearchIgnoresCaseAndAccents() throws {
        let app = try sampleApp()
        app.type("yapit")
        let text = app.screenText()
        #expect(text.contains("Yapit Tali"))
        #expect(text.contains("1 筆"))
    }

    @Test func searchFindsAMinistryAndAnId() throws {
        let app = try sampleApp()
        app.type("國科會")
        let r = app.store.state.room
        let m = app.reception.matches(app)
        #expect(!m.isEmpty && m.allSatisfy { r.people[$0].ministry == "國科會" })
        app.press(.escape)
        app.type("p010")
        #expect(app.reception.matches(app).first == r.index(ofPerson: "P010"))
    }

    @Test func arrowsMoveTheHighlightAndEnterUsesIt() throws {
        let app = try sampleApp()
        app.type("吳")
        app.press(.down, .down)
        let third = app.reception.matches(app)[2]
        app.press(.enter)
        #expect(app.store.state.room.presence[third].isHere)
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func walkInForm(_ size: (Int, Int)) throws {
        let app = try sampleApp()
        app.type("趙新人")
        app.press(.function(6))
        app.press(.tab)
        app.type("農業部")
        app.press(.tab)
        app.type("資")
        assertSnapshot(of: app.screenText(size.0, size.1), as: .lines, named: "\(size.0)x\(size.1)")
        app.press(.enter)
        let r = app.store.state.room
        let w = try #require(r.person("W001"))
        #expect(w.name == "趙新人" && w.ministry == "農業部" && w.role == .senior)
        #expect(r.presence[r.index(ofPerson: "W001")!].isHere)
        #expect(app.walkIn == nil)
    }

    @Test func walkInFormEditsWideCharactersWhole() throws {
        let app = try sampleApp()
        app.press(.function(6))
        app.type("王小明")
        app.press(.left, .backspace)  // removes 小, all of it
        app.type("大")
        #expect(app.walkIn?.name.text == "王大明")
        app.press(.enter)
        #expect(app.store.state.room.person("W001")?.name == "王大明")
    }

    @Test func checkOutConfirmsFirst() throws {
        let app = try sampleApp()
        app.type("P001")
        app.press(.enter)
        app.type("P001")
        app.press(.function(7))
        assertSnapshot(of: app.screenText(), as: .lines)
        app.press(.escape)
        #expect(app.store.state.room.presence[0].isHere)
        app.press(.function(7), .char("y"))
        #expect(app.store.state.room.presence[0].left)
    }

    @Test func undoStepsBackOneActionAtATimeAndRedoPutsBack() throws {
        let app = try sampleApp()
        app.type("P002")
        app.press(.enter)
        app.type("P003")
        app.press(.enter, .ctrl("z"))
        let room = { app.store.state.room }
        #expect(!room().presence[2].came && room().presence[1].isHere)
        #expect(app.message == App.Message(text: "已復原：已報到 盧彥廷 (國防部)", isError: false))
        app.press(.ctrl("z"))  // again: the one before, not a redo
        #expect(!room().presence[1].came)
        #expect(app.message == App.Message(text: "已復原：已報到 游郁婷 (外交部)", isError: false))
        app.press(.ctrl("z"))
        #expect(app.message == App.Message(text: "沒有可復原的動作", isError: true))
        app.press(.ctrl("y"))
        #expect(room().presence[1].isHere && !room().presence[2].came)
        #expect(app.message == App.Message(text: "已重做：已報到 游郁婷 (外交部)", isError: false))
        app.press(.ctrl("y"))
        #expect(room().presence[2].isHere)
        app.press(.ctrl("y"))
        #expect(app.message?.isError == true)
        // Something new clears what could be redone.
        app.press(.ctrl("z"))
        app.type("P004")
        app.press(.enter, .ctrl("y"))
        #expect(app.message == App.Message(text: "沒有可重做的動作：重做是把剛才復原的放回去", isError: true))
    }

    @Test func helpIsGeneratedFromTheKeyMap() throws {
        let app = try sampleApp(language: "en")
        app.press(.function(1))
        let text = app.screenText()
        for b in app.reception.keyMap(app.strings).bindings { #expect(text.contains(b.keyLabel) && text.contains(b.help)) }
        assertSnapshot(of: text, as: .lines)
        app.press(.escape)
        #expect(!app.screenText().contains(app.strings.helpTitle))
    }

    @Test func qTypesAndQuitConfirmsWhenSomethingIsTyped() throws {
        let app = try sampleApp()
        app.type("qu")
        #expect(app.reception.picker.search.text == "qu")
        #expect(!app.shouldQuit)
        app.press(.function(10))
        #expect(!app.shouldQuit && app.screenText().contains("確定離開"))
        app.press(.char("y"))
        #expect(app.shouldQuit)
    }

    @Test func otherTerminalsWritesShowAfterRefresh() throws {
        let app = try sampleApp()
        let other = try Store(directory: app.store.directory)
        try other.append(.checkIn(person: "P005"), by: Author(user: "desk2", role: "reception", terminal: "pts/2", pid: 2))
        #expect(app.refresh())
        #expect(app.screenText().contains("在場 1 · 已到 1/80"))
    }

    @Test func damagedStoreIsAMessageAndTheScreenKeepsRunning() throws {
        let app = try sampleApp()
        app.type("P001")
        app.press(.enter)
        // Someone appends garbage and then a good line: damage in the middle.
        let path = app.store.logPath
        let good = try String(contentsOfFile: path, encoding: .utf8)
        let next = LoggedEvent(seq: 3, time: fixedNow, author: app.author, event: .checkIn(person: "P003"))
        try (good + "garbage line\n" + String(decoding: LogLineCodec.encode(next, prev: 0), as: UTF8.self)).write(toFile: path, atomically: false, encoding: .utf8)
        app.refresh()
        #expect(app.storeProblem?.contains("events.log, line 2") == true)
        #expect(app.screenText().contains("events.log, line 2"))
        app.type("P002")
        #expect(app.reception.picker.search.text == "P002")  // nothing typed is lost
    }

    @Test func tooSmallSaysWhatItNeeds() throws {
        let app = try sampleApp(language: "en")
        #expect(app.screenText(50, 12).contains("Terminal too small — need 60×16"))
    }

    @Test func englishIsComplete() throws {
        let app = try sampleApp(language: "en")
        assertSnapshot(of: app.screenText(), as: .lines)
    }

    @Test func lockedRoleShowsOnlyItsScreen() throws {
        let app = try sampleApp(screen: .stall("S1"), locked: true)
        app.press(.function(2))
        #expect(app.screen == .stall("S1"))
        let text = app.screenText()
        #expect(text.contains("開放政府") && text.contains("入座：") && !text.contains("F2 報到"))
    }
}

@Suite("Both languages")
struct LanguageTests {
    /// Every refusal the rules can give, in Chinese: none falls back to English.
    @Test func everyRefusalHasChineseWords() {
        let zh = UIStrings.zhTW
        let samples: [Refusal.Why] = [
            .unknownPerson(id: "X"), .unknownStall(id: "S"), .alreadyCheckedIn(who: "王", at: "14:03", by: Author(user: "host", role: "reception", terminal: "pts/1", pid: 1)),
            .alreadyLeft(who: "王", at: "14:05", by: nil), .notCheckedIn(who: "王"), .walkInNeedsID, .walkInNeedsName, .idTaken(id: "W1", by: "王"),
            .alreadySeated(who: "王", stall: "A"), .seatingNotOpen(now: .opening), .stallFull(stall: "A", seats: 8),
            .notSeated(who: "王"), .phaseIsAlready(now: .chat, expected: .opening), .dayClosed, .phaseAfter(.chat, is: .photo),
            .firstPhase, .phaseBefore(.chat, is: .introductions), .samePhase(.chat), .jumpNeedsReason(to: .photo),
            .introductionsNotRunning(now: .chat), .stillSpeaking(who: "王"), .notHere(who: "王"), .alreadySpoke(who: "王"),
            .notCurrentSpeaker(who: "王"), .notWaiting(who: "王"), .alreadyQueued(who: "王"), .positionOutside(5, count: 2),
            .helpAlreadyOn(stall: "A", by: nil), .helpNotOn(stall: "A"), .emptyMessage, .photoNotNow(now: .chat),
            .outOfOrder(seq: 2, last: 3), .noSuchEvent(seq: 9), .cannotUndoNote(seq: 1), .alreadyUndone(seq: 1, kind: "checkin", by: nil),
            .idUsedBefore(id: "W1", by: "王"), .redoDoesNotFit(seq: 3, because: .idTaken(id: "W1", by: "王")), .nobodyWaiting,
            .nobodySpeaking, .nobodySpeakingToSkip, .nothingToUndo(user: "u", terminal: "t"), .nothingToRedo(user: "u", terminal: "t"),
            .walkInIsOnTheList(id: "P1", who: "王", here: false, others: 0), .noMessageShown, .phaseNotPlanned(.photo), .planUnchanged,
            .planTooShort(.chat, minutes: 1), .alreadyFirst(who: "王"), .alreadyLast(who: "王"),
        ]
        for why in samples {
            let text = zh.refusal(Refusal(why))
            #expect(text != Refusal(why).reason, "\(why)")
            #expect(!text.contains("the ") && !text.contains(" is "), "\(text)")
        }
    }

    @Test func aRefusalOnTheReceptionScreenIsInChinese() throws {
        let app = try sampleApp()
        app.type("P001")
        app.press(.enter)
        app.type("P001")
        app.press(.enter)
        #expect(app.message == App.Message(text: "林明哲 (內政部) 已經報到過了（14:03，由 host 在 pts/1 辦理）", isError: true))
    }

    @Test func theCatalogsHaveTheSameKeysFilled() {
        for s in [UIStrings.en, UIStrings.zhTW] {
            let mirror = Mirror(reflecting: s)
            for child in mirror.children {
                if let text = child.value as? String { #expect(!text.isEmpty, "\(s.language).\(child.label ?? "?") is empty") }
            }
            #expect(s.phaseNames.count == Phase.allCases.count)
        }
    }
}

@Suite("Screens without a text field")
struct PlainScreenTests {
    @Test func qQuitsUUndoesAndQuestionMarkHelps() throws {
        let app = try sampleApp(screen: .timekeeper, locked: true)
        try app.store.append(.checkIn(person: "P001"), by: app.author)
        app.press(.char("u"))
        #expect(!app.store.state.room.presence[0].came)
        app.press(.char("?"))
        #expect(app.screenText().contains("這個畫面的按鍵"))
        app.press(.escape, .char("q"))
        #expect(app.shouldQuit)
    }
}
