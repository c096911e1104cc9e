import Foundation
import MingleCore

/// Every word the screens show, in one catalog, complete in Traditional Chinese and English.
/// The language comes from event.toml (`language`), overridable with `mingle run --lang`.
public struct UIStrings: Sendable {
    public var language: String
    public var screenReception, screenStall, screenTimekeeper, screenBoard: String
    public var search, matches, oneMatch, noMatches, typeFirst, headerName, headerMinistry, headerRole, headerState: String
    public var stateInvited, stateHere, stateLeft, stateAtStall: String
    public var roleNew, roleSenior, roleStaff, roleGuest: String
    public var phaseNames: [Phase: String]
    public var here, came, invited, left, walkIns, stalls, helpRequested, people, now, planned, over, minutes: String
    public var checkedIn, checkedOut, undid, redid, nothingToUndo, nothingToRedo, walkInSaved, knockOn: String
    public var keyRedo, keyRedoHelp: String
    public var keyCheckIn, keyMove, keyPage, keyClear, keyWalkIn, keyWalkInHelp, keyCheckOut, keyUndo, keyUndoHelp: String
    public var keyPrintTag, keyPrintTagHelp, tagWritten, nobodyToPrint: String
    public var keyHelp, keyQuit, keyQuitHelp, keyScreens, keyScreensHelp, keyNextScreen, keyRepaint, keysEverywhere: String
    public var keyTypingLabel, keyTypeSearch, keyTypeField, keyCursor, keyCursorOrRole, keyStartEnd, keyErase, keyEraseAll: String
    public var walkInTitle, walkInName, walkInMinistry, walkInRole, walkInHint, walkInNeedsName, walkInRoleLetters: String
    public var keyNextField, keyPreviousField, keySave, keyCancel, keyCancelForm, keyCloseForm, keyCloseFormHelp: String
    public var confirmTitle, keyYes, keyNo: String
    public var keySend, keyTypeLine, typeFirstShort, keyPick, nobodyToPick: String
    public var matchTitle, matchIntro, matchHint, keyMatchCheckIn, keyMatchNew, keyMatchBack: String
    public var confirmCheckOut, confirmCheckOutStall, confirmQuit, confirmDiscard, confirmDiscardAndSwitch, confirmHint: String
    public var helpTitle, helpClose, keyCloseHelp, keyScroll, keyScrollPage, notNow, disabledAllShown: String
    public var keysTitle, keysIntro, keysColumnKey, keysColumnWhat: String
    public var tooSmall: String
    public var storeProblem, sourceKept, configProblem: String
    public var disabledNothingSelected, disabledLockedRole: String
    /// The timekeeper's screen and the board (Strings/ProgramStrings.swift).
    public var program: ProgramStrings
    /// The stall owner's screen, the room view and help requests (Strings/StallStrings.swift).
    public var stall: StallStrings

