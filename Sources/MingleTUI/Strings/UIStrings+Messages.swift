import MingleCore
import MingleStore

/// Refusals and events in the screen's language. English reuses the core's own wording, which
/// is also what the command line prints; Traditional Chinese is written out here, case by case,
/// so a new refusal or event cannot be added without saying it in both.
extension UIStrings {
    public func refusal(_ r: Refusal) -> String {
        guard language == "zh-TW" else { return r.reason }
        switch r.why {
        case .unknownPerson(let id): return "沒有編號 \(id) 的人"
        case .unknownStall(let id): return "沒有攤位 \(id)"
        case .alreadyCheckedIn(let who, let at, let by):
            return "\(who) 已經報到過了" + (at.map { "（\($0)" + (by.map { "，由 \(whereabouts($0)) 辦理" } ?? "") + "）" } ?? "")
        case .alreadyLeft(let who, let at, let by):
            return "\(who) 已經離開了" + (at.map { "（\($0)" + (by.map { "，由 \(whereabouts($0)) 辦理簽退" } ?? "") + "）" } ?? "")
        case .notCheckedIn(let who): return "\(who) 尚未報到"
        case .walkInNeedsID: return "現場報名需要編號"
        case .walkInNeedsName: return walkInNeedsName
        case .idTaken(let id, let by): return "編號 \(id) 已經給了 \(by)"
        case .idUsedBefore(let id, let by): return "編號 \(id) 今天稍早給過 \(by)（後來復原了）；編號不會重複使用"
        case .redoDoesNotFit(let seq, let why): return "無法重做：第 \(seq) 筆會因此失效（\(refusal(Refusal(why)))）"
        case .nobodyWaiting: return "沒有人在等候自我介紹"
        case .walkInIsOnTheList(let id, let who, let here, let others):
            return "\(who) 在名單上（\(id)）" + (here ? "，已經報到" : "，尚未報到") + (others > 0 ? "；名單上還有 \(others) 位同名" : "")
        case .nothingToUndo: return nothingToUndo
        case .nothingToRedo: return nothingToRedo
        case .nobodySpeaking: return "目前沒有人在介紹"
        case .nobodySpeakingToSkip: return "目前沒有人在介紹；請指定要略過誰"
        case .alreadySeated(let who, let stall): return "\(who) 已經坐在 \(stall)"
        case .seatingNotOpen(let now): return "攤位交流開始後才能入座（現在：\(phase(now))）；要入座請強制"
        case .stallFull(let stall, let seats): return "\(stall) 已經坐滿（\(seats) 個座位）；要入座請強制"
        case .notSeated(let who): return "\(who) 沒有坐在任何攤位"
        case .phaseIsAlready(let now, let expected): return "現在已經是「\(phase(now))」，不是「\(phase(expected))」"
        case .dayClosed: return "活動已經結束"
        case .phaseAfter(let a, let b): return "「\(phase(a))」之後是「\(phase(b))」"
        case .firstPhase: return "報到是第一個階段"
        case .phaseBefore(let a, let b): return "「\(phase(a))」之前是「\(phase(b))」"
        case .samePhase(let p): return "現在已經是「\(phase(p))」"
        case .jumpNeedsReason(let to): return "跳到「\(phase(to))」需要說明原因"
        case .introductionsNotRunning(let now): return "現在不是自我介紹（現在：\(phase(now))）"
        case .stillSpeaking(let who): return "\(who) 還在介紹：請先按完成或略過"
        case .notHere(let who): return "\(who) 不在現場"
        case .alreadySpoke(let who): return "\(who) 已經介紹過了"
        case .notCurrentSpeaker(let who): return "\(who) 不是目前的講者"
        case .notWaiting(let who): return "\(who) 不在等候介紹的名單中"
        case .alreadyQueued(let who): return "\(who) 已經在介紹名單中"
        case .positionOutside(let n, let count): return "第 \(n) 位超出名單範圍（1–\(count)）"
        case .helpAlreadyOn(let stall, let by): return "\(stall) 已經在求助中" + (by.map { "（\(whereabouts($0))）" } ?? "")
        case .helpNotOn(let stall): return "\(stall) 沒有求助"
        case .emptyMessage: return "訊息是空的"
        case .noMessageShown: return "看板上沒有訊息可以清除"
        case .alreadyFirst(let who): return "\(who) 已經是下一位"
        case .alreadyLast(let who): return "\(who) 已經排在最後"
        case .phaseNotPlanned(let p): return "event.toml 沒有安排「\(phase(p))」"
        case .planUnchanged: return "時間安排沒有改變"
        case .planTooShort(let p, let minutes): return "「\(phase(p))」只安排了 \(minutes) 分鐘，不能少於 1 分鐘"
        case .photoNotNow(let now): return "現在不是大合照（現在：\(phase(now))）"
        case .outOfOrder(let seq, let last): return "事件 \(seq) 接不上 \(last)"
        case .noSuchEvent(let seq): return "紀錄裡沒有第 \(seq) 筆事件"
        case .cannotUndoNote(let seq): return "第 \(seq) 筆是備註，沒有東西可以復原"
        case .alreadyUndone(let seq, _, let by): return "第 \(seq) 筆已經復原過了" + (by.map { "（由 \(whereabouts($0))）" } ?? "")
        case .notThisDesk(let work, _):
            switch work {
            case .reception: return "這台是報到台：可以報到、簽退、現場報名、印名牌、解除求助；其他的事請在別的畫面做"
            case .stall(let name): return "這台是「\(name)」攤位的：只能在\(name)入座、離座和求助"
            case .timekeeper: return "這台是計時的：只能控制議程（階段、自我介紹、廣播、合照）"
            case .board: return "這台是看板：只顯示，不能修改任何資料"
            }
        case .notYourAction(let seq, let by): return "第 \(seq) 筆是 \(whereabouts(by)) 做的：這台終端機只能復原自己的動作"
        case .changedMeanwhile(let what, let by, let at):
            let when = (by.map { "（\(whereabouts($0))" } ?? "（") + (at.map { " \($0.clock)" } ?? "") + "）"
            let whenText = when == "（）" ? "" : when
            switch what {
            case .speakerFinished(let who, let now): return "\(who) 已經講完了\(whenText)" + (now.map { "，現在是 \($0)" } ?? "") + "：這次沒有動作"
            case .speakerStarted(let who): return "\(who) 已經開始講了\(whenText)：這次沒有動作"
            case .moved(let who, let to): return "\(who) 已經" + (to.map { "移到 \($0)" } ?? "離開攤位") + "\(whenText)：這次沒有動作"
            case .photoTaken: return "合照剛剛已經記下了\(whenText)：不會記兩次"
            case .phaseMoved(let to): return "議程已經進到\(phase(to))\(whenText)：這次沒有動作"
            }
        case .other(let text): return text
        }
    }

