import MingleCore
import MingleStore
import Testing
@testable import MingleTUI

/// Issue 16, first step: a key carries what its screen showed. Two screens on one store, the
/// second not yet refreshed (as when two people press at the same moment): the second key is
/// refused with what changed and who changed it, nothing is written, and its undo takes nothing.
@Suite("A key says what its screen showed")
struct StaleKeyTests {
    /// A second terminal on the same store folder, locked to `screen`, by another timekeeper.
    static func second(_ app: App, screen: ScreenKind, user: String) throws -> App {
        let store = try Store(directory: app.store.directory)
        store.now = app.store.now
        return App(store: store, screen: screen, locked: true,
                   author: Author(user: user, role: screen.roleName, terminal: "pts/7", pid: 7), language: "zh-TW", now: app.now)
    }

    @Test func twoTimekeepersPressingSpaceAtOnceFinishOneSpeakerOnce() throws {
        let a = try programApp(screen: .timekeeper, speakerAt: 15 * 60 + 60, now: 16 * 60 + 30)
        let b = try Self.second(a, screen: .timekeeper, user: "tk2")
        let speaker = try #require(a.store.state.room.intro.current)
        let before = a.store.state.history.count
        a.press(.char(" "))
        #expect(a.store.state.history.count == before + 2, "A finished the speaker and started the next")
        // B still shows the speaker A finished: its Space must not finish the next one too.
        b.press(.char(" "))
        try b.store.refresh()
        #expect(b.store.state.history.count == before + 2, "B's Space wrote as well")
        let said = b.message?.text ?? ""
        #expect(said.contains(a.store.state.room.label(speaker)) && said.contains("已經講完了") && said.contains("host"), "\(said)")
        // And B's undo has nothing of its own to take back.
        b.press(.ctrl("z"))
        try a.store.refresh()
        #expect(a.store.state.history.count == before + 2)
    }

    @Test func aPhotoTakenOnAnotherTerminalIsNotRecordedTwice() throws {
        let a = try programApp(screen: .timekeeper, speakerAt: 15 * 60 + 60, now: 16 * 60 + 30)
        for _ in 0..<2 { try a.store.append(by: a.author) { s throws(Refusal) in try s.room.events(for: .phaseNext(reason: "")) } }
        try a.store.refresh()
        #expect(a.store.state.room.phase == .photo)
        let b = try Self.second(a, screen: .timekeeper, user: "tk2")
        a.press(.char("p"))
        b.press(.char("p"))
        try a.store.refresh()
        #expect(a.store.state.room.photos.count == 1)
        #expect(b.message?.text.contains("合照剛剛已經記下了") == true, "\(b.message?.text ?? "")")
    }

    @Test func f7AgainWithinMomentsAsksBeforeTheNextPersonIsReleasedToo() throws {
        let app = try stallDay(screen: .stall("S1"), language: "en")
        app.press(.down)
        let atTable = app.store.state.room.seated[0].count
        app.press(.function(7))
        #expect(app.store.state.room.seated[0].count == atTable - 1)
        app.press(.function(7))  // the highlight is on the next person now
        #expect(app.top is ConfirmDialog, "a second F7 at once released without asking")
        #expect(app.screenText().contains("left this table a moment ago. Release"), "\(app.screenText())")
        app.press(.char("n"))
        #expect(app.store.state.room.seated[0].count == atTable - 1, "released though the answer was no")
        // On another of this stall's terminals, the same moment asks too: it is the log that says.
        let other = try Self.second(app, screen: .stall("S1"), user: "po")
        other.press(.down, .function(7))
        #expect(other.top is ConfirmDialog)
    }

    @Test func aSecondPhotoWithinMomentsAsks() throws {
        let a = try programApp(screen: .timekeeper, speakerAt: 15 * 60 + 60, now: 16 * 60 + 30)
        for _ in 0..<2 { try a.store.append(by: a.author) { s throws(Refusal) in try s.room.events(for: .phaseNext(reason: "")) } }
        a.press(.char("p"))
        a.press(.char("p"))
        #expect(a.top is ConfirmDialog)
        a.press(.char("n"))
        #expect(a.store.state.room.photos.count == 1)
        a.press(.char("p"), .char("y"))
        #expect(a.store.state.room.photos.count == 2, "asked, answered yes: a second photo")
    }

    @Test func theStaleFactIsNamedWithWhoChangedItAndWhen() throws {
        var s = State(config: SampleEvent.config, roster: SampleEvent.people)
        let ann = Author(user: "ann", role: "stall:S2", terminal: "pts/3", pid: 3)
        var seq = 0
        func apply(_ e: Event, _ by: Author = ann) throws {
            seq += 1
            try s.applyChecked(LoggedEvent(seq: seq, time: Timestamp(millis: 1_796_364_000_000 + Int64(seq) * 60_000, offsetMinutes: 480), author: by, event: e))
        }
        try apply(.checkIn(person: "P005"))
        for to in [Phase.opening, .introductions, .chat] { try apply(.phase(from: s.room.phase, to: to, move: .next, reason: "")) }
        #expect(s.staleness([.seat(person: "P005", stall: nil)]) == nil)
        try apply(.seat(person: "P005", stall: "S2", forced: false))
        guard case .changedMeanwhile(.moved(_, let to), let by, let at)? = s.staleness([.seat(person: "P005", stall: nil)])?.why else {
            Issue.record("a seat elsewhere was not found stale"); return
        }
        #expect(to == s.room.stalls[1].name && by == ann && at?.clock == "14:05")
        #expect(s.staleness([.speaker(nil), .phase(.chat), .photos(0)]) == nil)
        #expect(s.staleness([.phase(.introductions)])?.reason.contains("moved on to chat") == true)
    }
}
