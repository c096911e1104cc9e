import Foundation
import MingleCore
import PropertyBased
import Testing
@testable import MingleStore

@Suite("Log line format")
struct CodecTests {
    static let nasty = "王 小%明\n\t\u{1B}[31m\u{9B}2J\u{7F}=x"
    static let events: [Event] = [
        .checkIn(person: "P001"), .checkOut(person: "P001"),
        .walkIn(Person(id: "W001", name: nasty, ministry: "衛 福 部", role: .guest, email: "a@b", title: "科長")),
        .seat(person: "P001", stall: "S1", forced: true), .seat(person: "P001", stall: "S1", forced: false),
        .unseat(person: "P001"), .phase(from: .chat, to: .opening, move: .jump, reason: nasty),
        .phase(from: .reception, to: .opening, move: .next, reason: ""),
        .introStart(person: "P1"), .introDone(person: "P1"), .introSkip(person: "P1"), .introAdd(person: "P1"),
        .introMove(person: "P1", position: 3), .help(stall: "S2", on: true), .help(stall: "S2", on: false),
        .message(text: nasty), .photoTaken, .undo(seq: 12), .note(text: "repair"), .badgePrinted(person: "P001"),
    ]

    @Test(arguments: events)
    func everyEventRoundTrips(_ e: Event) throws {
        let logged = LoggedEvent(seq: 7, time: Timestamp(millis: 1_796_364_123_456, offsetMinutes: 480),
                                 author: Author(user: "ann lee", role: "stall:S1", terminal: "pts/3", pid: 123), event: e)
        let line = LogLineCodec.encode(logged, prev: 0x1234_abcd)
        #expect(line.last == 10)
        #expect(line.dropLast().allSatisfy { $0 >= 0x20 && $0 != 0x7F }, "no raw control byte in a line")
        #expect(try LogLineCodec.decode(Array(line.dropLast())) == logged)
    }

