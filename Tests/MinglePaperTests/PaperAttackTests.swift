import Foundation
import Testing
import MingleCore
import MingleStore
@testable import MinglePaper
#if canImport(Glibc)
import Glibc
#endif

/// Issue 15, item 10: characters XML cannot hold in names, tag files named by hostile ids, and a
/// `print/` folder that is not a folder.
@Suite("Paper against hostile names, ids and folders")
struct PaperAttackTests {
    /// U+FFFE and U+FFFF are not XML characters at all; ESC (C0), U+009B (C1, a terminal's CSI)
    /// and U+202E (a bidi override) must not reach a page raw either.
    static let bad: [Character] = ["\u{FFFE}", "\u{FFFF}", "\u{1B}", "\u{9B}", "\u{202E}"]

    static let people: [Person] = [
        Person(id: "F1", name: "王\u{FFFE}小明", ministry: "數位\u{FFFF}部", role: .new),
        Person(id: "F2", name: "Ann\u{FFFF}Lee", ministry: "Foreign\u{FFFE}Affairs", role: .senior),
        Person(id: "F3", name: "\u{1B}]0;pwned\u{7}林\u{1B}[31m", ministry: "內政\u{9B}31m部", role: .new),
        Person(id: "F4", name: "\u{202E}evil\u{202C}陳", ministry: "\u{9B}2J\u{202E}財政部", role: .staff),
        Person(id: "F5", name: "\u{FFFE}\u{FFFF}\u{1B}\u{9B}\u{202E}", ministry: "\u{FFFF}", role: .guest),
        Person(id: "F\u{FFFE}6", name: "周\u{FFFF}", ministry: "教育部\u{FFFE}", role: .senior),
    ]

    static var config: EventConfig {
        var c = PaperFixture.config
        c.title = "交流\u{FFFE}午茶\u{1B}[2J"
        c.venue = "行政院\u{FFFF}\u{202E}"
        c.stalls = [Stall(id: "S1", name: "開放\u{FFFE}政府", owners: ["F2"], seats: 4),
                    Stall(id: "S2", name: "公共\u{FFFF}參與\u{9B}", owners: ["F4"], seats: 4)]
        return c
    }

    /// Everyone comes, the new POs introduce themselves, everyone sits for 20 minutes (so they
    /// meet), a stall asks for help, a message with the characters goes to the room, one leaves.
    static func room() throws -> Room {
        try PaperFixture.day(config: config, people: people, speakers: people.filter { $0.role == .new }.map(\.id),
                             message: "蛋糕\u{FFFF}來了\u{1B}[2J\u{9B}\u{202E}", leaver: "F5", chatReason: "\u{FFFE}")
    }

    static func pages() throws -> [(String, String)] {
        let room = try room()
        let report = Report.make(room, now: PaperFixture.start.adding(seconds: 7200))
        return [("Badges", Badges.html(people, config: config)),
                ("SigninSheet", SigninSheet.html(people, config: config, blankRows: 3)),
                ("report.html", report.html)]
    }

    @Test func pagesWithCharactersXMLCannotHoldAreWellFormedAndCleanOfThem() throws {
        for (name, html) in try Self.pages() {
            let page = PageReader.read(html)
            #expect(page.error == nil, "\(name): \(String(describing: page.error))")
            for c in Self.bad {
                #expect(!html.contains(c), "\(name) holds U+\(String(c.unicodeScalars.first!.value, radix: 16, uppercase: true))")
                #expect(!html.unicodeScalars.contains(c.unicodeScalars.first!), "\(name): as a scalar")
            }
            // Not as character references either: &#xFFFE; is as ill-formed as the character.
            for ref in ["&#xFFFE;", "&#xFFFF;", "&#65534;", "&#65535;", "&#x1B;", "&#27;", "&#x9B;", "&#155;", "&#x202E;", "&#8238;"] {
                #expect(!html.lowercased().contains(ref.lowercased()), "\(name) holds \(ref)")
            }
            // The rest of the names is there (the test is not passing on a page without them).
            for piece in ["小明", "Lee", "財政部"] where name != "report.html" {
                #expect(page.text.contains(piece), "\(name) lost \(piece)")
            }
        }
        // The report names the stalls and the message.
        let report = try Self.pages()[2].1
        #expect(report.contains("政府") && report.contains("蛋糕"))
    }

