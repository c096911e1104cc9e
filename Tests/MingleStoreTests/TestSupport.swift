import Foundation
import MingleCore
@testable import MingleStore

/// A fresh folder under /tmp for one test.
func temporaryFolder() -> String {
    var template = Array("/tmp/mingle-test-XXXXXX".utf8CString)
    return String(cString: mkdtemp(&template)!)
}

func write(_ bytes: [UInt8], to path: String) {
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
}

func bytes(of path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }

let testAuthor = Author(user: "tester", role: "reception", terminal: "pts/9", pid: 99)

/// A sample store with `events` appended through the real append path.
func sampleStore(_ events: [Event] = []) throws -> Store {
    let dir = temporaryFolder()
    try StoreSetup.create(at: dir, config: SampleEvent.config, roster: SampleEvent.people)
    let store = try Store(directory: dir)
    for e in events { try store.append(e, by: testAuthor) }
    return store
}
