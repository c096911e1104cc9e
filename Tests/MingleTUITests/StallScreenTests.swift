import MingleCore
import MingleStore
import MingleTerminal
import SnapshotTesting
import Testing
@testable import MingleTUI

/// Open chat on the sample event, 14:00 + minutes. Sixteen people here; S1 (開放政府, 8 seats)
/// full, one who got up from it four minutes ago now at S2, one who left it and checked out; S2
/// asking for help since 15:10; wanderers, and new POs who have not sat anywhere.
func stallDay(screen: ScreenKind, language: String = "zh-TW", locked: Bool = true, photo: Bool = false) throws -> App {
    let app = try sampleApp(language: language, screen: screen, locked: locked)
    var clock = at(-30 * 60)
    app.store.now = { clock }
    let desk = Author(user: "host", role: "reception", terminal: "pts/1", pid: 1)
    let owner = Author(user: "po", role: "stall:S1", terminal: "pts/3", pid: 3)
    let here = ["P001", "P002", "P003", "P004", "P005", "P006", "P007", "P008", "P009", "P010",
                "P027", "P028", "P029", "P030", "P031", "P032"]
    for (i, p) in here.enumerated() {
        clock = at(-30 * 60 + i * 40)
        try app.store.append(.checkIn(person: p), by: desk)
    }
    clock = at(55 * 60)
    try app.store.append(.phase(from: .reception, to: .chat, move: .jump, reason: "straight to the stalls"), by: desk)
    // S1 fills up over ten minutes; P009 comes later to take the last seat.
    for (i, p) in ["P027", "P001", "P002", "P028", "P003", "P004", "P029", "P005"].enumerated() {
        clock = at(56 * 60 + i * 60)
        try app.store.append(.seat(person: p, stall: "S1", forced: false), by: owner)
    }
    clock = at(66 * 60)
    try app.store.append(.seat(person: "P030", stall: "S2", forced: false), by: desk)
    clock = at(70 * 60)
    try app.store.append(.help(stall: "S2", on: true), by: Author(user: "po2", role: "stall:S2", terminal: "pts/4", pid: 4))
    clock = at(72 * 60)
    try app.store.append(.seat(person: "P005", stall: "S2", forced: false), by: desk)  // moves from S1
    clock = at(73 * 60)
    try app.store.append(.seat(person: "P009", stall: "S1", forced: false), by: owner)
    clock = at(74 * 60)
    try app.store.append(.unseat(person: "P004"), by: owner)
    try app.store.append(.checkOut(person: "P004"), by: desk)
    clock = at(75 * 60)
    try app.store.append(.seat(person: "P010", stall: "S1", forced: false), by: owner)
    if photo {
        clock = at(78 * 60)
        try app.store.append(.checkOut(person: "P032"), by: desk)
        clock = at(79 * 60)
        try app.store.append(.phase(from: .chat, to: .photo, move: .next, reason: ""), by: desk)
    }
    let now = at(photo ? 80 * 60 : 76 * 60)
    app.now = { now }
    app.store.now = { now }
    return app
}

@Suite("The stall owner's screen and the room view")
struct StallScreenTests {
    @Test(arguments: [(80, 24), (160, 48)], ["zh-TW", "en"])
    func ownersScreen(_ size: (Int, Int), _ language: String) throws {
        // S1: full, who just left and where to; S2: its help request on.
        for stall in ["S1", "S2"] {
            let app = try stallDay(screen: .stall(stall), language: language)
            assertSnapshot(of: app.screenText(size.0, size.1), as: .lines, named: "\(stall)-\(language)-\(size.0)x\(size.1)")
        }
    }

    /// A phone's SSH app in portrait: the stall, its seats, the search and who sits there.
    @Test(arguments: ["zh-TW", "en"])
    func ownersScreenOnAPhone(_ language: String) throws {
        for stall in ["S1", "S2"] {
            let app = try stallDay(screen: .stall(stall), language: language)
            let text = app.screenText(40, 16)
            #expect(!text.contains("60×16") && !text.contains("60x16"))
            assertSnapshot(of: text, as: .lines, named: "\(stall)-\(language)-40x16")
        }
        // Searching to seat someone, on the phone.
        let app = try stallDay(screen: .stall("S2"), language: language)
        app.lastSize = (16, 40)
        app.type(language == "en" ? "P0" : "林")
        assertSnapshot(of: app.screenText(40, 16), as: .lines, named: "S2-search-\(language)-40x16")
    }

