import Foundation
import MingleCore
import MingleStore
import Testing

/// `mingle export encounters` on a day written with chosen times: the CSV tables, the JSON, and
/// a GraphML that networkx itself reads back.
@Suite("export encounters")
struct EncounterExportTests {
    /// The sample store, with a walk-in whose name XML and spreadsheets must both keep inert, and
    /// a day: P001 and the walk-in sit at S1 for 25 minutes, P030 (a senior) joins them for 12; P003 sits
    /// alone at S2.
    static func day() throws -> (dir: String, walkIn: String) {
        let dir = try sampleStoreFolder()
        let store = try Store(directory: dir)
        let me = Author(user: "test", role: "test", terminal: "-", pid: 1)
        let t0 = Timestamp.parse("2026-12-04T15:00:00.000+08:00")!
        func at(_ minute: Int) -> Timestamp { t0.adding(seconds: 60 * minute) }
        let odd = Person(id: "W001", name: "<甲&乙> \"=1+1\"", ministry: "文化部", role: .new)
        let toChat = try store.state.room.events(for: .phaseTo(.chat, reason: "test"))
        try store.appendBatch(toChat.map { ($0, at(0)) } + [
            (.checkIn(person: "P001"), at(0)), (.checkIn(person: "P030"), at(0)), (.checkIn(person: "P003"), at(0)),
            (.walkIn(odd), at(0)),
            (.seat(person: "P001", stall: "S1", forced: false), at(1)), (.seat(person: "W001", stall: "S1", forced: false), at(1)),
            (.seat(person: "P003", stall: "S2", forced: false), at(1)),
            (.seat(person: "P030", stall: "S1", forced: false), at(14)),
            (.unseat(person: "P001"), at(26)), (.unseat(person: "W001"), at(26)), (.unseat(person: "P030"), at(26)),
            (.unseat(person: "P003"), at(26)),
        ], by: me)
        return (dir, odd.id)
    }

    @Test func csvTablesJSONAndAGraphNetworkxReads() throws {
        let (dir, _) = try Self.day()
        let pairs = try CLI.run(["export", "encounters", "--store", dir])
        #expect(pairs.status == 0, "\(pairs.err)")
        let lines = pairs.out.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines == [
            "a_id,a_name,a_ministry,a_role,b_id,b_name,b_ministry,b_role,minutes,cross_ministry",
            "P001,林明哲,內政部,new,W001,\"<甲&乙> \"\"=1+1\"\"\",文化部,new,25,yes",
            "P001,林明哲,內政部,new,P030,廖家豪,公平會,senior,12,yes",
            "P030,廖家豪,公平會,senior,W001,\"<甲&乙> \"\"=1+1\"\"\",文化部,new,12,yes",
        ], "\(lines)")

        let people = try CLI.run(["export", "encounters", "--of", "people", "--store", dir]).out
        #expect(people.contains("P001,林明哲,內政部,new,2,2,文化部; 公平會,25,yes"), "\(people)")
        #expect(people.contains("P003,"))  // came, met nobody: still listed
        let stalls = try CLI.run(["export", "encounters", "--of", "stalls", "--store", dir]).out
        #expect(stalls.contains(",3,3,3,2026-12-04T15:14:00.000+08:00,3"), "\(stalls)")
        let matrix = try CLI.run(["export", "encounters", "--of", "ministries", "--store", dir]).out
        #expect(matrix.components(separatedBy: "\r\n").first { $0.hasPrefix("內政部,") }?.contains("12") == true, "\(matrix)")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(CLI.run(["export", "encounters", "--format", "json", "--store", dir]).out.utf8)) as? [String: Any])
        #expect((json["pairs"] as? [[String: Any]])?.count == 3)
        #expect(json["encounter_minutes"] as? Int == 10)

        // networkx reads the GraphML as an undirected graph with the attributes typed.
        let file = temporaryFolder() + "/met.graphml"
        #expect(try CLI.run(["export", "encounters", "--format", "graphml", "--out", file, "--store", dir]).status == 0)
        let python = try #require(Self.pythonWithNetworkx(), "networkx is missing: scripts/setup installs python3-networkx")
        let check = try CLI.runProgram(python, ["-c", """
            import networkx as nx, json, sys
            g = nx.read_graphml(sys.argv[1])
            print(json.dumps({"directed": g.is_directed(), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                              "w": g.nodes["W001"], "e": g.edges["P001", "W001"]}, ensure_ascii=False))
            """, file])
        #expect(check.status == 0, "\(check.err)")
        let read = try #require(try JSONSerialization.jsonObject(with: Data(check.out.utf8)) as? [String: Any])
        #expect(read["directed"] as? Bool == false)
        #expect(read["nodes"] as? Int == 4 && read["edges"] as? Int == 3)
        let w = try #require(read["w"] as? [String: Any])
        #expect(w["name"] as? String == "<甲&乙> \"=1+1\"" && w["ministry"] as? String == "文化部" && w["role"] as? String == "new")
        let e = try #require(read["e"] as? [String: Any])
        #expect(e["minutes"] as? Int == 25 && e["weight"] as? Double == 25 && e["cross_ministry"] as? Bool == true)
    }

    @Test func simulateIntoAStoreWithoutStallsSaysWhyAndWritesNothing() throws {
        let dir = temporaryFolder() + "/store"
        #expect(try CLI.run(["init", dir]).status == 0)
        let r = try CLI.run(["simulate", "--store", dir, "--events", "500"])
        #expect(r.status == 1)
        #expect(r.err.contains("no stalls in event.toml") && r.err.contains("no events were written"), "\(r.err)")
        #expect(try Store(directory: dir).state.history.isEmpty)
        // Asking for more events than a day of so few people holds: said, nothing written.
        let small = temporaryFolder() + "/small"
        let s = try CLI.run(["simulate", "--store", small, "--people", "3", "--events", "5000"])
        #expect(s.status == 1 && s.err.contains("holds only") && s.err.contains("of the 5000 events"), "\(s.err)")
        #expect(try Store(directory: small).state.history.isEmpty)
    }

    /// The Debian python3 (where apt's python3-networkx goes) or the one on PATH, whichever has networkx.
    static func pythonWithNetworkx() -> String? {
        let candidates = ["/usr/bin/python3"] + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
        return candidates.first { path in
            FileManager.default.isExecutableFile(atPath: path) && (try? CLI.runProgram(path, ["-c", "import networkx"]))?.status == 0
        }
    }
}
