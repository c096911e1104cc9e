import Foundation
import MingleCore
import Testing
@testable import MingleStore

/// The roster corpus: the same three people in every encoding and shape a spreadsheet writes,
/// then broken files with the line and column each error must name.
@Suite("Roster import")
struct ImportTests {
    static let people = [
        Person(id: "A1", name: "許功蓋", ministry: "衛福部", role: .new, email: "hsu@example.tw", title: "科長"),
        Person(id: "A2", name: "José Núñez", ministry: "外交部", role: .senior),
        Person(id: "A3", name: "林\"阿\"明\n二行", ministry: "數位部; 多元", role: .staff),
    ]
    static let chineseCSV = "編號,姓名,機關,身分,電子郵件,職稱\nA1,許功蓋,衛福部,新任,hsu@example.tw,科長\nA2,José Núñez,外交部,資深,,\nA3,\"林\"\"阿\"\"明\n二行\",數位部; 多元,工作人員,,\n"
    static let englishCSV = "id,name,ministry,role,email,title\nA1,許功蓋,衛福部,new,hsu@example.tw,科長\nA2, José Núñez ,外交部,senior,,\nA3,\"林\"\"阿\"\"明\n二行\",數位部; 多元,staff,,\n"

    static func encoded(_ text: String, _ how: String) -> [UInt8] {
        switch how {
        case "utf8": Array(text.utf8)
        case "utf8-bom": [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case "utf16le-bom": [0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian)!)
        case "utf16be-bom": [0xFE, 0xFF] + Array(text.data(using: .utf16BigEndian)!)
        case "cp950": Array(text.replacingOccurrences(of: "é", with: "e").replacingOccurrences(of: "ú", with: "u").replacingOccurrences(of: "ñ", with: "n")
                                .data(using: String.Encoding(rawValue: 0x8000_0423))!)
        case "crlf": Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        case "semicolon": Array(text.replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: "數位部; 多元", with: "\"數位部; 多元\"").utf8)
        default: fatalError(how)
        }
    }

    @Test(arguments: ["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp950", "crlf", "semicolon"], ["chinese", "english"])
    func readsEveryEncodingAndShape(_ how: String, _ headers: String) {
        let r = RosterImport.read(bytes: Self.encoded(headers == "chinese" ? Self.chineseCSV : Self.englishCSV, how), file: "名單.csv")
        #expect(r.errors.isEmpty, "\(r.errors)")
        var expected = Self.people
        if how == "cp950" { expected[1].name = "Jose Nunez" }  // Big5 has no accented Latin letters
        if how == "crlf" { expected[2].name = "林\"阿\"明\r\n二行" }  // a newline inside quotes is kept as written
        #expect(r.people.map(\.person) == expected)
        #expect(r.people.map(\.line) == [2, 3, 4])
        #expect(r.encoding == ["utf8": .utf8, "utf8-bom": .utf8BOM, "utf16le-bom": .utf16LE, "utf16be-bom": .utf16BE,
                               "cp950": .big5, "crlf": .utf8, "semicolon": .utf8][how])
    }

    @Test func big5TrailByteBackslashDoesNotSplitCharacters() {
        // 許 功 蓋 all end in 0x5C ("\") in Big5.
        let text = "編號,姓名,機關,身分\nB1,許功蓋,功能部,資深\nB2,蓋許,許功會,新任\n"
        let r = RosterImport.read(bytes: Array(text.data(using: String.Encoding(rawValue: 0x8000_0423))!), file: "big5.csv")
        #expect(r.errors.isEmpty)
        #expect(r.people.map(\.person.name) == ["許功蓋", "蓋許"])
        #expect(r.people.map(\.person.ministry) == ["功能部", "許功會"])
    }

    static let broken: [(String, String, [String])] = [
        ("missing role column", "id,name,ministry\nA1,王,衛福部\n",
         ["bad.csv, line 1: the header row has no role column (role or 身分)"]),
        // A spreadsheet export with a title row (and a date) above the header: one problem, not four.
        ("title rows above a header without ids", "名單 2026\n匯出 11/20\nname,ministry,role\n王,衛福部,new\n",
         ["bad.csv, line 3: the header row has no id column (id or 編號)"]),
        ("no header at all", "名單 2026\nfoo,bar\n",
         ["bad.csv, line 1: has no header row: no line names the columns id, name, ministry and role (or 編號, 姓名, 機關, 身分)"]),
        ("a short row is named as short", "id,name,ministry,role\nA1,王一,內政部,new\nA2,王二\n",
         ["bad.csv, line 3: is short: 2 fields where the header has 4 (id, name, ministry, role); missing: ministry, role"]),
        ("unknown role", "id,name,ministry,role\nA1,王小明,衛福部,new\nA2,李,教育部,主任\n",
         ["bad.csv, line 3, column 4 (role): \"主任\" is not a role: use new, senior, staff or guest (新任, 資深, 工作人員, 來賓)"]),
        ("empty id and empty name", "編號,姓名,機關,身分\n,王,衛福部,新任\nA2,,教育部,資深\n",
         ["bad.csv, line 2, column 1 (編號): the id is empty", "bad.csv, line 3, column 2 (姓名): the name is empty"]),
        ("duplicate id, after a quoted newline", "id,name,ministry,role\nA1,\"王\n小明\",衛福部,new\nA1,李,教育部,senior\n",
         ["bad.csv, line 4, column 1 (id): the id A1 is already used on line 2"]),
        ("unclosed quote", "id,name,ministry,role\nA1,王,衛福部,new\nA2,\"李,教育部,senior\nA3,陳,內政部,new\n",
         ["bad.csv, line 3: a quote (\") opened on this line is never closed"]),
        ("too many fields", "id,name,ministry,role\nA1,王,衛福部,new,extra\n",
         ["bad.csv, line 2: has 5 fields but the first row names only 4 columns"]),
        ("empty file", "", ["bad.csv, line 1: is empty: there is no header row"]),
        ("id with a space", "id,name,ministry,role\nA 1,王,衛福部,new\n",
         ["bad.csv, line 2, column 1 (id): the id \"A 1\" has a space in it"]),
    ]

    @Test(arguments: broken)
    func brokenFilesNameLineAndColumn(_ c: (String, String, [String])) {
        let r = RosterImport.read(bytes: Array(c.1.utf8), file: "bad.csv")
        #expect(r.errors.map(\.description) == c.2, "\(c.0)")
    }

    @Test func titleRowsAboveTheHeaderAreLeftOutWithAWarning() {
        let r = RosterImport.read(bytes: Array("公共參與官名單,,,\n匯出日期 2026/11/20,,,\n編號,姓名,機關,身分\nA1,王小明,衛福部,新任\n".utf8), file: "export.csv")
        #expect(r.errors.isEmpty)
        #expect(r.people.map(\.person.id) == ["A1"] && r.people[0].line == 4)
        #expect(r.warnings.map(\.description) == [
            "export.csv, line 1: is above the header row (line 3): read as a title and left out",
            "export.csv, line 2: is above the header row (line 3): read as a title and left out"])
    }

    @Test func bytesThatAreNeitherUTF8NorBig5NameTheLine() {
        let bytes = Array("id,name,ministry,role\nA1,王,衛福部,new\n".utf8) + [0x41, 0x32, 0x2C, 0xFF, 0xFF, 0x2C, 0x41, 0x2C, 0x6E, 0x65, 0x77, 0x0A]
        let r = RosterImport.read(bytes: bytes, file: "x.csv")
        #expect(r.errors.map(\.description) == ["x.csv, line 3: is neither UTF-8 nor Big5. Save it from the spreadsheet as \"CSV UTF-8\""])
    }

    @Test func controlCharactersAreStoredExactlyAndWarned() {
        let text = "id,name,ministry,role\nA1,\u{1B}]0;pwned\u{7}王\u{202E},衛福部,new\n"
        let r = RosterImport.read(bytes: Array(text.utf8), file: "esc.csv")
        #expect(r.errors.isEmpty)
        #expect(r.people.first?.person.name == "\u{1B}]0;pwned\u{7}王\u{202E}")
        #expect(r.warnings.map(\.description) == ["esc.csv, line 2, column 2 (name): holds control or escape characters; stored as given, shown defused on screen"])
    }

    @Test func extraColumnsAreKept() {
        let r = RosterImport.read(bytes: Array("id,name,ministry,role,飲食\nA1,王,衛福部,new,素食\n".utf8), file: "x.csv")
        #expect(r.people.first?.person.extras == ["飲食": "素食"])
    }

    @Test func skippingBadRowsListsThem() {
        let r = RosterImport.read(bytes: Array("id,name,ministry,role\nA1,王,衛福部,new\nA2,李,教育部,boss\nA3,陳,內政部,guest\n".utf8), file: "x.csv")
        #expect(r.people.map(\.person.id) == ["A1", "A3"])
        #expect(r.skippedLines == [3])
    }

    @Test func rosterFileRoundTrips() throws {
        let dir = temporaryFolder()
        try RosterFile.save(Self.people + [Person(id: "Z", name: "趙", ministry: "", role: .guest, extras: ["飲食": "素"])], to: dir + "/roster.csv")
        #expect(try RosterFile.load(dir + "/roster.csv") == Self.people + [Person(id: "Z", name: "趙", ministry: "", role: .guest, extras: ["飲食": "素"])])
    }

    @Test func reimportUpdatesByIdAndNeverDropsACheckIn() throws {
        let store = try sampleStore([.checkIn(person: "P001"), .checkIn(person: "P002")])
        var changed = store.roster
        changed[0].name = "林明哲（改）"
        let merge = RosterFile.merge(existing: store.roster, imported: [changed[0], Person(id: "N1", name: "新人", ministry: "農業部", role: .new)])
        #expect(merge.added.map(\.id) == ["N1"])
        #expect(merge.updated.map(\.new.name) == ["林明哲（改）"])
        #expect(merge.keptNotInFile.count == store.roster.count - 1)
        try store.saveRoster(merge.roster)
        let reopened = try Store(directory: store.directory)
        let r = reopened.state.room
        #expect(r.person("P001")?.name == "林明哲（改）")
        #expect(r.presence[r.index(ofPerson: "P001")!].isHere && r.presence[r.index(ofPerson: "P002")!].isHere)
        #expect(r.people.count == 81)
    }
}