    @Test func theOtherScreensSayWhatSizeTheyNeed() throws {
        for screen in [ScreenKind.reception, .timekeeper, .stall(nil)] {
            let app = try stallDay(screen: screen, locked: screen != .stall(nil))
            #expect(app.screenText(40, 16).filter { !$0.isWhitespace }.contains("終端機太小—至少需要60×16"), "\(screen)")
            #expect(!app.screenText(60, 16).contains("終端機太小"), "\(screen)")
        }
        let stall = try stallDay(screen: .stall("S1"))
        #expect(stall.screenText(39, 16).filter { !$0.isWhitespace }.contains("至少需要40×16"))
        #expect(stall.screenText(40, 15).filter { !$0.isWhitespace }.contains("至少需要40×16"))
    }

    @Test(arguments: [(80, 24), (160, 48)], ["zh-TW", "en"])
    func roomView(_ size: (Int, Int), _ language: String) throws {
        let app = try stallDay(screen: .stall(nil), language: language, locked: false)
        assertSnapshot(of: app.screenText(size.0, size.1), as: .lines, named: "chat-\(language)-\(size.0)x\(size.1)")
        let photo = try stallDay(screen: .stall(nil), language: language, locked: false, photo: true)
        assertSnapshot(of: photo.screenText(size.0, size.1), as: .lines, named: "photo-\(language)-\(size.0)x\(size.1)")
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func aFullStallAsksBeforeSeating(_ size: (Int, Int)) throws {
        let app = try stallDay(screen: .stall("S1"))
        app.type("P006")
        let before = app.screenText(size.0, size.1)
        app.press(.enter)
        assertSnapshot(of: app.screenText(size.0, size.1), as: .lines, named: "\(size.0)x\(size.1)")
        let count = app.store.state.history.count
        app.press(.escape)  // cancelled: nothing written, the screen as it was
        #expect(app.store.state.history.count == count)
        #expect(app.screenText(size.0, size.1) == before)
        app.press(.enter, .char("y"))
        #expect(app.store.state.room.seated[0].count == 9)
        #expect(app.message?.text.contains("入座 開放政府（強制）") == true, "\(String(describing: app.message))")
    }

    @Test func seatingSomeoneFromAnotherStallMovesThemAndSaysFromWhere() throws {
        let app = try stallDay(screen: .stall("S2"), language: "en")
        app.type("P009")
        app.press(.enter)
        let room = app.store.state.room
        #expect(room.presence[room.index(ofPerson: "P009")!].stall == 1)
        #expect(app.message?.text.hasSuffix("(from 開放政府)") == true, "\(String(describing: app.message))")
        #expect(app.screen(StallScreen.self)!.picker.search.isEmpty)  // ready for the next name
    }

    @Test func searchingFindsOnlyPeopleHereAndEscClearsIt() throws {
        let app = try stallDay(screen: .stall("S2"), language: "en")
        app.type("P004")  // checked out
        #expect(app.screenText().contains("吳耀文 (財政部) checked out at 15:14: back at reception, they can sit again"), "\(app.screenText())")
        app.press(.enter)
        #expect(app.message?.text.hasPrefix("吳耀文 (財政部) checked out at") == true)
        app.press(.escape)
        app.type("Nobody-like-this")
        #expect(app.screenText().contains("nobody here matches"))
        app.press(.enter)
        #expect(app.message == App.Message(text: app.strings.stall.nobodyHereMatches, isError: true))
        app.press(.escape)
        #expect(app.screen(StallScreen.self)!.picker.search.isEmpty)
        #expect(app.screen == .stall("S2"))  // locked: Esc with nothing typed stays
        app.press(.escape)
        #expect(app.screen == .stall("S2"))
    }

    @Test func f7ReleasesTheSelectedAndTheNextIsSelected() throws {
        let app = try stallDay(screen: .stall("S1"), language: "en")
        app.press(.function(7))
        #expect(app.message == App.Message(text: app.strings.stall.selectFirst, isError: true))
        app.press(.down, .down)  // the second at the table
        let room = app.store.state.room
        let second = room.seated[0][1], third = room.seated[0][2]
        app.press(.function(7))
        #expect(app.store.state.room.presence[second].stall == nil)
        #expect(app.screen(StallScreen.self)!.seatedSelectedID == room.people[third].id)
        app.press(.ctrl("z"))  // undo as everywhere
        #expect(app.store.state.room.presence[second].stall == 0)
    }

    @Test func f8AsksForHelpAndF8AgainWithdrawsIt() throws {
        let app = try stallDay(screen: .stall("S1"), language: "en")
        app.press(.function(8))
        #expect(app.store.state.room.helpRequested[0])
        #expect(app.screenText().contains("HELP asked at 15:16"))
        app.press(.function(8))
        #expect(!app.store.state.room.helpRequested[0])
        #expect(!app.screenText().contains("HELP asked"))
    }

    @Test func seatingOnlyDuringOpenChat() throws {
        let app = try stallDay(screen: .stall("S3"), language: "en", photo: true)
        // The table emptied for the photo, and the screen says why nobody can sit.
        #expect(app.screenText().contains("Seating is open during open chat (now: group photo)."))
        app.type("P006")
        app.press(.enter)
        // Said without "force": a stall owner has no way to force a seat.
        #expect(app.message == App.Message(text: "Seating is open during open chat (now: group photo).", isError: true))
        #expect(app.store.state.room.seated[2].isEmpty)
    }

    @Test func onAPhoneSizedTerminalNobodyAtTheTableIsHiddenSilently() throws {
        let app = try stallDay(screen: .stall("S1"))
        app.type("P006")
        app.press(.enter, .char("y"))  // a ninth, past the seats
        let text = app.screenText(60, 16)
        // Nine at the table, eight rows for them: the one just seated is in sight, the first is
        // counted above; "who just left" gives its rows to the table.
        #expect(text.contains("還有 ↑1") && text.contains(">趙怡君"), "\(text)")
        #expect(!text.contains("最近 10 分鐘離開"))
        for _ in 0..<8 { app.press(.up) }  // the first at the table scrolls into sight
        #expect(app.screenText(60, 16).contains("還有 ↓1"))
        // With the table shorter, the rows it leaves go to who just left. (F7 again within moments
        // asks first, since the highlight moved on: yes each time.)
        app.press(.function(7), .function(7), .char("y"), .function(7), .char("y"))
        #expect(app.screenText(60, 16).contains("最近 10 分鐘離開"))
    }

    @Test func theOwnerSeesWhenTheOrganisersAnswered() throws {
        let app = try stallDay(screen: .stall("S2"), language: "en")
        let desk = Author(user: "host", role: "reception", terminal: "pts/2", pid: 2)
        try app.store.append(.help(stall: "S2", on: false), by: desk)
        #expect(app.screenText().contains("The organisers answered your help request at 15:16 (reception)."))
        // Withdrawn by the owner: nothing to say.
        try app.store.append(.help(stall: "S2", on: true), by: app.author)
        app.press(.function(8))
        #expect(!app.screenText().contains("answered"))
    }

    @Test func seatingFindsThoseNotAtThisTableFirst() throws {
        let app = try stallDay(screen: .stall("S1"))
        app.type("P00")  // ids P001–P009: some sit here, some elsewhere or nowhere
        let screen = app.screen(StallScreen.self)!
        let room = app.store.state.room
        let list = screen.matches(app)
        #expect(list.count >= 2 && room.presence[list.last!].stall == 0)
        #expect(room.presence[screen.highlighted(app)!].stall != 0)
    }

    @Test func theRoomViewOpensAStallAndEscComesBack() throws {
        let app = try stallDay(screen: .stall(nil), language: "en", locked: false)
        // The stall asking for help is listed first and highlighted.
        #expect(app.store.state.room.stallsHelpFirst.first == 1)
        app.press(.down, .enter)  // the second row: 開放政府
        #expect(app.screen == .stall("S1"))
        app.type("林")
        app.press(.escape)  // clears the search first
        #expect(app.screen == .stall("S1"))
        app.press(.escape)
        #expect(app.screen == .stall(nil))
        // h clears the highlighted stall's help request, after asking.
        app.press(.up, .char("h"))
        #expect(app.store.state.room.helpRequested[1])
        app.press(.enter)
        #expect(!app.store.state.room.helpRequested[1])
        app.press(.char("h"))
        #expect(app.message?.isError == true)
    }

    @Test func receptionShowsAHelpRequestAndF8ClearsIt() throws {
        let app = try stallDay(screen: .reception, language: "en", locked: false)
        #expect(app.screenText().contains("HELP: 公共參與 15:10 — F8 clears"))
        app.press(.function(8))
        #expect(app.screenText().contains("Clear 公共參與's help request?"))
        app.press(.enter)
        #expect(!app.store.state.room.helpRequested[1])
        #expect(!app.screenText().contains("HELP:"))
        app.press(.function(8))
        #expect(app.message == App.Message(text: app.strings.stall.noHelpAsked, isError: true))
    }
}

/// Issue 11: a screen locked to a role writes only its role's work, whatever asks it to.
@Suite("Role-locked screens")
struct LockedScreenTests {
    @Test func eachLockedScreenRefusesWhatItsRoleDoesNotDo() throws {
        let cases: [(ScreenKind, Event, String)] = [
            (.stall("S1"), .checkIn(person: "P011"), "這台是「開放政府」攤位的"),
            (.stall("S1"), .seat(person: "P006", stall: "S2", forced: false), "這台是「開放政府」攤位的"),
            (.stall("S1"), .help(stall: "S2", on: false), "這台是「開放政府」攤位的"),
            (.reception, .phase(from: .chat, to: .photo, move: .next, reason: ""), "這台是報到台"),
            (.reception, .seat(person: "P006", stall: "S1", forced: true), "這台是報到台"),
            (.timekeeper, .checkIn(person: "P011"), "這台是計時的"),
            (.board, .message(text: "hi"), "這台是看板"),
        ]
        for (screen, event, words) in cases {
            let app = try stallDay(screen: screen)
            let before = app.store.state.history.count
            #expect(app.write { _ in [event] } == nil, "\(screen) \(event.kind)")
            #expect(app.message?.isError == true && app.message?.text.contains(words) == true, "\(screen): \(app.message?.text ?? "")")
            #expect(app.store.state.history.count == before)
        }
    }

