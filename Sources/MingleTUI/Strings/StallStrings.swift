/// The words of the stall owner's screen, the room view and the help requests, in both languages.
public struct StallStrings: Sendable {
    public var hostAway, hosts, seats, colSeats, nowAtTable, today, helpOn, seatLabel, typeToSeat, colHere, colWhere: String
    public var nobodySeated, nobodyHereMatches, notCheckedInYet, checkedOutEarlier, recentlyLeft, wentTo, wentNowhere, checkedOutAt, minutesAgo, justNow, minutesShort: String
    public var keySeat, keySeatHelp, keyRelease, keyReleaseHelp, keyHelpOn, keyHelpHelp, keyClearOrBack, keyClearOrBackHelp: String
    public var confirmFull, confirmQuickRelease, seatedFrom, typeFirst, selectFirst, notAtThisStall, stallGone: String
    public var roomTitle, colStall, helpSince, wanderers, freeFor, newNotSeated, everyoneSeated, noNewWaiting: String
    public var keyOpen, keyOpenHelp, keyClearHelp, keyClearHelpHelp, keyClearOldestHelp, confirmClearHelp, noHelpAsked, noStalls: String
    public var helpAnswered, notOpenNow, moreOutOfSight, rollCall, rollHere, leftEarly, nobodyLeft, moreRows, helpBanner, helpBannerMore: String

    public static let en = StallStrings(
        hostAway: "%@ (not here)", hosts: "Hosts", seats: "seats", colSeats: "Seats", nowAtTable: "At the table now: ", today: "Today: %@ ministries, %@ people",
        helpOn: "HELP asked at %@ — the organisers see it. F8 again withdraws it.",
        seatLabel: "Seat: ", typeToSeat: "type a name to seat someone here", colHere: "Here", colWhere: "Now",
        nobodySeated: "Nobody sits here yet. Type a name to seat someone.", nobodyHereMatches: "nobody here matches (only people checked in can sit)",
        notCheckedInYet: "%@ has not checked in: send them to reception first (or F8 for the organisers)",
        checkedOutEarlier: "%@ checked out at %@: back at reception, they can sit again",
        recentlyLeft: "Left in the last %@ min", wentTo: "→ %@", wentNowhere: "→ not at a stall", checkedOutAt: "→ checked out %@",
        minutesAgo: "%@ min ago", justNow: "just now", minutesShort: "%@ min",
        keySeat: "seat here", keySeatHelp: "seat the highlighted person at this stall (from another stall, they move here)",
        keyRelease: "release", keyReleaseHelp: "the selected person leaves this stall",
        keyHelpOn: "ask for help",
        keyHelpHelp: "ask the organisers to come to this table; F8 again withdraws it",
        keyClearOrBack: "clear", keyClearOrBackHelp: "clear the search (with nothing typed: back to the room view)",
        confirmFull: "%@ is full. Seat %@ anyway?", confirmQuickRelease: "%@ left this table a moment ago. Release %@ too?", seatedFrom: " (from %@)",
        typeFirst: "type a name first: Enter seats the highlighted person", selectFirst: "select someone at this table with ↑/↓ first",
        notAtThisStall: "%@ does not sit at this stall", stallGone: "this stall is no longer in event.toml",
        roomTitle: "All stalls", colStall: "Stall", helpSince: "HELP %@", wanderers: "Here, not at a stall (%@)", freeFor: "free %@ min",
        newNotSeated: "New POs not at any stall yet (%@)", everyoneSeated: "everyone here is at a stall",
        noNewWaiting: "every new PO here has sat at a stall",
        keyOpen: "open stall", keyOpenHelp: "open the selected stall's screen (Esc comes back here)",
        keyClearHelp: "clear help", keyClearHelpHelp: "clear the selected stall's help request (once someone has gone to help)",
        keyClearOldestHelp: "clear the help request shown above the keys (asks first)",
        confirmClearHelp: "Clear %@'s help request? (Someone has gone to help.)", noHelpAsked: "no stall is asking for help",
        noStalls: "There are no stalls: add [[stalls]] to event.toml to set tables up.",
        helpAnswered: "The organisers answered your help request at %@ (%@).",
        notOpenNow: "Seating is open during open chat (now: %@).", moreOutOfSight: "%@ more",
        rollCall: "Roll call for the photo", rollHere: "%@ here of %@ who came · by ministry: here/came", leftEarly: "Left early (%@)",
        nobodyLeft: "nobody has left", moreRows: "… %@ more",
        helpBanner: "HELP: %@ — F8 clears", helpBannerMore: " (+%@ more)")

