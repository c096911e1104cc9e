import MingleCore

/// The report's charts, drawn to fit an A4 page's text width (680 px). Each is shown beside a
/// table with the same numbers, so a chart is never the only way to read them.
enum ReportCharts {
    static let width = 680
    static let blue = (31, 78, 153), orange = (179, 90, 0)

    /// Invited and came per ministry, as two bars a row.
    static func attendance(_ rows: [ReportModel.AttendanceRow]) -> Chart {
        let rowH = 16.0, left = 170.0, right = 60.0
        var c = Chart(width: width, height: Int(Double(rows.count) * rowH + 30), caption: "各機關出席 Attendance by ministry")
        let most = Double(max(1, rows.map { max($0.invited, $0.came) }.max() ?? 1))
        let scale = (Double(width) - left - right) / most
        for (i, r) in rows.enumerated() {
            let y = 20 + Double(i) * rowH
            c.label(r.name, left - 6, y + 11, anchor: "end")
            c.rect(left, y + 2, Double(r.invited) * scale, rowH - 4, fill: "#d7dde8", title: "\(r.name): 受邀 invited \(r.invited)")
            c.rect(left, y + 5, Double(r.came) * scale, rowH - 10, fill: "#1f4e99", title: "\(r.name): 出席 came \(r.came)")
            c.label("\(r.came)/\(r.invited)", left + Double(max(r.invited, r.came)) * scale + 4, y + 11, size: 10)
        }
        c.rect(left, 4, 10, 8, fill: "#d7dde8")
        c.label("受邀 invited", left + 14, 12, size: 10)
        c.rect(left + 100, 4, 10, 8, fill: "#1f4e99")
        c.label("出席 came", left + 114, 12, size: 10)
        return c
    }

    /// Each phase planned (grey) over what happened (blue), on the afternoon's clock.
    static func timeline(_ rundown: [Room.RundownRow]) -> Chart {
        func minute(_ t: Timestamp) -> Double { let l = t.local; return Double(l.hour * 60 + l.minute) + Double(l.second) / 60 }
        var lo = Double.infinity, hi = -Double.infinity
        var bars: [(planned: (Double, Double), actual: (Double, Double)?)] = []
        for r in rundown {
            let p0 = Double(r.plannedStart.minutesOfDay), p1 = p0 + Double(r.plannedMinutes)
            var actual: (Double, Double)?
            if let s = r.actualStart {
                let a0 = minute(s)
                actual = (a0, r.actualEnd.map(minute) ?? a0 + Double(r.elapsedSeconds) / 60)
            }
            bars.append((planned: (p0, p1), actual: actual))
            lo = min(lo, p0, actual?.0 ?? p0)
            hi = max(hi, p1, actual?.1 ?? p1)
        }
        let rowH = 30.0, left = 120.0
        var c = Chart(width: width, height: Int(Double(rundown.count) * rowH + 40), caption: "議程：計畫與實際 The program, planned and actual")
        guard lo.isFinite, hi > lo else { return c }
        lo = (lo / 15).rounded(.down) * 15
        hi = (hi / 15).rounded(.up) * 15
        let scale = (Double(width) - left - 10) / (hi - lo)
        var tick = lo
        while tick <= hi {
            let x = left + (tick - lo) * scale
            c.line(x, 16, x, Double(rundown.count) * rowH + 20, stroke: "#e3e3e3")
            c.label("\(Int(tick) / 60):\(String(Int(tick) % 60).leftPadded(2))", x, 12, anchor: "middle", size: 10, fill: "#555")
            tick += 15
        }
        for (i, r) in rundown.enumerated() {
            let y = 22 + Double(i) * rowH
            c.label("\(ReportModel.phaseZh[r.phase] ?? "") \(r.phase.rawValue)", left - 6, y + 14, anchor: "end")
            let b = bars[i]
            c.rect(left + (b.planned.0 - lo) * scale, y + 2, (b.planned.1 - b.planned.0) * scale, 10, fill: "#cfcfcf",
                   title: "\(r.phase.rawValue) 計畫 planned \(r.plannedStart) \(r.plannedMinutes) min")
            if let a = b.actual {
                c.rect(left + (a.0 - lo) * scale, y + 13, max(1, (a.1 - a.0) * scale), 10,
                       fill: r.elapsedSeconds - r.plannedSeconds >= 60 ? "#b3261e" : "#1f4e99",  // a minute over, as the table rounds
                       title: "\(r.phase.rawValue) 實際 actual \(r.elapsedSeconds / 60) min")
            }
        }
        c.rect(left, Double(rundown.count) * rowH + 26, 10, 8, fill: "#cfcfcf")
        c.label("計畫 planned", left + 14, Double(rundown.count) * rowH + 34, size: 10)
        c.rect(left + 100, Double(rundown.count) * rowH + 26, 10, 8, fill: "#1f4e99")
        c.label("實際 actual", left + 114, Double(rundown.count) * rowH + 34, size: 10)
        c.rect(left + 200, Double(rundown.count) * rowH + 26, 10, 8, fill: "#b3261e")
        c.label("超時 over time", left + 214, Double(rundown.count) * rowH + 34, size: 10)
        return c
    }