    @Test func theSameEventsAreWrittenWhenTheirRoleAsks() throws {
        let cases: [(ScreenKind, Event)] = [
            (.stall("S1"), .seat(person: "P006", stall: "S1", forced: true)),  // over its seats, in open chat
            (.stall("S2"), .help(stall: "S2", on: false)),
            (.reception, .checkIn(person: "P011")),
            (.reception, .help(stall: "S2", on: false)),
            (.timekeeper, .message(text: "蛋糕來了")),
        ]
        for (screen, event) in cases {
            let app = try stallDay(screen: screen)
            #expect(app.write { _ in [event] } != nil, "\(screen) \(event.kind): \(app.message?.text ?? "")")
        }
        // Unlocked, the organisers' terminal may do any of it.
        let open = try stallDay(screen: .reception, locked: false)
        #expect(open.write { _ in [.phase(from: .chat, to: .photo, move: .next, reason: "")] } != nil)
    }

    @Test func aLockedStallUndoesOnlyItsOwnSeating() throws {
        // The fixture's owner of S1 seated people as po on pts/3; this terminal is another.
        let app = try stallDay(screen: .stall("S1"))
        let seatedByOwner = try #require(app.store.state.history.last { $0.author.terminal == "pts/3" })
        #expect(app.write { _ in [.undo(seq: seatedByOwner.seq)] } == nil)
        #expect(app.message?.text.contains("這台終端機只能復原自己的動作") == true, "\(app.message?.text ?? "")")
    }
}

/// From a stall owner's try on a phone (issue 11).
@Suite("The stall owner on a phone")
struct PhoneOwnerTests {
    @Test func keysChangeNothingWhileTheScreenIsTooSmallToShowIt() throws {
        let app = try stallDay(screen: .stall("S1"))
        _ = app.render(30, 12)
        let before = app.store.state.history.count
        app.press(.down, .function(7), .function(8))
        app.type("P006")
        app.press(.enter)
        #expect(app.store.state.history.count == before)
        #expect(app.screenText(30, 12).contains("請把手機橫放"))
        // Big enough again: the same keys work.
        _ = app.render(40, 16)
        app.press(.function(8))
        #expect(app.store.state.history.count == before + 1)
    }