    public static let zhTW = StallStrings(
        hostAway: "%@（未到）", hosts: "桌長", seats: "座位", colSeats: "座位", nowAtTable: "此刻在座：", today: "今天：%@ 個部會、%@ 人坐過",
        helpOn: "已請工作人員協助（%@ 起）。再按 F8 取消。",
        seatLabel: "入座：", typeToSeat: "輸入姓名，安排入座", colHere: "坐了", colWhere: "目前",
        nobodySeated: "目前沒有人入座。輸入姓名即可安排入座。", nobodyHereMatches: "在場的人沒有符合的（已報到的人才能入座）",
        notCheckedInYet: "%@ 還沒報到：請他先到報到處（或按 F8 請工作人員來）",
        checkedOutEarlier: "%@ 已在 %@ 簽退：回報到處報到後就能再入座",
        recentlyLeft: "最近 %@ 分鐘離開", wentTo: "→ %@", wentNowhere: "→ 未入座", checkedOutAt: "→ %@ 簽退",
        minutesAgo: "%@ 分前", justNow: "剛剛", minutesShort: "%@ 分",
        keySeat: "入座", keySeatHelp: "讓選到的人坐到這個攤位（在別的攤位的人會移過來）",
        keyRelease: "離席", keyReleaseHelp: "選到的人離開這個攤位",
        keyHelpOn: "求助",
        keyHelpHelp: "請工作人員到這一桌；再按 F8 取消",
        keyClearOrBack: "清除", keyClearOrBackHelp: "清除搜尋（沒有輸入時：回到全場）",
        confirmFull: "%@ 已坐滿。仍要讓 %@ 入座嗎？", confirmQuickRelease: "%@ 剛離開這一桌。也要讓 %@ 離開嗎？", seatedFrom: "（從 %@ 過來）",
        typeFirst: "請先輸入姓名：Enter 讓選到的人入座", selectFirst: "請先用 ↑/↓ 選一位在座的人",
        notAtThisStall: "%@ 不在這個攤位", stallGone: "event.toml 裡已經沒有這個攤位",
        roomTitle: "攤位總覽", colStall: "攤位", helpSince: "求助 %@", wanderers: "在場、未入座（%@）", freeFor: "未坐 %@ 分",
        newNotSeated: "還沒坐過攤位的新任參與官（%@）", everyoneSeated: "在場的人都已入座",
        noNewWaiting: "在場的新任參與官都坐過攤位了",
        keyOpen: "開啟攤位", keyOpenHelp: "開啟選到的攤位畫面（Esc 回到這裡）",
        keyClearHelp: "解除求助", keyClearHelpHelp: "解除選到的攤位的求助（已有人前往協助時）",
        keyClearOldestHelp: "解除按鍵列上方顯示的求助（會先問）",
        confirmClearHelp: "解除 %@ 的求助？（已有人前往協助）", noHelpAsked: "目前沒有攤位求助",
        noStalls: "還沒有攤位：請在 event.toml 加上 [[stalls]]。",
        helpAnswered: "工作人員已回應求助（%@，%@）。",
        notOpenNow: "攤位交流時才能入座（現在：%@）。", moreOutOfSight: "還有 %@",
        rollCall: "合照點名", rollHere: "在場 %@ 人（今天來了 %@ 人）· 各部會：在場/來過", leftEarly: "提早離開（%@）",
        nobodyLeft: "沒有人提早離開", moreRows: "… 還有 %@ 項",
        helpBanner: "求助：%@ — F8 解除", helpBannerMore: "（另有 %@ 個）")
}