    public static let en = UIStrings(
        language: "en",
        screenReception: "Reception", screenStall: "Stall", screenTimekeeper: "Timekeeper", screenBoard: "Board",
        search: "Search", matches: "matches", oneMatch: "match", noMatches: "nobody matches — F6 registers a walk-in",
        typeFirst: "type a name, id or ministry first",
        headerName: "Name", headerMinistry: "Ministry", headerRole: "Role", headerState: "State",
        stateInvited: "invited", stateHere: "here", stateLeft: "left", stateAtStall: "at",
        roleNew: "new", roleSenior: "senior", roleStaff: "staff", roleGuest: "guest",
        phaseNames: [.reception: "reception", .opening: "opening talk", .introductions: "introductions",
                     .chat: "open chat", .photo: "group photo", .closed: "closed"],
        here: "here", came: "came", invited: "invited", left: "left", walkIns: "walk-ins", stalls: "Stalls",
        helpRequested: "HELP", people: "People", now: "now", planned: "planned", over: "over", minutes: "min",
        checkedIn: "checked in", checkedOut: "checked out", undid: "undid", redid: "redid",
        nothingToUndo: "nothing of yours to undo", nothingToRedo: "nothing to redo: redo puts back what your last undo took back",
        walkInSaved: "registered and checked in", knockOn: "; so these no longer apply: %@",
        keyRedo: "redo", keyRedoHelp: "put back what your last undo took back (again: the undo before)",
        keyCheckIn: "check in", keyMove: "move the highlight", keyPage: "a page up or down", keyClear: "clear the search",
        keyWalkIn: "walk-in", keyWalkInHelp: "register someone who is not on the list",
        keyCheckOut: "check out", keyUndo: "undo",
        keyUndoHelp: "undo your last action on this terminal (again: the one before); the message says what it undid",
        keyPrintTag: "name tag",
        keyPrintTagHelp: "save the name tag of who is highlighted, or just came",
        tagWritten: "Name tag of %@ saved: %@ — open it in the browser and print at 100 %",
        nobodyToPrint: "type a name or check someone in first",
        keyHelp: "help", keyQuit: "quit", keyQuitHelp: "quit (asks first when something typed would be lost)",
        keyScreens: "screens", keyScreensHelp: "switch screen: reception, stall, timekeeper, board",
        keyNextScreen: "the next screen", keyRepaint: "redraw the whole terminal", keysEverywhere: "On every screen",
        keyTypingLabel: "letters, 中文", keyTypeSearch: "type a name (Chinese or Latin), an id or a ministry",
        keyTypeField: "type into the field; on Role, a first letter (n, s, t, g) chooses",
        keyCursor: "move the cursor", keyCursorOrRole: "move the cursor; on Role, change the role",
        keyStartEnd: "to the start or end of the text", keyErase: "erase the character before or under the cursor",
        keyEraseAll: "erase everything typed in the field",
        walkInTitle: "Register a walk-in", walkInName: "Name", walkInMinistry: "Ministry", walkInRole: "Role",
        walkInHint: "Tab next field · ←/→ role · Enter save · Esc cancel", walkInNeedsName: "the name is empty",
        walkInRoleLetters: "on Role: n new, s senior, t staff, g guest (or ←/→)",
        keyNextField: "next field", keyPreviousField: "previous field",
        keySave: "save and check in", keyCancel: "cancel", keyCancelForm: "cancel: close the form, nothing is saved",
        keyCloseForm: "close", keyCloseFormHelp: "close the form (asks first when something is typed)",
        confirmTitle: "A question", keyYes: "yes", keyNo: "no",
        keySend: "send", keyTypeLine: "type the text", typeFirstShort: "type something first",
        keyPick: "choose", nobodyToPick: "nobody to choose here",
        matchTitle: "Already on the list?", matchIntro: "Someone with this name is on the list. Is this them?",
        matchHint: "Enter: yes, check them in · F6: no, register a new person · Esc: back to the form",
        keyMatchCheckIn: "yes: check them in", keyMatchNew: "no: register a new person", keyMatchBack: "back to the form",
        confirmCheckOut: "Check out %@?", confirmCheckOutStall: "(They also leave %@.)", confirmQuit: "Quit mingle? What you typed is not saved.",
        confirmDiscard: "Discard this walk-in?", confirmDiscardAndSwitch: "Discard what is typed in the form and switch screens?",
        confirmHint: "Enter or y = yes · Esc or n = no",
        helpTitle: "Keys on this screen", helpClose: "Esc, F1 or ? closes this help", keyCloseHelp: "close the help",
        keyScroll: "scroll", keyScrollPage: "scroll a page", notNow: "(not now: %@)",
        disabledAllShown: "everything is already shown",
        keysTitle: "keys",
        keysIntro: "Made by `mingle keys --lang en` from the key maps the screens use; F1 on a screen shows the same.",
        keysColumnKey: "key", keysColumnWhat: "what it does",
        tooSmall: "Terminal too small — need %@. Turn the phone sideways or make the font smaller.", storeProblem: "Store problem",
        sourceKept: "A file was changed and cannot be read; the last good version stays in use until it is fixed",
        configProblem: "Setting problem",
        disabledNothingSelected: "nobody is highlighted",
        disabledLockedRole: "this terminal is locked to one screen", program: .en, stall: .en)

