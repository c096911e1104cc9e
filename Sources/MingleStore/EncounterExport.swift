import Foundation
import MingleCore

/// The encounter report in the shapes other tools read: spreadsheet tables (CSV), one JSON
/// object, and an undirected GraphML graph for networkx and Gephi.
public enum EncounterExport {
    /// Which table a CSV holds.
    public enum Table: String, CaseIterable, Sendable { case pairs, people, stalls, ministries }

    public static func csv(_ r: Room.EncounterReport, _ room: Room, table: Table) -> [UInt8] {
        typealias C = SpreadsheetCSV.Cell
        func person(_ p: Int) -> [C] {
            let x = room.people[p]
            return [.text(x.id), .text(x.name), .text(x.ministry), .text(x.role.rawValue)]
        }
        switch table {
        case .pairs:
            return SpreadsheetCSV.render(
                header: ["a_id", "a_name", "a_ministry", "a_role", "b_id", "b_name", "b_ministry", "b_role", "minutes", "cross_ministry"],
                rows: r.pairs.map { e in person(e.a) + person(e.b) + [.number(e.minutes), .text(e.crossMinistry ? "yes" : "no")] })
        case .people:
            return SpreadsheetCSV.render(
                header: ["id", "name", "ministry", "role", "people_met", "other_ministries_met", "other_ministries",
                         "minutes_at_stalls", "met_senior_from_another_ministry"],
                rows: r.people.map { m in
                    person(m.person) + [.number(m.met.count), .number(m.otherMinistries.count),
                                        .text(m.otherMinistries.joined(separator: "; ")), .number(m.seatedMinutes),
                                        m.metSeniorElsewhere.map { .text($0 ? "yes" : "no") } ?? .empty]
                })
        case .stalls:
            return SpreadsheetCSV.render(
                header: ["id", "name", "owners", "seats", "people", "ministries", "peak", "peak_at", "encounters"],
                rows: r.stalls.map { d in
                    let s = room.stalls[d.stall]
                    return [.text(s.id), .text(s.name), .text(ownerNames(s, room)), .number(s.seats), .number(d.people),
                            .number(d.ministries), .number(d.peak), d.peakAt.map { .text($0.iso8601) } ?? .empty, .number(d.encounters)]
                })
        case .ministries:
            return SpreadsheetCSV.render(
                header: ["ministry"] + r.ministries.map(ministryName),
                rows: r.ministries.indices.map { i in [.text(ministryName(r.ministries[i]))] + r.matrix[i].map { .number($0) } })
        }
    }

    /// Everything in one object: the settings, pairs, people, stalls and the ministry table.
    public static func json(_ r: Room.EncounterReport, _ room: Room) -> [UInt8] {
        func id(_ p: Int) -> String { room.people[p].id }
        let object: [String: Any] = [
            "encounter_minutes": r.minimumMinutes,
            "pairs": r.pairs.map { e in ["a": id(e.a), "b": id(e.b), "minutes": e.minutes, "cross_ministry": e.crossMinistry] as [String: Any] },
            "people": r.people.map { m in
                let x = room.people[m.person]
                var o: [String: Any] = ["id": x.id, "name": x.name, "ministry": x.ministry, "role": x.role.rawValue,
                                        "met": m.met.map { ["id": id($0.person), "minutes": $0.minutes] as [String: Any] },
                                        "other_ministries": m.otherMinistries, "minutes_at_stalls": m.seatedMinutes]
                if let senior = m.metSeniorElsewhere { o["met_senior_from_another_ministry"] = senior }
                return o
            },
            "stalls": r.stalls.map { d in
                let s = room.stalls[d.stall]
                return ["id": s.id, "name": s.name, "owners": s.owners, "seats": s.seats, "people": d.people, "ministries": d.ministries,
                        "peak": d.peak, "peak_at": d.peakAt?.iso8601 ?? NSNull(), "encounters": d.encounters] as [String: Any]
            },
            "ministries": ["names": r.ministries, "minutes": r.matrix] as [String: Any],
        ]
        return Array(JSONText.render(object, pretty: true).utf8) + [10]
    }

    /// An undirected graph: everyone who came is a node (those who met nobody too), each
    /// encounter an edge with its minutes — as `minutes` and as `weight`, which Gephi uses.
    public static func graphML(_ r: Room.EncounterReport, _ room: Room) -> [UInt8] {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="label" for="node" attr.name="label" attr.type="string"/>
          <key id="name" for="node" attr.name="name" attr.type="string"/>
          <key id="ministry" for="node" attr.name="ministry" attr.type="string"/>
          <key id="role" for="node" attr.name="role" attr.type="string"/>
          <key id="minutes" for="edge" attr.name="minutes" attr.type="int"/>
          <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
          <key id="cross_ministry" for="edge" attr.name="cross_ministry" attr.type="boolean"/>
          <graph id="encounters" edgedefault="undirected">

        """
        for m in r.people {
            let p = room.people[m.person]
            out += "    <node id=\"\(xml(p.id))\"><data key=\"label\">\(xml(p.name))</data><data key=\"name\">\(xml(p.name))</data>"
                + "<data key=\"ministry\">\(xml(p.ministry))</data><data key=\"role\">\(p.role.rawValue)</data></node>\n"
        }
        for (i, e) in r.pairs.enumerated() {
            out += "    <edge id=\"e\(i + 1)\" source=\"\(xml(room.people[e.a].id))\" target=\"\(xml(room.people[e.b].id))\">"
                + "<data key=\"minutes\">\(e.minutes)</data><data key=\"weight\">\(e.minutes).0</data>"
                + "<data key=\"cross_ministry\">\(e.crossMinistry)</data></edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return Array(out.utf8)
    }

    /// Text as XML character data: the five special characters escaped, and characters XML 1.0
    /// cannot hold at all (most control characters) left out.
    static func xml(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value >= 0x20 && !(0xFFFE...0xFFFF).contains(u.value) { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// The owners' names (their ids when not on the roster).
    static func ownerNames(_ s: Stall, _ room: Room) -> String {
        s.owners.map { room.person($0)?.name ?? $0 }.joined(separator: "; ")
    }

    static func ministryName(_ m: String) -> String { m.isEmpty ? "(none)" : m }
}
