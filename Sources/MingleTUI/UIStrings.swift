import Foundation
import MingleCore

/// Every word the screens show, in one catalog, complete in Traditional Chinese and English.
/// The language comes from event.toml (`language`), overridable with `mingle run --lang`.
public struct UIStrings: Sendable {
    public var language: String
    public var screenReception, screenStall, screenTimekeeper, screenBoard: String
    public var search, matches, noMatches, typeFirst, headerName, headerMinistry, headerRole, headerState: String
    public var stateInvited, stateHere, stateLeft, stateAtStall: String
    public var roleNew, roleSenior, roleStaff, roleGuest: String
    public var phaseNames: [Phase: String]
    public var here, came, invited, left, walkIns, stalls, helpRequested, people, now, planned, over, minutes: String
    public var checkedIn, checkedOut, undid, redid, nothingToUndo, walkInSaved: String
    public var keyCheckIn, keyMove, keyEdit, keyClear, keyWalkIn, keyCheckOut, keyUndo, keyHelp, keyQuit, keyScreens: String
    public var walkInTitle, walkInName, walkInMinistry, walkInRole, walkInHint, walkInNeedsName: String
    public var keyNextField, keyPreviousField, keyChangeRole, keySave, keyCancel: String
    public var confirmCheckOut, confirmQuit, confirmDiscard, confirmHint: String
    public var helpTitle, helpClose, helpLockedRole: String
    public var notBuiltTitle, notBuiltBody: String
    public var tooSmall: String
    public var storeProblem: String
    public var disabledNothingSelected, disabledNotHere, disabledLockedRole: String

    public static let en = UIStrings(
        language: "en",
        screenReception: "Reception", screenStall: "Stall", screenTimekeeper: "Timekeeper", screenBoard: "Board",
        search: "Search", matches: "matches", noMatches: "nobody matches — F6 registers a walk-in",
        typeFirst: "type a name, id or ministry first",
        headerName: "Name", headerMinistry: "Ministry", headerRole: "Role", headerState: "State",
        stateInvited: "invited", stateHere: "here", stateLeft: "left", stateAtStall: "at",
        roleNew: "new", roleSenior: "senior", roleStaff: "staff", roleGuest: "guest",
        phaseNames: [.reception: "reception", .opening: "opening talk", .introductions: "introductions",
                     .chat: "open chat", .photo: "group photo", .closed: "closed"],
        here: "here", came: "came", invited: "invited", left: "left", walkIns: "walk-ins", stalls: "Stalls",
        helpRequested: "HELP", people: "People", now: "now", planned: "planned", over: "over", minutes: "min",
        checkedIn: "checked in", checkedOut: "checked out", undid: "undid", redid: "redid",
        nothingToUndo: "nothing of yours to undo", walkInSaved: "registered and checked in",
        keyCheckIn: "check in", keyMove: "move", keyEdit: "edit the search", keyClear: "clear the search",
        keyWalkIn: "walk-in", keyCheckOut: "check out", keyUndo: "undo", keyHelp: "help", keyQuit: "quit",
        keyScreens: "screens",
        walkInTitle: "Register a walk-in", walkInName: "Name", walkInMinistry: "Ministry", walkInRole: "Role",
        walkInHint: "Tab next field · ←/→ role · Enter save · Esc cancel", walkInNeedsName: "the name is empty",
        keyNextField: "next field", keyPreviousField: "previous field", keyChangeRole: "change the role",
        keySave: "save and check in", keyCancel: "cancel",
        confirmCheckOut: "Check out %@?", confirmQuit: "Quit mingle? What you typed is not saved.",
        confirmDiscard: "Discard this walk-in?", confirmHint: "Enter or y = yes · Esc or n = no",
        helpTitle: "Keys on this screen", helpClose: "Esc, F1 or ? closes this help",
        helpLockedRole: "this terminal is locked to one screen",
        notBuiltTitle: "Not built yet",
        notBuiltBody: "This screen comes with a later piece of work. Meanwhile the same actions work from the command line: see `mingle --help`.",
        tooSmall: "Terminal too small — need %@", storeProblem: "Store problem",
        disabledNothingSelected: "nobody is highlighted", disabledNotHere: "not checked in",
        disabledLockedRole: "this terminal is locked to one screen")