    public static let zhTW = UIStrings(
        language: "zh-TW",
        screenReception: "報到", screenStall: "攤位", screenTimekeeper: "計時", screenBoard: "看板",
        search: "搜尋", matches: "筆", oneMatch: "筆", noMatches: "找不到 — 按 F6 現場報名",
        typeFirst: "請先輸入姓名、編號或機關",
        headerName: "姓名", headerMinistry: "機關", headerRole: "身分", headerState: "狀態",
        stateInvited: "未到", stateHere: "在場", stateLeft: "已離開", stateAtStall: "在",
        roleNew: "新任", roleSenior: "資深", roleStaff: "工作人員", roleGuest: "來賓",
        phaseNames: [.reception: "報到", .opening: "開場", .introductions: "自我介紹",
                     .chat: "攤位交流", .photo: "大合照", .closed: "散會"],
        here: "在場", came: "已到", invited: "邀請", left: "離開", walkIns: "現場報名", stalls: "攤位",
        helpRequested: "求助", people: "人數", now: "現在", planned: "預定", over: "超時", minutes: "分",
        checkedIn: "已報到", checkedOut: "已簽退", undid: "已復原", redid: "已重做",
        nothingToUndo: "沒有可復原的動作", nothingToRedo: "沒有可重做的動作：重做是把剛才復原的放回去",
        walkInSaved: "已登記並報到", knockOn: "；因此不再成立：%@",
        keyRedo: "重做", keyRedoHelp: "把上一次復原的動作放回去（再按一次：再前一次）",
        keyCheckIn: "報到", keyMove: "上下移動選取", keyPage: "上下翻一頁", keyClear: "清除搜尋",
        keyWalkIn: "現場報名", keyWalkInHelp: "登記不在名單上的人",
        keyCheckOut: "簽退", keyUndo: "復原",
        keyUndoHelp: "復原這台終端機的上一個動作（再按一次：再前一個）；訊息會說復原了什麼",
        keyPrintTag: "印名牌",
        keyPrintTagHelp: "存下選到或剛報到的人的名牌以便列印",
        tagWritten: "%@ 的名牌已存到 %@，用瀏覽器開啟，以 100% 列印",
        nobodyToPrint: "請先輸入姓名，或先幫人報到",
        keyHelp: "說明", keyQuit: "離開", keyQuitHelp: "離開（有輸入到一半的內容時會先問）",
        keyScreens: "切換畫面", keyScreensHelp: "切換畫面：報到、攤位、計時、看板",
        keyNextScreen: "下一個畫面", keyRepaint: "重畫整個畫面", keysEverywhere: "每個畫面都有",
        keyTypingLabel: "字母、中文", keyTypeSearch: "輸入姓名（中文或英文）、編號或機關",
        keyTypeField: "在欄位中輸入；在「身分」欄，打字首（新、資、工、來 或 n、s、t、g）選身分",
        keyCursor: "移動游標", keyCursorOrRole: "移動游標；在「身分」欄則是改身分",
        keyStartEnd: "到文字開頭或結尾", keyErase: "刪除游標前或游標所在的字",
        keyEraseAll: "清除欄位裡輸入的全部文字",
        walkInTitle: "現場報名", walkInName: "姓名", walkInMinistry: "機關", walkInRole: "身分",
        walkInHint: "Tab 下一欄 · ←/→ 身分 · Enter 儲存 · Esc 取消", walkInNeedsName: "姓名是空的",
        walkInRoleLetters: "身分欄：新、資、工、來（或 n、s、t、g，或 ←/→）",
        keyNextField: "下一欄", keyPreviousField: "上一欄",
        keySave: "儲存並報到", keyCancel: "取消", keyCancelForm: "取消：關閉表單，不儲存",
        keyCloseForm: "關閉", keyCloseFormHelp: "關閉表單（有輸入內容時會先問）",
        confirmTitle: "確認", keyYes: "是", keyNo: "否",
        keySend: "送出", keyTypeLine: "輸入文字", typeFirstShort: "請先輸入",
        keyPick: "選擇", nobodyToPick: "這裡沒有可以選的人",
        matchTitle: "名單上已經有這個人？", matchIntro: "名單上有同名的人。是不是這一位？",
        matchHint: "Enter：是，幫他報到 · F6：不是，登記為新的人 · Esc：回到表單",
        keyMatchCheckIn: "是：幫他報到", keyMatchNew: "不是：登記為新的人", keyMatchBack: "回到表單",
        confirmCheckOut: "確定讓 %@ 簽退？", confirmCheckOutStall: "（也會離開 %@ 攤位。）", confirmQuit: "確定離開 mingle？剛輸入的內容不會保存。",
        confirmDiscard: "放棄這筆現場報名？", confirmDiscardAndSwitch: "放棄表單裡輸入的內容並切換畫面？",
        confirmHint: "Enter 或 y = 是 · Esc 或 n = 否",
        helpTitle: "這個畫面的按鍵", helpClose: "按 Esc、F1 或 ? 關閉說明", keyCloseHelp: "關閉說明",
        keyScroll: "捲動", keyScrollPage: "捲動一頁", notNow: "（現在不行：%@）",
        disabledAllShown: "已經全部顯示",
        keysTitle: "按鍵",
        keysIntro: "由 `mingle keys` 從畫面實際使用的按鍵表產生；在畫面上按 F1 看到的是同一份。",
        keysColumnKey: "按鍵", keysColumnWhat: "作用",
        tooSmall: "終端機太小 — 至少需要 %@。請把手機橫放，或把字體調小。", storeProblem: "資料夾有問題",
        sourceKept: "有檔案改壞了，無法讀取；修好之前仍使用上一個正確的版本",
        configProblem: "設定有問題",
        disabledNothingSelected: "沒有選到任何人",
        disabledLockedRole: "這個終端機只開放一個畫面", program: .zhTW, stall: .zhTW)

