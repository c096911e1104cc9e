import Foundation
import MingleCore
import MingleStore
import MingleTerminal
@testable import MingleTUI

/// 2026-12-04 14:03:00 +08:00, and a clock that stays there: screens render the same every run.
let fixedNow = Timestamp(millis: 1_796_364_180_000, offsetMinutes: 480)

/// An app on a fresh sample store, with this clock for both the screen and the store's writes.
func sampleApp(language: String = "zh-TW", screen: ScreenKind = .reception, locked: Bool = false) throws -> App {
    var template = Array("/tmp/mingle-tui-XXXXXX".utf8CString)
    let dir = String(cString: mkdtemp(&template)!) + "/store"
    try StoreSetup.create(at: dir, config: SampleEvent.config, roster: SampleEvent.people)
    let store = try Store(directory: dir)
    store.now = { fixedNow }
    return App(store: store, screen: screen, locked: locked,
               author: Author(user: "host", role: "reception", terminal: "pts/1", pid: 1),
               language: language, now: { fixedNow })
}

extension App {
    var reception: ReceptionScreen { screen(ReceptionScreen.self)! }
    /// The walk-in form, when it is open.
    var walkIn: WalkInForm? { layers.compactMap { $0 as? WalkInForm }.last }

    func type(_ text: String) { for c in text { handle(.char(c)) } }
    func press(_ keys: Key...) { for k in keys { handle(k) } }

    func render(_ columns: Int, _ rows: Int) -> MemoryCanvas {
        var c = MemoryCanvas(rows: rows, columns: columns)
        draw(&c)
        return c
    }

    func screenText(_ columns: Int = 80, _ rows: Int = 24) -> String { render(columns, rows).text }
}