    /// "host 在 pts/1": who did an earlier action, from which terminal.
    func whereabouts(_ a: Author) -> String {
        guard language == "zh-TW" else { return a.whereabouts }
        return a.terminal == "-" || a.terminal.isEmpty ? a.user : "\(a.user) 在 \(a.terminal)"
    }

    /// A permission problem: who cannot do what where, and the fix, whole.
    /// The log's history as a screen says it (the command line says HistoryProblem's English).
    public func history(_ h: HistoryProblem) -> String {
        guard language == "zh-TW" else { return h.description }
        switch h {
        // Numbers without spaces around them: the message wraps at spaces, and should not wrap there.
        case .replaced(let line, _, let hasLast, _, let shownLast):
            return "紀錄檔被換成了舊的或少了幾行的檔案（只到第\(hasLast)筆，這裡已顯示到第\(shownLast)筆，第\(line)行起不同）。"
                + "畫面保留原本的紀錄；放回最新的 events.log，或執行 mingle repair 之前，不會寫入。"
        case .lostConfirmed(let lastSeq, let confirmed, _):
            return (lastSeq == confirmed ? "紀錄檔的最後一筆（第\(lastSeq)筆）不是確認寫入的那一筆"
                                         : "紀錄檔只到第\(lastSeq)筆，但第\(confirmed)筆已經確認寫入過")
                + "：少了最新的幾行，或被換成了舊的備份，顯示的是較早的狀態。放回最新的 events.log，或執行 mingle repair 從這份繼續（編號接在\(confirmed)之後）；在那之前不會寫入。"
        case .repaired(let line, let shownLast):
            return "紀錄檔經過 mingle repair 修復，從第\(line)行起和這裡先前顯示的（到第\(shownLast)筆）不同；現在顯示修復後的紀錄（修復前的完整檔案另存為 events.log.before-repair-…）。"
        case .clockAhead(let clock, let disk):
            return "這台電腦的時鐘是 \(clock.dateAndClock)，但存放資料的磁碟是 \(disk.dateAndClock)，快了 \(ClockSkew.words(clock.millis - disk.millis, chinese: true))："
                + "沒有寫入（時間快這麼多，之後每一筆的時間都會被拖著走）。請校正這台電腦的時鐘與時區後再試。"
        }
    }