    public static let zhTW = UIStrings(
        language: "zh-TW",
        screenReception: "報到", screenStall: "攤位", screenTimekeeper: "計時", screenBoard: "看板",
        search: "搜尋", matches: "筆", noMatches: "找不到 — 按 F6 現場報名",
        typeFirst: "請先輸入姓名、編號或機關",
        headerName: "姓名", headerMinistry: "機關", headerRole: "身分", headerState: "狀態",
        stateInvited: "未到", stateHere: "在場", stateLeft: "已離開", stateAtStall: "在",
        roleNew: "新任", roleSenior: "資深", roleStaff: "工作人員", roleGuest: "來賓",
        phaseNames: [.reception: "報到", .opening: "開場", .introductions: "自我介紹",
                     .chat: "攤位交流", .photo: "大合照", .closed: "散會"],
        here: "在場", came: "已到", invited: "邀請", left: "離開", walkIns: "現場報名", stalls: "攤位",
        helpRequested: "求助", people: "人數", now: "現在", planned: "預定", over: "超時", minutes: "分",
        checkedIn: "已報到", checkedOut: "已簽退", undid: "已復原", redid: "已重做",
        nothingToUndo: "沒有可復原的動作", walkInSaved: "已登記並報到",
        keyCheckIn: "報到", keyMove: "移動", keyEdit: "編輯搜尋", keyClear: "清除搜尋",
        keyWalkIn: "現場報名", keyCheckOut: "簽退", keyUndo: "復原", keyHelp: "說明", keyQuit: "離開",
        keyScreens: "切換畫面",
        walkInTitle: "現場報名", walkInName: "姓名", walkInMinistry: "機關", walkInRole: "身分",
        walkInHint: "Tab 下一欄 · ←/→ 身分 · Enter 儲存 · Esc 取消", walkInNeedsName: "姓名是空的",
        keyNextField: "下一欄", keyPreviousField: "上一欄", keyChangeRole: "改身分",
        keySave: "儲存並報到", keyCancel: "取消",
        confirmCheckOut: "確定讓 %@ 簽退？", confirmQuit: "確定離開 mingle？剛輸入的內容不會保存。",
        confirmDiscard: "放棄這筆現場報名？", confirmHint: "Enter 或 y = 是 · Esc 或 n = 否",
        helpTitle: "這個畫面的按鍵", helpClose: "按 Esc、F1 或 ? 關閉說明",
        helpLockedRole: "這個終端機只開放一個畫面",
        notBuiltTitle: "尚未完成",
        notBuiltBody: "這個畫面會在之後的工作中完成。在那之前，同樣的動作可以用指令完成：請看 `mingle --help`。",
        tooSmall: "終端機太小 — 至少需要 %@", storeProblem: "資料夾有問題",
        disabledNothingSelected: "沒有選到任何人", disabledNotHere: "尚未報到",
        disabledLockedRole: "這個終端機只開放一個畫面")

    public static func forLanguage(_ code: String) -> UIStrings { code.hasPrefix("en") ? .en : .zhTW }

    public func role(_ r: Role) -> String {
        switch r {
        case .new: roleNew
        case .senior: roleSenior
        case .staff: roleStaff
        case .guest: roleGuest
        }
    }

    public func phase(_ p: Phase) -> String { phaseNames[p] ?? p.rawValue }

    /// "%@" filled in, the only template form the catalog uses.
    public func fill(_ template: String, _ value: String) -> String {
        template.replacingOccurrences(of: "%@", with: value)
    }
}