    @Test func aHelpRequestWithdrawnFromAnotherOfTheStallsTerminalsIsNotAnAnswer() throws {
        let app = try stallDay(screen: .stall("S2"), language: "en")
        // The same owner withdraws it from their laptop (another terminal of S2).
        try app.store.append(.help(stall: "S2", on: false), by: Author(user: "po2", role: "stall:S2", terminal: "pts/9", pid: 9))
        let text = app.screenText()
        #expect(!text.contains("answered"), "\(text)")
        #expect(!text.contains("HELP asked"))
    }

    @Test func f8StaysOnTheKeyBarOfAPhone() throws {
        let app = try stallDay(screen: .stall("S1"))
        _ = app.render(40, 16)
        app.press(.down)  // someone selected: F7 joins the bar
        let bar = app.screenText(40, 16).split(separator: "\n")[14]
        #expect(bar.contains("F7") && bar.contains("F8") && bar.contains("F10"), "\(bar)")
    }
}

extension PhoneOwnerTests {
    @Test func someoneNotCheckedInIsNamedWithWhatToDo() throws {
        let app = try stallDay(screen: .stall("S2"))
        app.type("P011")
        let text = app.screenText(40, 16).filter { !$0.isWhitespace }
        #expect(text.contains("還沒報到：請他先到報到處"), "\(app.screenText(40, 16))")
        app.press(.enter)
        #expect(app.message?.text.contains("還沒報到") == true)
    }
}

extension PhoneOwnerTests {
    @Test func helpOnALockedScreenLeavesOutTheKeysThatCannotWorkThere() throws {
        let locked = try stallDay(screen: .stall("S1"))
        locked.press(.function(1))
        #expect(!locked.screenText(40, 16).contains("F2–F5") && !locked.screenText(80, 40).contains("F2–F5"))
        locked.press(.escape, .function(2))
        #expect(locked.message?.text == locked.strings.disabledLockedRole)  // pressed anyway: it says why
        let open = try stallDay(screen: .reception, locked: false)
        open.press(.function(1))
        #expect(open.screenText(80, 60).contains("F2–F5"))
    }
}
