import Foundation
import MingleCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A day with names that try to break out of every format: markup, quotes, a terminal escape,
/// spreadsheet formula prefixes, a bidi override, and names far longer than a tag.
enum PaperFixture {
    static let hostile: [Person] = [
        Person(id: "X1", name: "<script>alert('x')</script>", ministry: "<b>外交部</b>", role: .new),
        Person(id: "X2", name: "\"王\" & '林'", ministry: "衛福部 & 教育部", role: .senior),
        Person(id: "X3", name: "\u{1B}[31m紅字\u{1B}[0m", ministry: "數位部", role: .staff),
        Person(id: "X4", name: "=HYPERLINK(\"http://x\")", ministry: "+cmd|' /C calc'!A0", role: .guest),
        Person(id: "X5", name: "@SUM(A1)", ministry: "-2+3", role: .new),
        Person(id: "X6", name: "\u{202E}evil\u{202C}", ministry: "|pipe| *star* _under_ [link](x)", role: .senior),
        Person(id: "X7", name: "歐陽娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜", ministry: "行政院公共工程委員會國家發展委員會", role: .new),
        Person(id: "X8", name: "Maximiliano Wolfeschlegelsteinhausen", ministry: "Ministry of Foreign Affairs", role: .senior),
        Person(id: "X9", name: "林 明", ministry: "", role: .guest),
    ]

    static let config = EventConfig(
        title: "交流<午茶> & \"聚會\"", date: "2026-12-04", venue: "行政院 <B1>", language: "zh-TW",
        phases: [PlannedPhase(phase: .opening, start: ClockTime(hour: 13, minute: 30), minutes: 15),
                 PlannedPhase(phase: .introductions, start: ClockTime(hour: 13, minute: 45), minutes: 20, secondsPerSpeaker: 60),
                 PlannedPhase(phase: .chat, start: ClockTime(hour: 14, minute: 5), minutes: 60),
                 PlannedPhase(phase: .photo, start: ClockTime(hour: 15, minute: 5), minutes: 10)],
        stalls: [Stall(id: "S1", name: "<i>開放</i>政府", owners: ["X2"], seats: 4),
                 Stall(id: "S2", name: "公共 | 參與", owners: ["X6"], seats: 4)],
        encounterMinutes: 10)

    static let author = Author(user: "host<1>", role: "reception", terminal: "pts/1", pid: 42)
    static let start = Timestamp(millis: 1_796_362_200_000, offsetMinutes: 480)  // 2026-12-04 13:30 +08:00

    /// Everyone comes, X1 introduces themselves, all sit at stalls for 20 minutes (so they meet),
    /// one stall asks for help, a message goes to the room, X5 leaves early.
    static func room() throws -> Room {
        try day(config: config, people: hostile, speakers: ["X1"], message: "<img src=x onerror=alert(1)> 蛋糕 =1+1", leaver: "X5")
    }

    /// The afternoon every paper test prints: `people` come, `speakers` introduce themselves,
    /// everyone sits at S1 or S2 for 20 minutes, S2 asks for help, `message` goes to the room,
    /// `leaver` leaves early, the photo is taken. `chatReason` is the reason given for open chat.
    static func day(config: EventConfig, people: [Person], speakers: [String], message: String, leaver: String,
                    chatReason: String = "") throws -> Room {
        var room = Room(config: config, roster: people)
        var minute = 0
        func at(_ e: Event) throws {
            try room.apply(e, at: start.adding(seconds: 60 * minute), by: author)
            minute += 1
        }
        for p in people { try at(.checkIn(person: p.id)) }
        try at(.phase(from: .reception, to: .opening, move: .next, reason: ""))
        try at(.phase(from: .opening, to: .introductions, move: .next, reason: ""))
        for id in speakers {
            try at(.introStart(person: id))
            try at(.introDone(person: id))
        }
        try at(.phase(from: .introductions, to: .chat, move: .next, reason: chatReason))
        for (i, p) in people.enumerated() { try at(.seat(person: p.id, stall: i % 2 == 0 ? "S1" : "S2", forced: true)) }
        try at(.help(stall: "S2", on: true))
        try at(.message(text: message))
        minute += 20
        try at(.help(stall: "S2", on: false))
        try at(.checkOut(person: leaver))
        try at(.phase(from: .chat, to: .photo, move: .next, reason: ""))
        try at(.photoTaken)
        return room
    }
}

/// Parses a page as XML (the pages are polyglot XHTML); collects the text and the element names.
final class PageReader: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var text = ""
    var attributes: [[String: String]] = []
    var error: Error?

    static func read(_ page: String) -> PageReader {
        let r = PageReader()
        let parser = XMLParser(data: Data(page.utf8))
        parser.delegate = r
        if !parser.parse() { r.error = parser.parserError ?? NSError(domain: "xml", code: 1) }
        return r
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        elements.append(name)
        self.attributes.append(attributes)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
