#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import MingleCore
import MingleStore

/// `mingle export …`: the day's data for spreadsheets and other tools. Each goes to stdout unless
/// --out names a file; CSV is UTF-8 with BOM for Excel, JSON is one array of objects.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the day's data as CSV (for Excel) or JSON.",
        subcommands: [AttendanceExport.self, TimelineExport.self, EncountersExport.self])
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case csv, json }
enum GraphExportFormat: String, ExpressibleByArgument, CaseIterable { case csv, graphml, json }
extension EncounterExport.Table: ExpressibleByArgument {}

/// Where every export goes.
struct ExportOptions: ParsableArguments {
    @Option(help: "Write to this file instead of the screen.") var out: String?

    /// Writes the bytes to --out (the one safe writer: private to the user from the start) or stdout.
    func emit(_ bytes: [UInt8]) throws {
        guard let out else { return writeOut(bytes) }
        try guarded { () throws(StoreError) in try Posix.writeFileAtomically(out, bytes, mode: 0o600) }
        say("Wrote \(out).")
    }

    func json(_ rows: [[String: Any]]) -> [UInt8] {
        Array(JSONText.render(rows, pretty: true).utf8) + [10]
    }
}

struct TimelineExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "Per phase and per speaker: planned against what happened, and how far over or under.")
    @OptionGroup var options: StoreOptions
    @Option(help: "csv (UTF-8 with BOM, for Excel) or json.") var format: ExportFormat = .csv
    @OptionGroup var export: ExportOptions

    func run() throws {
        try refusePaperUnderRole(.timeline, options)
        let store = try options.open()
        let rows = store.state.room.timeline(now: Posix.now())
        let header = ["kind", "id", "name", "ministry", "planned_start", "planned_seconds", "actual_start", "actual_end",
                      "actual_seconds", "over_seconds", "outcome", "turns"]
        switch format {
        case .csv:
            try export.emit(SpreadsheetCSV.render(header: header, rows: rows.map { r in
                [.text(r.kind.rawValue), .text(r.key), .text(r.name), .text(r.ministry), .text(r.plannedStart), .number(r.plannedSeconds),
                 r.actualStart.map { .text($0.iso8601) } ?? .empty, r.actualEnd.map { .text($0.iso8601) } ?? .empty,
                 r.actualStart == nil || r.kind == .photo ? .empty : .number(r.actualSeconds), r.overSeconds.map { .number($0) } ?? .empty,
                 .text(r.outcome), r.kind == .speaker ? .number(r.turns) : .empty]
            }))
        case .json:
            try export.emit(export.json(rows.map { r in
                var o: [String: Any] = ["kind": r.kind.rawValue, "id": r.key, "name": r.name, "planned_seconds": r.plannedSeconds,
                                        "actual_seconds": r.actualStart == nil ? NSNull() : r.actualSeconds,
                                        "actual_start": r.actualStart?.iso8601 ?? NSNull(), "actual_end": r.actualEnd?.iso8601 ?? NSNull(),
                                        "over_seconds": r.overSeconds.map { $0 as Any } ?? NSNull()]
                if r.kind == .phase { o["planned_start"] = r.plannedStart }
                if r.kind == .speaker { o["ministry"] = r.ministry; o["outcome"] = r.outcome; o["turns"] = r.turns }
                return o
            }))
        }
    }
}

struct EncountersExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encounters",
        abstract: "Who met whom: two people at one stall at once for encounter_minutes (event.toml) or more, minutes added up over the day.",
        discussion: """
        csv writes one table (--of): pairs (who met whom, minutes), people (whom and which ministries each met; \
        for new POs, whether they met a senior PO from another ministry), stalls (people, ministries, peak), or \
        ministries (minutes between each two ministries). json writes all four in one object. graphml writes an \
        undirected graph for networkx or Gephi: everyone who came as a node (name, ministry, role), each encounter \
        an edge with its minutes (as minutes, and as weight).
        """)
    @OptionGroup var options: StoreOptions
    @Option(help: "csv (UTF-8 with BOM, for Excel), graphml (networkx, Gephi) or json.") var format: GraphExportFormat = .csv
    @Option(help: "With csv: which table — pairs, people, stalls or ministries.") var of: EncounterExport.Table = .pairs
    @OptionGroup var export: ExportOptions

    func run() throws {
        try refusePaperUnderRole(.names, options)
        let store = try options.open()
        let room = store.state.room
        let report = room.encounterReport(now: room.countingUntil(now: Posix.now()))
        switch format {
        case .csv: try export.emit(EncounterExport.csv(report, room, table: of))
        case .graphml: try export.emit(EncounterExport.graphML(report, room))
        case .json: try export.emit(EncounterExport.json(report, room))
        }
    }
}

struct AttendanceExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance", abstract: "Everyone on the list and every walk-in: whether and when they came and left, and their stall now.")
    @OptionGroup var options: StoreOptions
    @Option(help: "csv (UTF-8 with BOM, for Excel) or json.") var format: ExportFormat = .csv
    @OptionGroup var export: ExportOptions

    func run() throws {
        try refusePaperUnderRole(.names, options)
        let store = try options.open()
        let room = store.state.room
        func yes(_ b: Bool) -> String { b ? "yes" : "no" }
        let header = ["id", "name", "ministry", "role", "invited", "walk_in", "came", "checked_in", "checked_out", "left_early",
                      "here", "stall", "badge_printed"]
        let rows = room.people.indices.map { p in
            let x = room.people[p], pr = room.presence[p]
            return (x, pr, p < room.invitedCount, pr.stall.map { room.stalls[$0].id })
        }
        switch format {
        case .csv:
            try export.emit(SpreadsheetCSV.render(header: header, rows: rows.map { x, pr, invited, stall in
                [.text(x.id), .text(x.name), .text(x.ministry), .text(x.role.rawValue), .text(yes(invited)), .text(yes(pr.walkedIn)),
                 .text(yes(pr.came)), pr.checkInTime.map { .text($0.iso8601) } ?? .empty, pr.checkOutTime.map { .text($0.iso8601) } ?? .empty,
                 .text(yes(pr.left)), .text(yes(pr.isHere)), stall.map { .text($0) } ?? .empty,
                 pr.badgePrintedAt.map { .text($0.iso8601) } ?? .empty]
            }))
        case .json:
            try export.emit(export.json(rows.map { x, pr, invited, stall in
                ["id": x.id, "name": x.name, "ministry": x.ministry, "role": x.role.rawValue, "invited": invited,
                 "walk_in": pr.walkedIn, "came": pr.came, "checked_in": pr.checkInTime?.iso8601 ?? NSNull(),
                 "checked_out": pr.checkOutTime?.iso8601 ?? NSNull(), "left_early": pr.left, "here": pr.isHere,
                 "stall": stall ?? NSNull(), "badge_printed": pr.badgePrintedAt?.iso8601 ?? NSNull()] as [String: Any]
            }))
        }
    }
}
