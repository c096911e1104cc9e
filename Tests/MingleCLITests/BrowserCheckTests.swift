import Foundation
import Testing

/// What a person would see on paper: the tags, the sign-in sheet and the report printed to PDF by
/// headless Chromium, the PDF's text read back (pdftotext), every QR code scanned back from the
/// rendered page at 300 dpi (pdftoppm + zbarimg), and each name measured in the page (--dump-dom).
/// With $MINGLE_DOCS_IMAGES set to a folder, the pictures for docs/ are left there.
@Suite("The browser check", .serialized)
struct BrowserCheckTests {
    static let hostile = ["<b>粗體</b>", "歐陽娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜", "Maximiliano Wolfeschlegelsteinhausen-Bergerdorff", "=1+1 \"引號\""]

    /// A simulated day with walk-ins whose names try to break the page.
    func day() throws -> (store: String, work: String) {
        let work = temporaryFolder(), store = work + "/store"
        let r = try CLI.run(["simulate", "--store", store, "--people", "24", "--events", "700", "--seed", "5"])
        #expect(r.status == 0, "\(r.err)")
        for (i, name) in Self.hostile.enumerated() {
            let w = try CLI.run(["walkin", name, "--ministry", i == 1 ? "行政院公共工程委員會國家發展委員會" : "<i>數位部</i>", "--new", "--store", store])
            #expect(w.status == 0, "\(w.err)")
        }
        return (store, work)
    }