    @Test func aLineReadsAsDocumented() {
        let e = LoggedEvent(seq: 42, time: Timestamp(millis: 1_796_364_192_123, offsetMinutes: 480),
                            author: Author(user: "alice", role: "reception", terminal: "pts/3", pid: 4242),
                            event: .walkIn(Person(id: "W001", name: "王 小明", ministry: "衛福部", role: .new)))
        #expect(String(decoding: LogLineCodec.encode(e, prev: 0x0a1b_2c3d), as: UTF8.self) ==
            "42 2026-12-04T14:03:12.123+08:00 walkin by=alice as=reception tty=pts/3 pid=4242 person=W001 name=王%20小明 ministry=衛福部 role=new prev=0a1b2c3d crc=58b44e62\n")
    }

    @Test func aHelpersKeyNameIsKeptWithTheAuthorAndBeforeTheGroup() throws {
        let author = Author(user: "po", role: "stall:S1", terminal: "pts/7", pid: 77, key: "陳主任")
        let e = LoggedEvent(seq: 9, time: Timestamp(millis: 1_796_364_192_123, offsetMinutes: 480), author: author,
                            event: .seat(person: "P001", stall: "S1", forced: false), group: 8)
        let line = String(decoding: LogLineCodec.encode(e, prev: 0), as: UTF8.self)
        #expect(line.contains(" pid=77 key=陳主任 grp=8 person=P001 "))
        let back = try LogLineCodec.decode(Array(LogLineCodec.encode(e, prev: 0).dropLast()))
        #expect(back == e && back.group == 8 && back.author.key == "陳主任")
        #expect(back.author.whereabouts == "陳主任 (po) on pts/7 (stall:S1)")
    }

    @Test func writersAreReadExactlyWhenManyInterleave() {
        // More writers than the decoder remembers, in a shuffled order, with near-identical bytes;
        // some share an account and differ only in the helper's key.
        let authors = (0..<11).map { Author(user: "u\($0 % 3)", role: $0 % 2 == 0 ? "reception" : "stall:S\($0)", terminal: "pts/\($0 % 4)", pid: 100 + $0,
                                            key: $0 % 3 == 0 ? "" : "k\($0 % 2)") }
        var rng = SplitMix64(seed: 9)
        let events = (1...500).map { i in
            LoggedEvent(seq: i, time: Timestamp(millis: Int64(i)), author: authors[Int(rng.next() % 11)], event: .message(text: "m\(i)"))
        }
        let bytes = LogLineCodec.encode(events, after: 0)
        let read = LogScan.lines(bytes).compactMap { line -> LoggedEvent? in if case .good(let e) = line.outcome { e } else { nil } }
        #expect(read == events)
    }

    @Test func checksumIsZlibsCRC32() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test func anyTextRoundTrips() async {
        // A third of the characters come from the ones the format must escape.
        let special: [UInt32] = [0, 9, 10, 13, 0x1B, 0x20, 0x25, 0x3D, 0x7F, 0x80, 0x9B, 0x9F, 0xA0, 0x3000, 0x202E]
        await propertyCheck(input: Gen.int(in: 0...0xD7FF).array(of: 0...40)) { codes in
            let text = String(String.UnicodeScalarView(codes.map { Unicode.Scalar($0 % 3 == 0 ? special[$0 % special.count] : UInt32($0))! }))
            let e = LoggedEvent(seq: 1, time: Timestamp(millis: 0), author: testAuthor, event: .message(text: text))
            let line = LogLineCodec.encode(e, prev: 0)
            #expect(line.filter { $0 == 10 }.count == 1)
            #expect((try? LogLineCodec.decode(Array(line.dropLast())))?.event == .message(text: text))
        }
    }

    @Test func everySingleBitFlipIsDetected() throws {
        let line = Array(LogLineCodec.encode(LoggedEvent(seq: 3, time: Timestamp(millis: 5), author: testAuthor,
                                                         event: .seat(person: "P007", stall: "S2", forced: false)), prev: 0x00ff_00ff).dropLast())
        for i in line.indices {
            for bit in 0..<8 {
                var damaged = line
                damaged[i] ^= UInt8(1 << bit)
                #expect(throws: LineProblem.self, "byte \(i) bit \(bit)") { try LogLineCodec.decode(damaged) }
            }
        }
    }

    // MARK: The chain: every line vouches for the one before it

    static func chainedDay(_ n: Int) -> [[UInt8]] {
        let events = (1...n).map { LoggedEvent(seq: $0, time: Timestamp(millis: Int64($0) * 1000), author: testAuthor, event: .message(text: "m\($0)")) }
        let bytes = LogLineCodec.encode(events, after: 0)
        return bytes.split(separator: 10, omittingEmptySubsequences: false).dropLast().map { Array($0) + [10] }
    }

    static func outcomes(_ lines: [[UInt8]]) -> [String] {
        LogScan.lines(lines.flatMap { $0 }).map { line in
            switch line.outcome {
            case .good: "good"
            case .bad: "bad"
            case .unlinked: "unlinked"
            case .incomplete: "incomplete"
            }
        }
    }

    @Test func aChainedLogReadsWhole() {
        #expect(Self.outcomes(Self.chainedDay(6)) == Array(repeating: "good", count: 6))
    }

    @Test func aRemovedLineBreaksTheChainJustAfterIt() {
        var lines = Self.chainedDay(6)
        lines.remove(at: 2)
        // Only the line after the gap is out of the chain; the ones after it link to it.
        #expect(Self.outcomes(lines) == ["good", "good", "unlinked", "good", "good"])
    }

    @Test func swappedLinesAndALostBeginningAreFound() {
        var lines = Self.chainedDay(5)
        lines.swapAt(1, 2)
        #expect(Self.outcomes(lines).contains("unlinked") || Self.outcomes(lines).contains("bad"))
        #expect(Self.outcomes(Array(Self.chainedDay(5).dropFirst(2))).first == "unlinked")
    }

    @Test func aLineReplacedWithAValidChecksumIsFoundByTheNextLine() throws {
        var lines = Self.chainedDay(4)
        // Someone who knows the format rewrites line 2 with a good checksum of its own.
        let forged = LoggedEvent(seq: 2, time: Timestamp(millis: 2000), author: testAuthor, event: .message(text: "forged"))
        let prev = LogLineCodec.crc(ofEncoded: lines[0])
        lines[1] = LogLineCodec.encode(forged, prev: prev)
        #expect(Self.outcomes(lines) == ["good", "good", "unlinked", "good"])
    }

    @Test func linesWrittenBeforeTheChainStillRead() {
        // A log from before prev= existed: lines end with crc= only; the chain starts after them.
        func unlinked(_ i: Int) -> [UInt8] {
            let body = Array("\(i) 2026-12-04T14:00:0\(i).000+08:00 note by=a as=cli tty=- pid=1 text=x".utf8)
            return body + Array(" crc=".utf8) + LogLineCodec.hex8(CRC32.checksum(body)) + [10]
        }
        let old = (1...3).map(unlinked)
        let next = LogLineCodec.encode(LoggedEvent(seq: 4, time: Timestamp(millis: 1_796_364_000_000), author: testAuthor, event: .note(text: "y")),
                                       prev: LogLineCodec.crc(ofEncoded: old[2]))
        #expect(Self.outcomes(old + [next]) == ["good", "good", "good", "good"])
        // But once the chain has begun, a line without a link is out of it.
        #expect(Self.outcomes(old + [next, unlinked(5)]).last == "unlinked")
    }
}
