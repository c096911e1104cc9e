import MingleCore
import Mustache

/// What the after-event report says, worked out from the room: every chart has its table, and
/// every number here is the one `mingle status --json` and the exports give.
struct ReportModel {
    struct Figure { let key, zh, en: String; let value: Int }
    struct AttendanceRow { let name: String; let invited, came, walkIns, leftEarly, absent: Int; let rate: String }
    struct LeftRow { let name, ministry, at: String }
    struct PhaseRow { let zh, en, plannedStart: String; let plannedMinutes: Int; let actualStart, actualEnd, actualMinutes, over: String }
    struct SpeakerRow { let order: Int; let name, ministry, spoke, over, outcome: String }
    struct StallRow { let name, owners: String; let seats, people, ministries, peak: Int; let peakAt: String; let encounters: Int }
    struct Cell: MustacheParent {
        let value: String
        func child(named n: String) -> Any? { n == "value" ? value : nil }
    }
    struct MatrixRow { let number: Int; let name: String; let cells: [Cell] }
    struct Header { let number: Int; let name: String }
    struct NewPORow { let name, ministry, met: String; let people, ministries: Int }
    struct ReachRow { let rank: Int; let ministry: String; let others, minutes: Int }
    struct MessageRow { let at, by, text: String }
    struct HelpRow { let stall, askedAt, askedBy, answeredAt, answeredBy, waited: String }

    let title, date, venue, generatedAt, countedUntil: String
    let encounterMinutes: Int
    let summary: [Figure]
    let byMinistry: [AttendanceRow]
    let byRole: [AttendanceRow]
    let total: AttendanceRow
    let leftEarly: [LeftRow]
    let phases: [PhaseRow]
    let speakers: [SpeakerRow]
    let neverSpoke: [SpeakerRow]
    let photos: [String]
    let stalls: [StallRow]
    let matrixHeaders: [Header]
    let matrix: [MatrixRow]
    let pairs, crossPairs: Int
    let newPOs: [NewPORow]
    let newPOsMet, newPOsTotal: Int
    let newPOsShare: String
    /// The afternoon's purpose in one line: who met someone from another ministry.
    let metAcross, cameCount: Int
    let metAcrossShare: String
    let mostConnected: [ReachRow]
    let leastConnected: [ReachRow]
    /// Ministries that met no other, named together (rather than five picked from a tie).
    let metNoOther: String
    /// Nothing has happened yet: the report says so at the top.
    let isEmpty: Bool
    let messages: [MessageRow]
    let help: [HelpRow]
    var attendanceChart: Chart
    var timelineChart: Chart
    var occupancyChart: Chart
    var heatMap: Chart
    var reachChart: Chart