    /// The log's last line stamped later than this terminal's clock says it is.
    public func clockBehindLog(_ millis: Int64, by: Author) -> String {
        if language == "zh-TW" {
            return "紀錄檔最後一筆（\(by.who) 寫的）的時間比這台電腦的時鐘晚了 \(ClockSkew.words(millis, chinese: true))："
                + "這台的時鐘慢了，或那台的快了。請校正不對的那一台（記錄的時間不會倒退）。"
        }
        return "The log's last line (written by \(by.who)) is stamped \(ClockSkew.words(millis)) after this computer's clock: "
            + "this clock is behind, or that one was ahead. Set the one that is wrong (times in the log never go backwards)."
    }

    /// This terminal's clock against the disk the store is on, beyond a minute (Store.clockSkew).
    public func clockOff(_ skewMillis: Int64) -> String {
        let zh = language == "zh-TW"
        let amount = ClockSkew.words(skewMillis, chinese: zh)
        if zh {
            return skewMillis > 0
                ? "這台電腦的時鐘比存放資料的磁碟快了 \(amount)：請校正時鐘（快超過一小時就無法記錄）"
                : "這台電腦的時鐘比存放資料的磁碟慢了 \(amount)：請校正時鐘（記錄的時間不會倒退，但會不準）"
        }
        return skewMillis > 0
            ? "This computer's clock is \(amount) ahead of the store's disk: set the clock (over an hour ahead, nothing can be written)"
            : "This computer's clock is \(amount) behind the store's disk: set the clock (times in the log never go backwards, but they are off)"
    }

    public func access(_ p: AccessProblem) -> String {
        guard language == "zh-TW" else { return p.description }
        let what: String
        switch p.need {
        case .read: what = "無法讀取 \(p.path)"
        case .write: what = "無法寫入 \(p.path)"
        case .enter: what = "無法開啟資料夾 \(p.path)"
        }
        let fix: String
        switch p.fix {
        case .ownerMode: fix = "這是你自己的，用這個指令開放給自己：chmod u+\(p.modeLetters) \(p.path)"
        case .grantGroup(let owner, let group): fix = "請擁有者 \(owner) 開放給群組 \(group)：chmod g+\(p.modeLetters) \(p.path)"
        case .joinGroup(let group): fix = "請管理員把你加入群組 \(group)（sudo usermod -aG \(group) \(p.user)），再重新登入"
        case .shareWithGroup(let owner): fix = "請擁有者 \(owner) 把資料夾分享給一個群組（見 docs/sharing.md）"
        case .readOnlyDisk: fix = "這個磁碟是唯讀的；請把資料夾複製到可以寫入的磁碟"
        }
        return "權限問題：使用者 \(p.user) \(what)。解決方法：\(fix)。"
    }

    public func describe(_ event: Event, in room: Room) -> String {
        guard language == "zh-TW" else { return room.describe(event) }
        func who(_ id: String) -> String { room.index(ofPerson: id).map(room.label) ?? id }
        func stall(_ id: String) -> String { room.index(ofStall: id).map { room.stalls[$0].name } ?? id }
        switch event {
        case .checkIn(let p): return "\(checkedIn) \(who(p))"
        case .checkOut(let p): return "\(checkedOut) \(who(p))"
        case .walkIn(let p): return "\(walkInTitle) \(p.name)\(p.ministry.isEmpty ? "" : " (\(p.ministry))") \(p.id)"
        case .seat(let p, let s, let forced): return "\(who(p)) 入座 \(stall(s))\(forced ? "（強制）" : "")"
        case .unseat(let p): return "\(who(p)) 離開攤位"
        case .phase(let from, let to, _, let reason):
            return "「\(phase(from))」→「\(phase(to))」\(reason.isEmpty ? "" : "：\(reason)")"
        case .introStart(let p): return "\(who(p)) 開始自我介紹"
        case .introDone(let p): return "\(who(p)) 完成自我介紹"
        case .introSkip(let p): return "略過 \(who(p)) 的自我介紹"
        case .introAdd(let p): return "\(who(p)) 加入自我介紹名單"
        case .introMove(let p, let pos): return "\(who(p)) 移到介紹名單第 \(pos) 位"
        case .help(let s, let on): return on ? "\(stall(s)) 請求協助" : "\(stall(s)) 的求助已解除"
        case .message(let t): return t.trimmedSpaces().isEmpty ? "清除看板上的訊息" : "廣播：\(t)"
        case .plan(let p, let m): return "「\(phase(p))」\(m > 0 ? "延長" : "縮短") \(abs(m)) 分鐘"
        case .photoTaken: return "大合照已拍"
        case .badgePrinted(let p): return "列印 \(who(p)) 的名牌"
        case .undo(let seq): return "\(undid) 第 \(seq) 筆"
        case .note(let t): return "備註：\(t)"
        }
    }
}