    func chromium(_ args: [String], _ page: String) throws -> CLI.Result {
        let profile = temporaryFolder()
        return try CLI.runProgram("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                        "--user-data-dir=\(profile)"] + args + ["file://\(page)"])
    }

    func printPDF(_ page: String, _ pdf: String) throws {
        let r = try chromium(["--print-to-pdf=\(pdf)"], page)
        #expect(FileManager.default.fileExists(atPath: pdf), "chromium did not print \(page): \(r.err.suffix(500))")
    }

    func pdfText(_ pdf: String, layout: Bool = false) throws -> String {
        try CLI.runProgram("/usr/bin/pdftotext", (layout ? ["-layout"] : []) + [pdf, "-"]).out
    }

    func pages(_ pdf: String) throws -> Int {
        let info = try CLI.runProgram("/usr/bin/pdfinfo", [pdf]).out
        return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) } ?? 0
    }

    func keepForDocs(_ png: String, as name: String) {
        guard let folder = ProcessInfo.processInfo.environment["MINGLE_DOCS_IMAGES"], !folder.isEmpty else { return }
        let to = folder + "/" + name
        try? FileManager.default.removeItem(atPath: to)
        try? FileManager.default.copyItem(atPath: png, toPath: to)
    }

    func tagIDs(_ html: String) -> [String] {
        html.components(separatedBy: "<article ").dropFirst().compactMap { part in
            part.range(of: "data-id=\"").flatMap { r in part[r.upperBound...].split(separator: "\"").first.map(String.init) }
        }
    }

    func names(_ store: String) throws -> [String: String] {
        let people = try statusJSON(store)["people"] as! [[String: Any]]
        return Dictionary(uniqueKeysWithValues: people.map { ($0["id"] as! String, $0["name"] as! String) })
    }

    @Test func nameTagsPrintWithEveryNameWholeAndEveryQRCodeScanning() throws {
        let (store, work) = try day()
        let html = work + "/badges.html", pdf = work + "/badges.pdf"
        #expect(try CLI.run(["badges", "--store", store, "--out", html]).status == 0)
        let ids = tagIDs(try String(contentsOfFile: html, encoding: .utf8))
        let byID = try names(store)
        #expect(ids.count == byID.count && ids.count > 24, "\(ids.count) tags for \(byID.count) people")
        try printPDF(html, pdf)
        #expect(try pages(pdf) == (ids.count + 7) / 8)  // 8 a page

        // Every name is in the PDF's text, whole (a name is never cut or broken in two).
        let text = try pdfText(pdf).filter { !$0.isWhitespace }
        for id in ids { #expect(text.contains(byID[id]!.filter { !$0.isWhitespace }), "\(byID[id]!) is not in the PDF") }

        // Measured in the page: each name on one line inside its tag, the ministry clear of the QR code.
        var page = try String(contentsOfFile: html, encoding: .utf8)
        page = page.replacingOccurrences(of: "</body>", with: Self.measure + "</body>")
        let measured = work + "/measure.html"
        try page.write(toFile: measured, atomically: true, encoding: .utf8)
        let dom = try chromium(["--dump-dom", "--virtual-time-budget=3000"], measured).out
        let checked = Self.attribute("data-checked", in: dom), problems = Self.attribute("data-overflow", in: dom)
        #expect(checked == "\(ids.count)", "the measuring script did not run on every tag: \(checked ?? "nothing")")
        #expect(problems == "", "overflowing: \(problems ?? "?")")

        // Every QR code, cut out of the rendered page as a scanner sees one tag, reads back its id.
        let dpm = 300 / 25.4
        for (k, id) in ids.enumerated() {
            let (row, col) = (k % 8).quotientAndRemainder(dividingBy: 2)
            let crop = work + "/tag-\(k)"
            _ = try CLI.runProgram("/usr/bin/pdftoppm", ["-r", "300", "-png", "-singlefile", "-f", "\(k / 8 + 1)", "-l", "\(k / 8 + 1)",
                                                     "-x", "\(Int((20 + 85 * Double(col)) * dpm))", "-y", "\(Int((40.5 + 54 * Double(row)) * dpm))",
                                                     "-W", "\(Int(85 * dpm))", "-H", "\(Int(54 * dpm))", pdf, crop])
            let scanned = try CLI.runProgram("/usr/bin/zbarimg", ["-q", "--raw", crop + ".png"]).out
            #expect(scanned.trimmingCharacters(in: .whitespacesAndNewlines) == id, "tag \(k) should scan as \(id)")
        }
        _ = try CLI.runProgram("/usr/bin/pdftoppm", ["-r", "80", "-png", "-singlefile", "-f", "4", "-l", "4", pdf, work + "/badges-page"])
        keepForDocs(work + "/badges-page.png", as: "badges-page.png")
    }

    @Test func theReportPrintsTheNumbersStatusGives() throws {
        let (store, work) = try day()
        #expect(try CLI.run(["report", "--store", store, "--out", work + "/report"]).status == 0)
        let pdf = work + "/report.pdf"
        try printPDF(work + "/report/report.html", pdf)
        #expect(try pages(pdf) >= 3)
        let status = try statusJSON(store)
        let h = status["headcounts"] as! [String: Int]
        let text = try pdfText(pdf, layout: true)
        // The attendance table's total row: invited, came, walk-ins, left early.
        let total = text.split(separator: "\n").first { $0.contains("合計 Total") }.map { line in
            line.split(separator: " ").compactMap { Int($0) }
        }
        #expect(total.map { Array($0.prefix(4)) } == [h["invited"]!, h["came"]!, h["walk_ins"]!, h["left"]!], "\(String(describing: total))")
        let lines = text.split(separator: "\n").map(String.init)
        if let i = lines.firstIndex(where: { $0.contains("留到最後 here at the end") }) {
            #expect(lines[i + 1].trimmingCharacters(in: .whitespaces) == "\(h["here"]!)")
        } else {
            Issue.record("no 'here at the end' figure in the PDF")
        }
        // The charts are drawn as text and shapes a person can read, with their captions.
        let plain = try pdfText(pdf)
        for caption in ["Attendance by ministry", "The program, planned and actual", "Seated at each stall", "Minutes ministries spent together",
                        "Other ministries each ministry met"] {
            #expect(plain.contains(caption))
        }
        // The hostile walk-ins came out as the text they typed.
        #expect(plain.contains("<i>數位部</i>"))
        _ = try CLI.runProgram("/usr/bin/pdftoppm", ["-r", "80", "-png", "-f", "1", "-l", "4", pdf, work + "/report-page"])
        for n in 1...4 { keepForDocs(work + "/report-page-\(n).png", as: "report-page-\(n).png") }
    }

    @Test func theSigninSheetPrintsEveryoneWithRoomForWalkIns() throws {
        let (store, work) = try day()
        #expect(try CLI.run(["signin-sheet", "--store", store, "--out", work + "/signin.html"]).status == 0)
        let pdf = work + "/signin.pdf"
        try printPDF(work + "/signin.html", pdf)
        let text = try pdfText(pdf).filter { !$0.isWhitespace }
        for (_, name) in try names(store) { #expect(text.contains(name.filter { !$0.isWhitespace }), "\(name)") }
        #expect(text.contains("現場報名Walk-ins"))
        let n = try pages(pdf)
        #expect(text.contains("第1/\(n)頁") && text.contains("第\(n)/\(n)頁"), "page numbers on every page")
        _ = try CLI.runProgram("/usr/bin/pdftoppm", ["-r", "80", "-png", "-singlefile", "-f", "1", "-l", "1", pdf, work + "/signin-page"])
        keepForDocs(work + "/signin-page.png", as: "signin-page.png")
    }

    static func attribute(_ name: String, in dom: String) -> String? {
        guard let r = dom.range(of: name + "=\"") else { return nil }
        return dom[r.upperBound...].split(separator: "\"", omittingEmptySubsequences: false).first.map(String.init)
    }

    /// Run in the page once its fonts are in: each tag's name must sit on one line inside the tag,
    /// its ministry must end before the QR code, and the band's text must fit the band.
    static let measure = """
    <script>
    document.fonts.ready.then(function () {
      var bad = [], n = 0;
      document.querySelectorAll('.tag').forEach(function (tag) {
        n++;
        var t = tag.getBoundingClientRect(), id = tag.getAttribute('data-id');
        var name = tag.querySelector('.name span'), r = name.getBoundingClientRect();
        var size = parseFloat(getComputedStyle(name).fontSize);
        if (r.left < t.left || r.right > t.right) bad.push(id + ':name-wider-than-tag');
        if (r.height > size * 1.6) bad.push(id + ':name-on-two-lines');
        var m = tag.querySelector('.ministry').getBoundingClientRect(), q = tag.querySelector('.qr').getBoundingClientRect();
        if (m.right > q.left) bad.push(id + ':ministry-under-qr');
        var band = tag.querySelector('.band');
        if (band.scrollWidth > band.clientWidth + 1) bad.push(id + ':band');
      });
      document.body.setAttribute('data-overflow', bad.join(' '));
      document.body.setAttribute('data-checked', String(n));
    });
    </script>
    """
}
