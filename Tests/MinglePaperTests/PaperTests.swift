import Foundation
import Testing
import MingleCore
@testable import MinglePaper

@Suite("Paper: tags, sheet and report as markup")
struct PaperTests {
    let people = PaperFixture.hostile

    @Test func badgesAreWellFormedWithATagAndAQRCodeForEachPerson() throws {
        let html = Badges.html(people, config: PaperFixture.config)
        let page = PageReader.read(html)
        #expect(page.error == nil, "\(String(describing: page.error))")
        let tags = page.attributes.compactMap { $0["data-id"] }
        #expect(tags == people.map(\.id))
        #expect(page.elements.filter { $0 == "section" }.count == 2)  // 9 tags: 8 + 1
        #expect(page.elements.filter { $0 == "svg" }.count == people.count)
        #expect(!page.elements.contains("script") && !page.elements.contains("b") && !page.elements.contains("img"))
    }

    @Test func namesComeOutAsTheTextTheyAre() throws {
        let room = try PaperFixture.room()
        let pages = [Badges.html(people, config: PaperFixture.config), SigninSheet.html(people, config: PaperFixture.config),
                     Report.make(room, now: PaperFixture.start.adding(seconds: 7200)).html]
        for (k, html) in pages.enumerated() {
            let page = PageReader.read(html)
            #expect(page.error == nil)
            // Markup in names stays text: no element of theirs, and the words read back as typed.
            #expect(!page.elements.contains("script") && !page.elements.contains("i") && !page.elements.contains("img"))
            #expect(page.text.contains("<script>alert('x')</script>"))
            #expect(page.text.contains("\"王\" & '林'"))
            // A terminal escape and a bidi override never reach the page raw.
            #expect(!html.contains("\u{1B}") && !html.contains("\u{202E}"))
            if k < 2 { #expect(page.text.contains("\u{FFFD}[31m紅字")) }  // the report lists only some people
        }
        let report = PageReader.read(pages[2].description)
        #expect(report.text.contains("<img src=x onerror=alert(1)> 蛋糕 =1+1"))
        #expect(report.text.contains("<i>開放</i>政府"))
    }

    @Test func aLongNameGetsASmallerSizeThatStillFitsOneLine() {
        let inner = Badges.tagWidth - 2 * Badges.padding
        var last = Double.infinity
        for n in [2, 3, 5, 8, 12, 20, 40] {
            let name = String(repeating: "龍", count: n)
            let size = Paper.fit(name, width: inner, maximum: Badges.nameMax)
            #expect(size <= last)
            #expect(size * Paper.ems(name) <= inner + 0.001)
            last = size
        }
        #expect(Paper.fit("王明", width: inner, maximum: Badges.nameMax) == Badges.nameMax)
        // Latin letters count narrower than Han characters, so a Latin name of as many letters is larger.
        #expect(Paper.fit("Wang Hsiao", width: inner, maximum: 40) > Paper.fit("王王王王王王王王王王", width: inner, maximum: 40))
    }

    @Test func theSigninSheetGroupsByMinistryWithBlankRows() throws {
        let html = SigninSheet.html(people, config: PaperFixture.config, blankRows: 7)
        let page = PageReader.read(html)
        #expect(page.error == nil)
        let classes = page.attributes.compactMap { $0["class"] }
        #expect(classes.filter { $0 == "person" }.count == people.count)
        #expect(classes.filter { $0 == "blank" }.count == 7)
        // One heading per ministry (the person with none is grouped too), plus the walk-ins' heading.
        #expect(classes.filter { $0 == "ministry" }.count == Set(people.map(\.ministry)).count + 1)
    }

    @Test func theReportIsWellFormedAndItsMarkdownCannotBreakATable() throws {
        let room = try PaperFixture.room()
        let pages = Report.make(room, now: PaperFixture.start.adding(seconds: 7200))
        let html = PageReader.read(pages.html)
        #expect(html.error == nil, "\(String(describing: html.error))")
        #expect(html.elements.filter { $0 == "svg" }.count == 5)
        // Every row of each Markdown table has as many cell borders as the table's first line: a
        // "|" in a name is escaped, so it cannot add a cell.
        var columns: Int?
        var tables = 0
        for line in pages.markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let borders = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if columns == nil { columns = borders; tables += 1 }
            #expect(borders == columns, "\(line)")
        }
        #expect(tables >= 10)
        #expect(pages.markdown.contains("公共 \\| 參與"))
        #expect(pages.markdown.contains("&lt;script&gt;") || !pages.markdown.contains("<script>"))
        #expect(!pages.markdown.contains("<img"))
        #expect(!pages.markdown.contains("\u{1B}"))
    }

    @Test func theReportCountsWhatTheRoomCounts() throws {
        let room = try PaperFixture.room()
        let model = ReportModel(room: room, now: PaperFixture.start.adding(seconds: 7200))
        let h = room.headcounts
        let figures = Dictionary(uniqueKeysWithValues: model.summary.map { ($0.key, $0.value) })
        #expect(figures == ["invited": h.invited, "came": h.came, "walk_ins": h.walkIns, "left": h.left, "here": h.here])
        #expect(figures["left"] == 1 && figures["came"] == 9)
        #expect(model.leftEarly.map(\.name) == ["@SUM(A1)"])
        #expect(model.help.count == 1 && model.help[0].waited == "22 min")
        #expect(model.messages.count == 1)
        #expect(model.speakers.map(\.name) == ["<script>alert('x')</script>"])
        // Everyone sat for 20+ minutes with the others at their stall: 4·3/2 + 5·4/2 pairs.
        #expect(model.pairs == 16)
        #expect(model.newPOsTotal == 3)
    }
}