    /// Each name alone on a tag: a page of one hostile person is well-formed too (the tag files
    /// reception's F9 writes are such pages).
    @Test(arguments: people.indices)
    func aTagOfOneHostilePersonIsWellFormed(index: Int) throws {
        let html = Badges.html([Self.people[index]], config: Self.config)
        let page = PageReader.read(html)
        #expect(page.error == nil, "\(Self.people[index].id.debugDescription): \(String(describing: page.error))")
        for c in Self.bad { #expect(!html.unicodeScalars.contains(c.unicodeScalars.first!)) }
    }

    @Test func theReportsMarkdownHoldsNoneOfThemEither() throws {
        let room = try Self.room()
        let md = Report.make(room, now: PaperFixture.start.adding(seconds: 7200)).markdown
        for c in Self.bad { #expect(!md.unicodeScalars.contains(c.unicodeScalars.first!), "U+\(String(c.unicodeScalars.first!.value, radix: 16))") }
    }

    // MARK: Tag files

    static let ids = ["a/b/c", "a_b_c", "a%2fb", "../x", "", "王", "a_2fb", "a/b", "a_b", ".", "..", ".hidden", "-", "_", "A", "a",
                      "a b", "a\u{0}b", "tag-x", "x.html"]

    @Test func everyIdGetsItsOwnFileInsidePrint() {
        var seen: [String: String] = [:]
        for id in Self.ids {
            let rel = TagFile.relativePath(for: id)
            #expect(rel.hasPrefix("print/"), "\(id.debugDescription) → \(rel)")
            let name = String(rel.dropFirst("print/".count))
            #expect(!name.contains("/"), "\(id.debugDescription) → \(rel)")
            #expect(!name.hasPrefix("."), "\(id.debugDescription) → \(rel)")
            #expect(!name.isEmpty && name != "." && name != "..")
            #expect(name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "\(id.debugDescription) → \(rel): printable ASCII only")
            if let other = seen[name] { Issue.record("\(id.debugDescription) and \(other.debugDescription) share \(name)") }
            seen[name] = id
        }
        #expect(TagFile.relativePath(for: "a/b/c") != TagFile.relativePath(for: "a_b_c"))
    }

    /// A store on a case-insensitive disk (a Mac's, a USB stick, a CIFS share) holds one file for
    /// tag-A.html and tag-a.html: ids that differ only in case must not share a name there.
    @Test func idsThatDifferOnlyInCaseGetNamesThatDifferIgnoringCase() {
        let names = ["A1", "a1", "Ab", "aB", "ab"].map { TagFile.relativePath(for: $0).lowercased() }
        #expect(Set(names).count == names.count, "\(names)")
    }

    func person(_ id: String) -> Person { Person(id: id, name: "林 明", ministry: "數位部", role: .new) }

    func storeFolder(mode: mode_t = 0o700) -> String {
        var template = Array("/tmp/mingle-paper-XXXXXX".utf8CString)
        let dir = String(cString: mkdtemp(&template)!)
        chmod(dir, mode)
        return dir
    }

    func entries(_ dir: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    @Test func hostileIdsAreWrittenInsidePrintEachToItsOwnFile() throws {
        let dir = storeFolder()
        var paths: Set<String> = []
        for id in Self.ids {
            let path = try TagFile.write(person(id), config: PaperFixture.config, store: dir)
            #expect(path == dir + "/" + TagFile.relativePath(for: id))
            paths.insert(path)
        }
        #expect(paths.count == Self.ids.count)
        #expect(entries(dir) == ["print"], "nothing written beside print/: \(entries(dir))")
        #expect(entries(dir + "/print").count == Self.ids.count, "\(entries(dir + "/print"))")
    }

    @Test func aPrintFolderThatIsALinkIsRefusedAndNothingIsWrittenWhereItPoints() throws {
        let dir = storeFolder(), elsewhere = storeFolder()
        #expect(symlink(elsewhere, dir + "/print") == 0)
        #expect(throws: StoreError.self) { try TagFile.write(person("P001"), config: PaperFixture.config, store: dir) }
        #expect(entries(elsewhere).isEmpty, "written through the link: \(entries(elsewhere))")
        // A link to a folder's parent, or a dangling link, is refused as well and not replaced.
        let dangling = storeFolder()
        #expect(symlink(elsewhere + "/not-yet", dangling + "/print") == 0)
        #expect(throws: StoreError.self) { try TagFile.write(person("P001"), config: PaperFixture.config, store: dangling) }
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/not-yet"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dangling + "/print")) == elsewhere + "/not-yet")
    }

    @Test func aPrintThatIsAFileIsRefusedAndKept() throws {
        let dir = storeFolder()
        FileManager.default.createFile(atPath: dir + "/print", contents: Data("mine".utf8))
        #expect(throws: StoreError.self) { try TagFile.write(person("P001"), config: PaperFixture.config, store: dir) }
        #expect(FileManager.default.contents(atPath: dir + "/print") == Data("mine".utf8))
        #expect(entries(dir) == ["print"])
    }

    @Test func aTagFileThatIsALinkIsRefusedAndNotFollowed() throws {
        let dir = storeFolder(), elsewhere = storeFolder()
        mkdir(dir + "/print", 0o700)
        let target = elsewhere + "/victim"
        FileManager.default.createFile(atPath: target, contents: Data("keep".utf8))
        #expect(symlink(target, dir + "/" + TagFile.relativePath(for: "P001")) == 0)
        #expect(throws: StoreError.self) { try TagFile.write(person("P001"), config: PaperFixture.config, store: dir) }
        #expect(FileManager.default.contents(atPath: target) == Data("keep".utf8))
        #expect(entries(dir + "/print") == [Posix.baseName(TagFile.relativePath(for: "P001"))], "no temporary file left: \(entries(dir + "/print"))")
    }

    func mode(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & 0o7777 : 0
    }

    /// Under this process's umask (022 in a test run, which would narrow 0660 to 0640 were the
    /// mode not set on the file itself). The umask is not changed here: it is the whole test
    /// process's, and other suites run at the same time.
    @Test(arguments: [(mode_t(0o700), mode_t(0o600)), (0o755, 0o600), (0o2770, 0o660), (0o770, 0o660)])
    func theTagFileIsPrivateOrTheGroups(folder: mode_t, expected: mode_t) throws {
        let dir = storeFolder(mode: folder)
        let path = try TagFile.write(person("P001"), config: PaperFixture.config, store: dir)
        #expect(mode(path) == expected, "folder \(String(folder, radix: 8)): \(String(mode(path), radix: 8))")
        // The folder is no more open than the store: the group's where it is shared, else the user's alone.
        #expect(mode(dir + "/print") & 0o007 == 0, "print/ is \(String(mode(dir + "/print"), radix: 8))")
        #expect(mode(dir + "/print") & 0o700 == 0o700)
        // Written again (replaced): the same mode, and no temporary file left beside it.
        let again = try TagFile.write(person("P001"), config: PaperFixture.config, store: dir)
        #expect(mode(again) == expected)
        #expect(entries(dir + "/print") == [Posix.baseName(path)])
    }
}