    /// A strip per stall, one cell every 5 minutes, darker as the table fills.
    static func occupancy(_ series: (times: [Timestamp], counts: [[Int]]), stalls: [(name: String, seats: Int)]) -> Chart {
        let rowH = 20.0, left = 150.0
        var c = Chart(width: width, height: Int(Double(stalls.count) * rowH + 34), caption: "攤位入座人數（每 5 分鐘）Seated at each stall, every 5 minutes")
        let n = series.times.count
        guard n > 0 else { return c }
        let cellW = (Double(width) - left - 10) / Double(n)
        for (k, t) in series.times.enumerated() where t.local.minute % 30 == 0 {
            let x = left + Double(k) * cellW
            c.line(x, 14, x, 18 + Double(stalls.count) * rowH, stroke: "#bbb")
            c.label(t.clock, x, 11, anchor: "middle", size: 10, fill: "#555")
        }
        for (s, stall) in stalls.enumerated() {
            let y = 18 + Double(s) * rowH
            c.label(stall.name, left - 6, y + 14, anchor: "end")
            for k in 0..<n {
                let v = series.counts[s][k]
                guard v > 0 else { continue }
                c.rect(left + Double(k) * cellW, y + 1, cellW + 0.3, rowH - 2,
                       fill: Chart.shade(Double(v) / Double(max(1, stall.seats)), to: orange),
                       title: "\(stall.name) \(series.times[k].clock): \(v)/\(stall.seats)")
            }
        }
        let y = 22 + Double(stalls.count) * rowH
        for (i, share) in [0.25, 0.5, 0.75, 1.0].enumerated() {
            c.rect(left + Double(i) * 110, y, 12, 9, fill: Chart.shade(share, to: orange))
            c.label("\(Int(share * 100))% 座位 seats", left + Double(i) * 110 + 15, y + 9, size: 9)
        }
        return c
    }

    /// Ministry × ministry encounter minutes; rows named, columns numbered as the rows.
    static func heatMap(_ r: Room.EncounterReport, names: [String]) -> Chart {
        let n = r.ministries.count
        let left = 170.0, top = 24.0
        let cell = min(22.0, (Double(width) - left - 10) / Double(max(1, n)))
        var c = Chart(width: width, height: Int(top + Double(n) * cell + 28), caption: "機關交流分鐘數 Minutes ministries spent together")
        let most = Double(max(1, r.matrix.enumerated().flatMap { i, row in row.enumerated().filter { $0.offset != i }.map(\.element) }.max() ?? 1))
        for i in 0..<n {
            c.label("\(i + 1)", left + (Double(i) + 0.5) * cell, top - 6, anchor: "middle", size: 9, fill: "#555")
            c.label("\(names[i]) \(i + 1)", left - 5, top + Double(i) * cell + cell * 0.7, anchor: "end", size: min(11, cell * 0.6))
            for j in 0..<n {
                let v = r.matrix[i][j]
                // The diagonal (one ministry's own people) in grey: counted in the table, told apart here.
                let fill = v == 0 ? (i == j ? "#eeeeee" : "#ffffff") : Chart.shade(Double(v) / most, to: i == j ? (110, 110, 110) : blue)
                c.rect(left + Double(j) * cell, top + Double(i) * cell, cell - 1, cell - 1, fill: fill,
                       title: "\(names[i]) × \(names[j]): \(v) min")
            }
        }
        let y = top + Double(n) * cell + 8
        c.rect(left, y, 12, 9, fill: Chart.shade(0.1, to: blue))
        c.label("少 few", left + 15, y + 9, size: 9)
        c.rect(left + 60, y, 12, 9, fill: Chart.shade(1, to: blue))
        c.label("多 many (\(Int(most)) min)", left + 75, y + 9, size: 9)
        c.rect(left + 190, y, 12, 9, fill: "#eeeeee")
        c.label("同機關 same ministry", left + 205, y + 9, size: 9)
        return c
    }

    /// How many other ministries each ministry met, most first.
    static func reach(_ rows: [ReportModel.ReachRow]) -> Chart {
        let rowH = 15.0, left = 170.0
        var c = Chart(width: width, height: Int(Double(rows.count) * rowH + 12), caption: "各機關遇見的其他機關數 Other ministries each ministry met")
        let most = Double(max(1, rows.map(\.others).max() ?? 1))
        let scale = (Double(width) - left - 50) / most
        for (i, r) in rows.enumerated() {
            let y = 4 + Double(i) * rowH
            c.label(r.ministry, left - 6, y + 11, anchor: "end", size: 10)
            c.rect(left, y + 2, Double(r.others) * scale, rowH - 4, fill: "#1b7a3d", title: "\(r.ministry): \(r.others)")
            c.label("\(r.others)", left + Double(r.others) * scale + 4, y + 11, size: 10)
        }
        return c
    }
}
