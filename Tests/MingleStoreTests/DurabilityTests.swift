import Foundation
import MingleCore
import Testing
@testable import MingleStore

/// A copy of `store`'s folder whose log holds exactly `log`.
func copyStore(_ store: Store, log: [UInt8]) throws -> String {
    let dir = temporaryFolder()
    for f in [ConfigFile.fileName, RosterFile.fileName] {
        try FileManager.default.copyItem(atPath: store.directory + "/" + f, toPath: dir + "/" + f)
    }
    write(log, to: dir + "/" + Store.logName)
    return dir
}

func newlineOffsets(_ b: [UInt8]) -> [Int] { b.indices.filter { b[$0] == 10 } }

@Suite("The log survives torn writes, damage and failing disks")
struct DurabilityTests {
    static let day: [Event] = [
        .checkIn(person: "P001"), .checkIn(person: "P002"), .checkIn(person: "P030"),
        .walkIn(Person(id: "W001", name: "歐陽 靜宜", ministry: "文化部", role: .new)),
        .phase(from: .reception, to: .opening, move: .next, reason: ""),
        .message(text: "蛋糕在後面 cake is at the back"), .checkOut(person: "P002"),
        .help(stall: "S3", on: true), .checkIn(person: "P002"),
    ]

    @Test func cutAtEveryByteOfTheLastThreeLinesKeepsExactlyTheCompleteLines() throws {
        let store = try sampleStore(Self.day)
        let full = bytes(of: store.logPath)
        let nls = newlineOffsets(full)
        let from = nls[nls.count - 4] + 1
        for cut in from...full.count {
            let prefix = Array(full[0..<cut])
            let complete = newlineOffsets(prefix).count
            let dir = try copyStore(store, log: prefix)
            let s = try Store(directory: dir)
            #expect(s.state.history == Array(store.state.history.prefix(complete)), "cut at \(cut)")
            // The next write sets the torn end aside, byte for byte, and appends after the last good line.
            try s.append(.checkIn(person: "P050"), by: testAuthor)
            let goodEnd = complete == 0 ? 0 : newlineOffsets(prefix)[complete - 1] + 1
            let after = bytes(of: dir + "/" + Store.logName)
            #expect(Array(after[0..<goodEnd]) == Array(prefix[0..<goodEnd]))
            #expect(try Store(directory: dir).state.history.count == complete + 1)
            let aside = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".torn-") }
            if goodEnd < cut {
                #expect(aside.count == 1, "cut at \(cut)")
                #expect(aside.first.map { bytes(of: dir + "/" + $0) } == Array(prefix[goodEnd..<cut]))
                #expect(s.notices.count == 1)
            } else {
                #expect(aside.isEmpty)
            }
        }
    }

    @Test(arguments: [1, 7, 40, 131, 260])
    func tailReplacedByZerosOrGarbageRecoversTheLinesBeforeIt(_ n: Int) throws {
        let store = try sampleStore(Self.day)
        let full = bytes(of: store.logPath)
        var rng = SplitMix64(seed: UInt64(n))
        for filler in ["zeros", "garbage"] {
            var damaged = full
            for i in (full.count - n)..<full.count {
                damaged[i] = filler == "zeros" ? 0 : UInt8(truncatingIfNeeded: rng.next() % 7 == 0 ? 10 : rng.next())
            }
            let intact = newlineOffsets(Array(full[0..<(full.count - n)])).count
            let s = try Store(directory: try copyStore(store, log: damaged))
            #expect(s.state.history == Array(store.state.history.prefix(intact)), "\(filler) over the last \(n) bytes")
            #expect(s.logTail != nil)
            try s.append(.checkIn(person: "P051"), by: testAuthor)
            #expect(try Store(directory: s.directory).state.history.count == intact + 1)
        }
    }

    @Test func everyBitFlipInAMiddleLineIsNamedAndStopsWrites() throws {
        let store = try sampleStore(Self.day)
        let full = bytes(of: store.logPath)
        let nls = newlineOffsets(full)
        let line5 = (nls[3] + 1)...nls[4]  // includes its newline
        for i in line5 {
            for bit in 0..<8 {
                var damaged = full
                damaged[i] ^= UInt8(1 << bit)
                let path = temporaryFolder() + "/events.log"
                write(damaged, to: path)
                do {
                    _ = try EventLog.readAll(path: path)
                    Issue.record("byte \(i) bit \(bit) not detected")
                } catch {
                    guard case .damaged(let file, let line, _, let remedy) = error else { Issue.record("\(error)"); continue }
                    #expect(file == "events.log" && line == 5, "byte \(i) bit \(bit)")
                    #expect(remedy.contains("mingle repair"))
                }
            }
        }
    }

    @Test func repairMovesTheDamagedLineAsideAndKeepsEverything() throws {
        let store = try sampleStore(Self.day)
        var damaged = bytes(of: store.logPath)
        let nls = newlineOffsets(damaged)
        damaged[nls[2] + 10] ^= 0x04  // line 4
        let dir = try copyStore(store, log: damaged)
        #expect(throws: StoreError.self) { try Store(directory: dir) }
        let outcome = try #require(try LogRepair.repair(store: dir, author: testAuthor, now: Timestamp(millis: 0)))
        #expect(outcome.findings.map(\.line) == [4])
        #expect(bytes(of: dir + "/" + outcome.backupFile) == damaged)
        #expect(bytes(of: dir + "/" + outcome.setAsideFile) == Array(damaged[(nls[2] + 1)...nls[3]]))
        let repaired = try Store(directory: dir)
        #expect(repaired.state.history.count == Self.day.count)  // 8 good lines + the repair note
        guard case .note(let text) = repaired.state.history.last?.event else { Issue.record("no note"); return }
        #expect(text.contains("line 4"))
        try repaired.append(.checkIn(person: "P040"), by: testAuthor)
        #expect(try LogRepair.repair(store: dir, author: testAuthor, now: Timestamp(millis: 0)) == nil)
    }

    @Test func aWriterThatOpenedTheLogBeforeRepairFollowsTheNewFile() throws {
        let store = try sampleStore(Self.day)
        let other = try Store(directory: store.directory)
        // Damage appended after `other` read the log (garbage, then a good line): repair moves the
        // garbage aside and keeps everything `other` showed, so `other` follows the new file.
        let good = LogLineCodec.encode(LoggedEvent(seq: store.state.lastSeq + 1, time: Timestamp(millis: 5), author: testAuthor,
                                                   event: .checkIn(person: "P043")), prev: 0)
        write(bytes(of: store.logPath) + Array("garbage\n".utf8) + good, to: store.logPath)
        _ = try LogRepair.repair(store: store.directory, author: testAuthor, now: Timestamp(millis: 0))
        try other.append(.checkIn(person: "P044"), by: testAuthor)
        let fresh = try Store(directory: store.directory)
        #expect(fresh.state.room.person("P044").map { fresh.state.room.presence[fresh.state.room.index(ofPerson: $0.id)!].isHere } == true)
        #expect(other.state == fresh.state)
    }

    @Test func aScreenWhoseEventWasTakenOutByRepairIsToldAndFollowsTheRepairedLog() throws {
        let store = try sampleStore(Self.day)
        let other = try Store(directory: store.directory)
        let shown = other.state
        var damaged = bytes(of: store.logPath)
        damaged[newlineOffsets(damaged)[2] + 10] ^= 0x04  // line 4, which `other` showed whole
        write(damaged, to: store.logPath + ".tmp")
        rename(store.logPath + ".tmp", store.logPath)
        // Before repair: the copy is refused, the day as shown stays, nothing is written.
        #expect { try other.append(.checkIn(person: "P044"), by: testAuthor) } throws: { e in
            guard case StoreError.damaged(_, let line, _, _) = e else { return false }
            return line == 4
        }
        #expect(other.state == shown, "the day as shown stays")
        #expect(!String(decoding: bytes(of: store.logPath), as: UTF8.self).contains("person=P044"), "nothing was written")
        // The organisers repair: line 4 moves aside, and the store follows the repaired log, saying so.
        _ = try LogRepair.repair(store: store.directory, author: testAuthor, now: Timestamp(millis: 0))
        try other.append(.checkIn(person: "P044"), by: testAuthor)
        #expect(other.repairedNews == .repaired(line: 4, shownLast: shown.lastSeq))
        #expect(other.state == (try Store(directory: store.directory)).state)
    }

    final class Faults: @unchecked Sendable {
        let lock = NSLock()
        var failWriteAfter: Int?  // bytes, then ENOSPC
        var failFsync = false
        func calls() -> FileCalls {
            FileCalls(
                write: { fd, p, n in
                    self.lock.lock(); defer { self.lock.unlock() }
                    guard let limit = self.failWriteAfter else { return Glibc.write(fd, p, n) }
                    if limit <= 0 { errno = ENOSPC; return -1 }
                    let w = Glibc.write(fd, p, min(n, limit))
                    self.failWriteAfter = limit - max(w, 0)
                    return w
                },
                fsync: { fd in
                    self.lock.lock(); defer { self.lock.unlock() }
                    if self.failFsync { errno = EIO; return -1 }
                    return Glibc.fsync(fd)
                })
        }
    }

    @Test(arguments: [0, 1, 30, 70])
    func aFullDiskLeavesNoPartialLine(_ writtenBeforeFailing: Int) throws {
        let base = try sampleStore(Self.day)
        let faults = Faults()
        let s = try Store(directory: base.directory, calls: faults.calls())
        let before = bytes(of: s.logPath)
        let stateBefore = s.state
        faults.failWriteAfter = writtenBeforeFailing
        #expect { try s.append(.checkIn(person: "P060"), by: testAuthor) } throws: { e in
            (e as? StoreError).map { "\($0)".contains("the disk is full") && "\($0)".contains("Nothing was written") } ?? false
        }
        #expect(bytes(of: s.logPath) == before)
        #expect(s.state == stateBefore)
        faults.failWriteAfter = nil
        try s.append(.checkIn(person: "P060"), by: testAuthor)
        #expect(try Store(directory: s.directory).state.history.count == Self.day.count + 1)
    }

    @Test func aTornEndThatCannotBeSetAsideOnAFullDiskLeavesNoEmptyFileAndTheRetryWorks() throws {
        let base = try sampleStore(Self.day)
        write(bytes(of: base.logPath) + Array("torn".utf8), to: base.logPath)
        let faults = Faults()
        let s = try Store(directory: base.directory, calls: faults.calls())
        let folder = { (try? FileManager.default.contentsOfDirectory(atPath: s.directory)) ?? [] }
        faults.failWriteAfter = 0
        #expect(throws: StoreError.self) { try s.append(.message(text: "hello"), by: testAuthor) }
        #expect(!folder().contains { $0.contains("torn") }, "a torn end's copy was left behind half made: \(folder())")
        // Again in the same second, with room on the disk: the set-aside is made, whole.
        faults.failWriteAfter = nil
        try s.append(.message(text: "hello"), by: testAuthor)
        let aside = folder().filter { $0.contains("torn") }
        #expect(aside.count == 1 && bytes(of: s.directory + "/" + aside[0]) == Array("torn".utf8), "\(aside)")
        // A second torn end gets a file of its own; the first is kept.
        write(bytes(of: s.logPath) + Array("torn2".utf8), to: s.logPath)
        try s.refresh()
        try s.append(.message(text: "again"), by: testAuthor)
        #expect(folder().filter { $0.contains("torn") }.count == 2)
    }

    @Test func aFailingFsyncLeavesNoLineBehind() throws {
        let base = try sampleStore(Self.day)
        let faults = Faults()
        let s = try Store(directory: base.directory, calls: faults.calls())
        let before = bytes(of: s.logPath)
        faults.failFsync = true
        #expect(throws: StoreError.self) { try s.append(.message(text: "hello"), by: testAuthor) }
        #expect(bytes(of: s.logPath) == before)
        faults.failFsync = false
        try s.append(.message(text: "hello"), by: testAuthor)
        #expect(s.state.room.messages.map(\.text) == ["蛋糕在後面 cake is at the back", "hello"])
    }
}