    public static func forLanguage(_ code: String) -> UIStrings { code.hasPrefix("en") ? .en : .zhTW }

    /// Between the parts of one message ("X finished; Y started").
    public var listSeparator: String { language == "en" ? "; " : "；" }
    /// After a lead-in ("已復原：…"): full-width in Chinese text.
    public var colon: String { language == "en" ? ": " : "：" }

    /// The languages the screens speak, as `--lang` and event.toml name them.
    public static let languages = ["zh-TW", "en"]

    /// "zh-TW" or "en" for what a person typed (any case, "zh" for Chinese); nil for anything else.
    public static func language(named text: String) -> String? {
        switch text.lowercased() {
        case "zh-tw", "zh", "zh_tw", "zh-hant": "zh-TW"
        case "en", "en-us", "en-gb", "en_us": "en"
        default: nil
        }
    }

    /// A role chosen by the first character of its Chinese name (新, 資, 工, 來).
    static func roleByInitial(_ text: String) -> Role? {
        Role.allCases.first { r in text.count == 1 && UIStrings.zhTW.role(r).hasPrefix(text) }
    }

    public func role(_ r: Role) -> String {
        switch r {
        case .new: roleNew
        case .senior: roleSenior
        case .staff: roleStaff
        case .guest: roleGuest
        }
    }

    public func phase(_ p: Phase) -> String { phaseNames[p] ?? p.rawValue }

    /// The screen a terminal runs, as its status line names it ("報到", "攤位 S1").
    public func roleLabel(_ kind: ScreenKind) -> String {
        let name: String = switch kind {
        case .reception: screenReception
        case .stall(let id): id == nil ? stall.roomTitle : screenStall
        case .timekeeper: screenTimekeeper
        case .board: screenBoard
        }
        // English in lower case ("reception@host"); a stall's id as it is written.
        let label = language == "en" ? name.lowercased() : name
        if case .stall(let id?) = kind { return "\(label) \(id)" }
        return label
    }

    /// "%@" filled in, the only template form the catalog uses.
    public func fill(_ template: String, _ value: String) -> String {
        template.replacingOccurrences(of: "%@", with: value)
    }

    /// Two "%@", filled in order.
    public func fill2(_ template: String, _ first: String, _ second: String) -> String {
        guard let r = template.range(of: "%@") else { return template }
        return template.replacingCharacters(in: r, with: first).replacingOccurrences(of: "%@", with: second)
    }
}