    init(room: Room, now: Timestamp) {
        let c = room.config
        // A clock behind the log's (a laptop set wrong, a simulated day) still counts the whole log.
        let until = max(room.countingUntil(now: now), room.countingUntil(now: room.lastEventAt ?? now))
        let enc = room.encounterReport(now: until)
        let att = room.attendance
        func clock(_ t: Timestamp?) -> String { t?.clock ?? "" }
        func name(_ p: Int) -> String { Paper.clean(room.people[p].name) }
        func ministry(_ p: Int) -> String { Paper.clean(room.people[p].ministry) }
        func ministryName(_ m: String) -> String { m.isEmpty ? "（未填 none）" : Paper.clean(m) }
        func minutes(_ s: Int) -> String {
            let m = Int((Double(s) / 60).rounded())
            return "\(m < 0 ? "−" : m > 0 ? "+" : "")\(abs(m)) min"
        }
        func minutesSeconds(_ s: Int) -> String { "\(s < 0 ? "−" : "")\(abs(s) / 60):\(String(abs(s) % 60).leftPadded(2))" }

        title = Paper.clean(c.title)
        date = Paper.clean(c.date)
        venue = Paper.clean(c.venue)
        generatedAt = now.dateAndClock
        countedUntil = until.dateAndClock
        encounterMinutes = enc.minimumMinutes

        let h = room.headcounts
        summary = [Figure(key: "invited", zh: "受邀", en: "invited", value: h.invited),
                   Figure(key: "came", zh: "出席", en: "came", value: h.came),
                   Figure(key: "walk_ins", zh: "現場報名", en: "walk-ins", value: h.walkIns),
                   Figure(key: "left", zh: "提早離開", en: "left early", value: h.left),
                   Figure(key: "here", zh: "留到最後", en: "here at the end", value: h.here)]
        func row(_ a: Room.AttendanceLine, _ label: String) -> AttendanceRow {
            let invitedCame = a.came - a.walkIns
            let rate = a.invited > 0 ? "\(Int((Double(invitedCame) / Double(a.invited) * 100).rounded()))%" : "—"
            return AttendanceRow(name: label, invited: a.invited, came: a.came, walkIns: a.walkIns, leftEarly: a.leftEarly,
                                 absent: a.absent, rate: rate)
        }
        byMinistry = att.byMinistry.map { row($0, ministryName($0.key)) }
        byRole = att.byRole.map { a in
            let w = Paper.roleWord(Role(rawValue: a.key) ?? .guest)
            return row(a, "\(w.zh) \(w.en)")
        }
        total = row(att.total, "合計 Total")
        leftEarly = att.leftEarly.map { LeftRow(name: name($0.person), ministry: ministry($0.person), at: clock($0.at)) }

        let rundown = room.rundown(now: until)
        phases = rundown.map { r in
            let over = r.hasStarted ? r.elapsedSeconds - r.plannedSeconds : 0
            let end = r.isCurrent ? "進行中 running" : clock(r.actualEnd)
            return PhaseRow(zh: ReportModel.phaseZh[r.phase] ?? "", en: r.phase.rawValue, plannedStart: r.plannedStart.description,
                            plannedMinutes: r.plannedMinutes, actualStart: clock(r.actualStart), actualEnd: end,
                            actualMinutes: r.hasStarted ? "\(Int((Double(r.elapsedSeconds) / 60).rounded())) min" : "",
                            over: r.hasStarted ? minutes(over) : "")
        }
        let timeline = room.timeline(now: until)
        var order = 0
        var spoken: [SpeakerRow] = [], never: [SpeakerRow] = []
        for t in timeline where t.kind == .speaker {
            let outcome = ReportModel.outcomeWords[t.outcome] ?? t.outcome
            if t.turns == 0 {
                never.append(SpeakerRow(order: 0, name: Paper.clean(t.name), ministry: Paper.clean(t.ministry), spoke: "", over: "", outcome: outcome))
            } else {
                order += 1
                let over = t.actualSeconds - t.plannedSeconds
                spoken.append(SpeakerRow(order: order, name: Paper.clean(t.name), ministry: Paper.clean(t.ministry),
                                         spoke: minutesSeconds(t.actualSeconds), over: (over > 0 ? "+" : "") + minutesSeconds(over),
                                         outcome: outcome))
            }
        }
        speakers = spoken
        neverSpoke = never
        photos = room.photos.map(\.clock)

        stalls = enc.stalls.map { d in
            let s = room.stalls[d.stall]
            let owners = s.owners.map { room.person($0).map { Paper.clean($0.name) } ?? Paper.clean($0) }.joined(separator: "、")
            return StallRow(name: Paper.clean(s.name), owners: owners, seats: s.seats, people: d.people, ministries: d.ministries,
                            peak: d.peak, peakAt: clock(d.peakAt), encounters: d.encounters)
        }
        matrixHeaders = enc.ministries.enumerated().map { Header(number: $0.offset + 1, name: ministryName($0.element)) }
        matrix = enc.ministries.indices.map { i in
            MatrixRow(number: i + 1, name: ministryName(enc.ministries[i]),
                      cells: enc.matrix[i].map { Cell(value: $0 == 0 ? "·" : String($0)) })
        }
        pairs = enc.pairs.count
        crossPairs = enc.pairs.filter(\.crossMinistry).count
        let newcomers = enc.people.filter { $0.metSeniorElsewhere != nil && room.presence[$0.person].came }
        newPOs = newcomers.map { m in
            NewPORow(name: name(m.person), ministry: ministry(m.person), met: m.metSeniorElsewhere == true ? "✓ 有 yes" : "✗ 沒有 no",
                     people: m.met.count, ministries: m.otherMinistries.count)
        }
        newPOsTotal = newcomers.count
        newPOsMet = newcomers.filter { $0.metSeniorElsewhere == true }.count
        func share(_ n: Int, of d: Int) -> String { d == 0 ? "—" : "\(Int((Double(n) / Double(d) * 100).rounded()))%" }
        newPOsShare = share(newPOsMet, of: newPOsTotal)
        cameCount = h.came
        metAcross = enc.people.filter { room.presence[$0.person].came && !$0.otherMinistries.isEmpty }.count
        metAcrossShare = share(metAcross, of: cameCount)
        isEmpty = room.lastEventAt == nil || cameCount == 0
        let reach = Room.ministryReach(enc)
        let ranked = reach.enumerated().map { ReachRow(rank: $0.offset + 1, ministry: ministryName($0.element.ministry),
                                                       others: $0.element.otherMinistries, minutes: $0.element.minutes) }
        // Ministries that met nobody from elsewhere are one group, named together; the least
        // connected are those that met at least one other.
        let connected = ranked.filter { $0.others > 0 }
        mostConnected = Array(connected.prefix(5))
        leastConnected = connected.count > 5 ? Array(connected.suffix(min(5, connected.count - 5)).reversed()) : []
        metNoOther = ranked.filter { $0.others == 0 }.map(\.ministry).joined(separator: "、")
        messages = room.messages.map { m in
            MessageRow(at: m.time.clock, by: Paper.clean(m.by),
                       text: m.text.trimmedSpaces().isEmpty ? "（清除看板訊息 cleared the board）" : Paper.clean(m.text))
        }
        help = room.helpLog.map { h in
            HelpRow(stall: Paper.clean(room.stalls[h.stall].name), askedAt: h.askedAt.clock, askedBy: Paper.clean(h.askedBy.user),
                    answeredAt: clock(h.cleared?.at), answeredBy: h.cleared.map { Paper.clean($0.author.user) } ?? "（未處理 open）",
                    waited: h.cleared.map { "\(max(0, Int(($0.at.millis - h.askedAt.millis) / 60_000))) min" } ?? "")
        }

        attendanceChart = ReportCharts.attendance(byMinistry)
        timelineChart = ReportCharts.timeline(rundown)
        // From the first person seated to the last one up (or until now while someone sits).
        var first = room.seatings.map(\.from).min() ?? until
        // On a 5-minute mark of the local clock, so the half hours can be labelled.
        let local = first.millis + Int64(first.offsetMinutes) * 60_000
        first.millis -= ((local % 300_000) + 300_000) % 300_000
        let last = room.seatings.map { $0.to ?? until }.max() ?? until
        let series = room.occupancySeries(from: first, until: max(first, last), stepMinutes: 5)
        occupancyChart = ReportCharts.occupancy(series, stalls: room.stalls.map { (Paper.clean($0.name), $0.seats) })
        heatMap = ReportCharts.heatMap(enc, names: matrixHeaders.map(\.name))
        reachChart = ReportCharts.reach(ranked)
    }

    static let phaseZh: [Phase: String] = [.reception: "報到", .opening: "開場", .introductions: "自我介紹",
                                           .chat: "攤位交流", .photo: "大合照", .closed: "散會"]
    static let outcomeWords = ["done": "完成 done", "skipped": "略過 skipped", "phaseEnded": "階段結束 phase ended",
                               "left": "離開 left", "speaking": "仍在說 speaking", "never_spoke": "未發言 did not speak"]
}
