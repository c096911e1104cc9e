import Foundation
import Testing

/// Issue 16, first step, with real processes: two terminals acting on what each saw, at the same
/// moment. In each race exactly the intended event is written once, and the other is told what
/// happened instead.
@Suite("Two terminals at the same moment", .serialized)
struct RaceTests {
    /// Starts every command at once and waits for all of them.
    final class Results: @unchecked Sendable {
        let lock = NSLock()
        var all: [Int: CLI.Result] = [:]
        func set(_ i: Int, _ r: CLI.Result?) { lock.lock(); all[i] = r; lock.unlock() }
    }

    static func together(_ commands: [([String], [String: String])]) throws -> [CLI.Result] {
        let results = Results()
        let group = DispatchGroup()
        for (i, (args, env)) in commands.enumerated() {
            group.enter()
            Thread.detachNewThread {
                results.set(i, try? CLI.run(args, env: env))
                group.leave()
            }
        }
        group.wait()
        return commands.indices.map { results.all[$0] ?? CLI.Result(status: -1, out: "", err: "did not run") }
    }

    static func events(_ dir: String, kind: String) -> Int {
        let log = (try? String(contentsOfFile: dir + "/events.log", encoding: .utf8)) ?? ""
        return log.split(separator: "\n").filter { $0.split(separator: " ").dropFirst(2).first == Substring(kind) }.count
    }

    static func current(_ dir: String) throws -> String? {
        (try statusJSON(dir)["introductions"] as? [String: Any])?["current"] as? String
    }

    @Test func twoTimekeepersSayNextForTheSameSpeakerAndOneSpeakerIsFinished() throws {
        let dir = try sampleStoreFolder()
        for p in ["P001", "P002", "P003", "P004", "P005", "P006"] { #expect(try CLI.run(["checkin", p, "--store", dir]).status == 0) }
        for _ in 0..<2 { #expect(try CLI.run(["phase", "next", "--store", dir]).status == 0) }
        #expect(try CLI.run(["intro", "next", "--store", dir]).status == 0)
        for round in 0..<4 {
            let speaker = try #require(try Self.current(dir))
            let done = Self.events(dir, kind: "intro-done"), started = Self.events(dir, kind: "intro-start")
            let rs = try Self.together(Array(repeating: (["intro", "next", "--after", speaker, "--store", dir], [:]), count: 2))
            #expect(rs.filter { $0.status == 0 }.count == 1, "round \(round): \(rs.map { "\($0.status) \($0.out)\($0.err)" })")
            let refused = rs.first { $0.status != 0 }
            #expect(refused?.status == 1 && refused?.err.contains("had already finished") == true, "round \(round): \(refused?.err ?? "")")
            #expect(Self.events(dir, kind: "intro-done") == done + 1 && Self.events(dir, kind: "intro-start") == started + 1,
                    "round \(round): one speaker finished and one started, once")
        }
    }

    @Test func twoOwnersSeatTheSamePersonAtOnceAndOneIsToldWhereTheyWent() throws {
        let dir = try sampleStoreFolder()
        for p in ["P006", "P007", "P008"] { #expect(try CLI.run(["checkin", p, "--store", dir]).status == 0) }
        for _ in 0..<3 { #expect(try CLI.run(["phase", "next", "--store", dir]).status == 0) }
        for p in ["P006", "P007", "P008"] {
            let seats = Self.events(dir, kind: "seat")
            let rs = try Self.together([(["seat", p, "S1", "--from", "none", "--store", dir], ["MINGLE_ROLE": "stall:S1"]),
                                        (["seat", p, "S2", "--from", "none", "--store", dir], ["MINGLE_ROLE": "stall:S2"])])
            #expect(rs.filter { $0.status == 0 }.count == 1, "\(p): \(rs.map { "\($0.status) \($0.err)" })")
            #expect(rs.first { $0.status != 0 }?.err.contains("had already moved to") == true)
            #expect(Self.events(dir, kind: "seat") == seats + 1, "\(p) was seated twice")
        }
    }

    @Test func theHostAndTheOwnerReleaseTheSamePersonAtOnce() throws {
        let dir = try sampleStoreFolder()
        for p in ["P006", "P007", "P008"] { #expect(try CLI.run(["checkin", p, "--store", dir]).status == 0) }
        for _ in 0..<3 { #expect(try CLI.run(["phase", "next", "--store", dir]).status == 0) }
        for p in ["P006", "P007", "P008"] {
            #expect(try CLI.run(["seat", p, "S1", "--store", dir]).status == 0)
            let unseats = Self.events(dir, kind: "unseat")
            let rs = try Self.together([(["unseat", p, "--from", "S1", "--store", dir], [:]),
                                        (["unseat", p, "--from", "S1", "--store", dir], ["MINGLE_ROLE": "stall:S1"])])
            #expect(rs.filter { $0.status == 0 }.count == 1, "\(p): \(rs.map { "\($0.status) \($0.err)" })")
            #expect(rs.first { $0.status != 0 }?.err.contains("had already left the stall") == true)
            #expect(Self.events(dir, kind: "unseat") == unseats + 1)
            // The refused side's undo has nothing of its own to take back.
            let undo = try CLI.run(["undo", "--store", dir], env: ["MINGLE_ROLE": "stall:S1"])
            let ownerWon = rs[1].status == 0
            #expect(ownerWon ? undo.status == 0 : undo.status == 1, "\(undo.out)\(undo.err)")
            if ownerWon { #expect(try CLI.run(["unseat", p, "--store", dir]).status == 0) }
        }
    }

    @Test func receptionChecksOutSomeoneAnOwnerIsSeating() throws {
        let dir = try sampleStoreFolder()
        for p in ["P006", "P007"] { #expect(try CLI.run(["checkin", p, "--store", dir]).status == 0) }
        for _ in 0..<3 { #expect(try CLI.run(["phase", "next", "--store", dir]).status == 0) }
        for p in ["P006", "P007"] {
            let rs = try Self.together([(["checkout", p, "--store", dir], ["MINGLE_ROLE": "reception"]),
                                        (["seat", p, "S1", "--from", "none", "--store", dir], ["MINGLE_ROLE": "stall:S1"])])
            #expect(rs[0].status == 0, "the check-out: \(rs[0].err)")
            let person = try #require((try statusJSON(dir)["people"] as? [[String: Any]])?.first { $0["id"] as? String == p })
            #expect(person["checked_out"] as? Bool == true && person["stall"] is NSNull, "\(p) is \(person)")
            if rs[1].status != 0 { #expect(rs[1].err.contains("not checked in"), "\(rs[1].err)") }
        }
    }
}