@Suite("event.toml")
struct ConfigTests {
    @Test func sampleConfigRoundTripsThroughTheCommentedFile() throws {
        #expect(try ConfigFile.parse(ConfigFile.render(SampleEvent.config)) == SampleEvent.config)
    }

    /// A whole, good file with one thing changed: `edit` replaces the first `from` with `to`.
    static func sample(replacing from: String, with to: String) -> String {
        let text = ConfigFile.render(SampleEvent.config)
        precondition(text.contains(from), from)
        return text.replacingOccurrences(of: from, with: to, options: [], range: text.range(of: from))
    }

    static func lineOf(_ needle: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    @Test(arguments: [
        ("date = \"2026-12-04\"", "date = \"2026-13-45\"", "2026-13-45",
         "date \"2026-13-45\" is not a day of the calendar: write it as YYYY-MM-DD, like \"2026-12-04\""),
        ("date = \"2026-12-04\"", "date = \"2027-02-29\"", "2027-02-29", "date \"2027-02-29\" is not a day of the calendar"),
        ("start = \"14:00\"", "start = \"9:5\"", "9:5", "opening: start must be a time of day like \"14:05\" (hours:minutes, minutes in two digits); it is \"9:5\""),
        ("start = \"14:00\"", "start = \"25:00\"", "25:00", "opening: start must be a time of day"),
        ("start = \"14:55\"", "start = \"14:10\"", "14:10", "chat starts at 14:10, before introductions (14:15): the times must follow the order of the afternoon"),
        ("seats = 8", "seat = 8", "seat = 8", "unknown setting \"seat\" in [[stalls]] number 1 — did you mean \"seats\"?"),
        ("encounter_minutes = 10", "encounter_minute = 10", "encounter_minute", "unknown setting \"encounter_minute\" — did you mean \"encounter_minutes\"?"),
        ("seats = 8", "seats = \"eight\"", "eight", "seats must be a whole number, like seats = 8 (it is text)"),
        ("owners = [\"P027\"]", "owners = \"P027\"", "owners = \"P027\"", "stall S1: owners must be a list of roster ids, like owners = [\"P027\"] (it is text)"),
        ("name = \"opening\"", "name = \"lunch\"", "lunch", "[[phases]] number 2: name must be one of reception, opening, introductions, chat, photo (it is \"lunch\")"),
        ("language = \"zh-TW\"", "language = \"fr\"", "fr", "language must be \"zh-TW\" or \"en\" (it is \"fr\")"),
        ("encounter_minutes = 10", "encounter_minutes = ", "encounter_minutes", "column 21: a value is missing after the = sign"),
        ("title = \"公共參與官交流午茶\"", "title = \"公共參與官交流午茶", "title", "column 19: a quote (\" or ') opened here is not closed on the same line"),
        ("id = \"S2\"", "id = \"S1\"", "id = \"S1\"\nname = \"公共參與\"", "the stall id S1 is used twice"),
    ])
    func aMistakeIsNamedWithItsLine(_ c: (String, String, String, String)) throws {
        let text = ConfigTests.sample(replacing: c.0, with: c.1)
        let r = ConfigFile.read(text)
        let first = try #require(r.errors.first, "accepted: \(c.1)")
        var line = ConfigTests.lineOf(c.1, in: text)
        if c.2.contains("\n") { line = ConfigTests.lineOf("id = \"S1\"", in: String(text[text.range(of: "id = \"S2\"") == nil ? text.range(of: "name = \"公共參與\"")!.lowerBound... : text.startIndex...])) }
        #expect(first.message.hasPrefix(c.3), "\(first.message)")
        #expect(first.line > 0, "no line for \(c.1)")
        if !c.2.contains("\n") { #expect(first.line == line, "\(first.description), expected line \(line)") }
        #expect(!first.message.contains("Error while parsing") && !first.message.contains("TOML"), "\(first.message)")
    }

    @Test func phasesMustAllBeThereInOrder() throws {
        let missing = ConfigTests.sample(replacing: "name = \"photo\"\nstart = \"15:55\"\nminutes = 15\n", with: "")
        let r1 = ConfigFile.read(missing.replacingOccurrences(of: "[[phases]]\n\n", with: "\n"))
        #expect(r1.errors.map(\.message).contains { $0.hasPrefix("the phases are incomplete: photo is missing") }, "\(r1.errors)")
        let text = ConfigFile.render(SampleEvent.config)
        let swapped = text.replacingOccurrences(of: "name = \"reception\"", with: "name = \"TMP\"")
            .replacingOccurrences(of: "name = \"opening\"", with: "name = \"reception\"").replacingOccurrences(of: "name = \"TMP\"", with: "name = \"opening\"")
        let r2 = ConfigFile.read(swapped)
        #expect(r2.errors.first?.message.contains("listed out of order") == true, "\(r2.errors)")
        #expect(r2.errors.first?.line == ConfigTests.lineOf("name = \"opening\"", in: swapped))
    }

    @Test func oneOwnerOnTwoStallsIsAWarningAndAnOwnerNotOnTheRosterAnError() throws {
        let text = ConfigTests.sample(replacing: "owners = [\"P029\"]", with: "owners = [\"P027\"]")
        let r = ConfigFile.read(text)
        #expect(r.errors.isEmpty)
        #expect(r.warnings.map(\.description) == ["event.toml, line \(ConfigTests.lineOf("owners = [\"P027\"]", in: String(text[text.range(of: "id = \"S2\"")!.lowerBound...])) + ConfigTests.lineOf("id = \"S2\"", in: text) - 1): P027 owns both stall S1 and stall S2"])
        let missing = ConfigFile.ownerProblems(text, r.config!, rosterIDs: ["P001"])
        #expect(missing.first?.description == "event.toml, line \(ConfigTests.lineOf("owners = [\"P027\"]", in: text)): stall S1 (開放政府) has the owner P027, who is not in roster.csv")
    }

    @Test(arguments: [
        ("title = \"x\"\nencounter_minutes = \n", "event.toml, line 2: column 21: a value is missing after the = sign"),
        ("encounter_minutes = 5\n", "event.toml: title is missing"),
        ("title = \"x\"\nlanguage = \"fr\"\n", "event.toml, line 2: language must be \"zh-TW\" or \"en\""),
    ])
    func problemsAreNamed(_ c: (String, String)) {
        do {
            _ = try ConfigFile.parse(c.0)
            Issue.record("accepted: \(c.0)")
        } catch {
            #expect(error.description.hasPrefix(c.1), "\(error.description)")
        }
    }
}

@Suite("The roster and the log together")
struct RosterAndLogTests {
    @Test func aWalkInsIdTypedIntoTheRosterIsNamedNotSilentlyHidden() throws {
        var template = Array("/tmp/mingle-store-XXXXXX".utf8CString)
        let dir = String(cString: mkdtemp(&template)!) + "/s"
        try StoreSetup.create(at: dir, config: SampleEvent.config, roster: SampleEvent.people)
        let store = try Store(directory: dir)
        try store.append(.walkIn(Person(id: "W001", name: "甲", ministry: "", role: .guest)), by: Author(user: "h", role: "reception", terminal: "-", pid: 1))
        let path = dir + "/roster.csv"
        let good = try String(contentsOfFile: path, encoding: .utf8)
        try (good + "W001,乙,內政部,new,,\n").write(toFile: path, atomically: true, encoding: .utf8)
        // An open store keeps the last good roster and says where the problem is.
        #expect(try store.refresh())
        #expect(store.sourceProblem?.description.hasPrefix("roster.csv, line 82: the id W001 was given to the walk-in 甲 today") == true)
        #expect(store.state.room.person("W001")?.name == "甲")
        // Opening it anew stops with the same words.
        #expect(throws: StoreError.self) { try Store(directory: dir) }
    }
}
