#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import MingleCore
import MinglePaper
import MingleStore

/// `mingle badges`: name tags to print, and a record in the log of whose tag was made.
struct BadgesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "badges", abstract: "Write name tags to print: one HTML page, A4, 8 tags a page, with cut marks and QR codes.",
        discussion: """
        Everyone on the list by default, in the roster's order. Open the file in a browser and print it at 100 % \
        ("actual size"). Each tag written is recorded in the log, so --not-printed later gives only the tags \
        still missing (walk-ins, or someone whose tag was lost); `mingle undo` takes the record back.
        """)
    @OptionGroup var options: StoreOptions
    @Option(parsing: .upToNextOption, help: "Only these people (ids or unique parts of names).") var who: [String] = []
    @Flag(help: "Only walk-ins.") var walkIns = false
    @Flag(help: "Only people whose tag has not been printed yet.") var notPrinted = false
    @OptionGroup var export: ExportOptions

    func validate() throws {
        if [!who.isEmpty, walkIns, notPrinted].filter({ $0 }).count > 1 {
            throw ValidationError("say one of --who, --walk-ins or --not-printed (or none, for everyone)")
        }
    }

    func run() throws {
        try pageNotToTheScreen(export, example: "mingle badges --out 名牌.html")
        let desk = try commandLineDesk()
        let store = try options.open()
        let room = store.state.room
        // Tags carry everyone's names: a desk that may not record them writes no page either.
        if let desk, let refusal = desk.mayPrintTags(in: room) { say("Refused: \(refusal.reason)"); throw ExitCode(1) }
        var chosen: [Int]
        if !who.isEmpty {
            chosen = []
            for w in who {
                do throws(Refusal) {
                    let id = try resolvePerson(w, in: room)
                    if let p = room.index(ofPerson: id), !chosen.contains(p) { chosen.append(p) }
                } catch { say("Refused: \(error.reason)"); throw ExitCode(1) }
            }
        } else if walkIns {
            chosen = room.people.indices.filter { room.presence[$0].walkedIn }
        } else if notPrinted {
            chosen = room.people.indices.filter { room.presence[$0].badgePrintedAt == nil }
        } else {
            chosen = Array(room.people.indices)
        }
        guard !chosen.isEmpty else {
            say(walkIns ? "No tags to write: nobody has walked in yet." : "No tags to write: every tag has been printed already.")
            return
        }
        try export.emit(Array(Badges.html(chosen.map { room.people[$0] }, config: store.config).utf8))
        let pages = (chosen.count + Badges.perPage - 1) / Badges.perPage
        say("\(chosen.count) tag\(chosen.count == 1 ? "" : "s") on \(pages) page\(pages == 1 ? "" : "s"). Print at 100 % (actual size), A4.")
        let ids = chosen.map { room.people[$0].id }
        do {
            _ = try store.append(by: currentAuthor(), desk: desk) { _ in ids.map { .badgePrinted(person: $0) } }
            say("Recorded as printed (mingle undo takes that back).")
        } catch {
            say("The tags were written, but could not be recorded as printed: \(error.description)")
        }
    }
}

/// A page of HTML shown in a terminal is of no use (and `badges` would record tags nobody can
/// print): with no --out and the screen as the output, say what to type instead.
func pageNotToTheScreen(_ export: ExportOptions, example: String) throws {
    guard export.out == nil, isatty(1) != 0 else { return }
    throw ValidationFailure("this writes a web page to print: add --out FILE, for instance: \(example)")
}

/// `mingle signin-sheet`: the paper fallback for reception.
struct SigninSheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signin-sheet",
        abstract: "Write the paper sign-in sheet: everyone by ministry with a box to tick and a line to sign, and blank rows for walk-ins.")
    @OptionGroup var options: StoreOptions
    @Option(help: "Blank rows for walk-ins at the end.") var blank = 20
    @OptionGroup var export: ExportOptions

    func validate() throws {
        guard (0...500).contains(blank) else { throw ValidationError("--blank must be between 0 and 500") }
    }

    func run() throws {
        try pageNotToTheScreen(export, example: "mingle signin-sheet --out 簽到表.html")
        try refusePaperUnderRole(.names, options)
        let store = try options.open()
        let room = store.state.room
        try export.emit(Array(SigninSheet.html(room.people, config: store.config, blankRows: blank).utf8))
    }
}

/// `mingle report`: the afternoon as the organisers report it.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The after-event report: attendance, the program, the stalls, who met whom, messages and help requests.",
        discussion: """
        With --out DIR (made if missing), writes DIR/report.html (charts and tables; open it in a browser and \
        print or save as PDF) and DIR/report.md (the same tables as text). Without --out, prints report.md.
        """)
    @OptionGroup var options: StoreOptions
    @Option(help: "The folder to write report.html and report.md into.") var out: String?

    func run() throws {
        try refusePaperUnderRole(.names, options)
        let store = try options.open()
        let pages = Report.make(store.state.room, now: Posix.now())
        guard let out else {
            print(pages.markdown, terminator: "")
            say("(mingle report --out FOLDER also writes report.html, with the charts.)")
            return
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
            throw ValidationFailure("\(out) is a file; --out names a folder for report.html and report.md, such as --out 報告")
        }
        if out.hasSuffix(".html") || out.hasSuffix(".md") {
            throw ValidationFailure("--out names a folder (report.html and report.md are written into it), not a file: say --out \((out as NSString).deletingPathExtension)")
        }
        // The folder made private (0700) and the pages 0600 from the start: they hold everyone's names.
        let parent = Posix.directoryName(out)
        if !Posix.isDirectory(parent) {
            do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
                throw fail(.io("cannot make the folder \(parent): \(Posix.errorText())"))
            }
        }
        let dfd = try guarded { () throws(StoreError) in try Posix.openFolder(out, creatingWith: 0o700) }
        defer { close(dfd) }
        for (name, text) in [("report.html", pages.html), ("report.md", pages.markdown)] {
            try guarded { () throws(StoreError) in
                try Posix.writeFileAtomically(in: dfd, folder: out, name: name, Array(text.utf8), mode: 0o600)
            }
            say("Wrote \((out as NSString).appendingPathComponent(name)).")
        }
    }
}
