/// The words of the timekeeper's screen and the board, in both languages.
public struct ProgramStrings: Sendable {
    public var rundown, colPhase, colPlanned, colLength, colStarted, colEnded, colUsed, colLeft: String
    public var notYet, speaking, next, order, nobodySpeaking, spaceStarts, queueEmpty: String
    public var markWaiting, markSpeaking, markDone, markSkipped, markAway: String
    public var lightGreen, lightYellow, lightRed, lightOver: String
    public var clockWarning, clockOver, projectedEnd, late, onTime, left, over: String
    public var keyNextPhase, keyNextPhaseHelp, keyBackPhase, keyBackPhaseHelp, keySpeakerNext, keySpeakerNextHelp: String
    public var keySkip, keySkipHelp, keyAdd, keyAddHelp, keySelect, keyShift, keyShiftHelp: String
    public var keyMore, keyLess, keyMoreHelp, keyLessHelp, keyMessage, keyMessageHelp, keyPhoto, keyPhotoHelp: String
    public var confirmNextPhase, effectLeave, effectEndTurn, effectBack, effectResume, effectNotYet: String
    public var confirmQuickNext, confirmQuickSkip, confirmQuickPhoto, boardMessage, speakerLeft, endedAt, moreRows: String
    public var diffLeft, diffOver, diffUnder, nobodyToAdd: String
    public var backTitle, backPrompt, reasonAsk, messageTitle, messagePrompt, addTitle, nothingSelected, lastPhase: String
    public var boardHere, boardSpeaker, boardNext, boardTimeLeft, boardOverBy, boardThanks, boardPhoto, boardSeatsFree, boardFull: String

    public static let en = ProgramStrings(
        rundown: "Rundown", colPhase: "Phase", colPlanned: "Planned", colLength: "Length", colStarted: "Began",
        colEnded: "Ended", colUsed: "Used", colLeft: "Left",
        notYet: "—", speaking: "Speaking", next: "Next", order: "Order", nobodySpeaking: "nobody is speaking",
        spaceStarts: "Space: the first in the queue starts", queueEmpty: "nobody is waiting",
        markWaiting: "waiting", markSpeaking: "speaking", markDone: "done", markSkipped: "skipped", markAway: "away",
        lightGreen: "[GREEN]", lightYellow: "[YELLOW]", lightRed: "[RED]", lightOver: "[RED · OVER]",
        clockWarning: "ending soon", clockOver: "OVER", projectedEnd: "ends about %@", late: "%@ min late", onTime: "on time",
        left: "left", over: "over",
        keyNextPhase: "next phase", keyNextPhaseHelp: "move on to the next phase (asks first, saying what it changes)",
        keyBackPhase: "back", keyBackPhaseHelp: "back one phase (asks for a reason; the room goes back as it was)",
        keySpeakerNext: "next speaker", keySpeakerNextHelp: "the speaker is done and the next starts (nobody speaking: the first starts)",
        keySkip: "skip", keySkipHelp: "skip the speaker; the next starts (a skipped one can be added again with a)",
        keyAdd: "add", keyAddHelp: "add someone to the queue (a search, as at reception)",
        keySelect: "select in the queue",
        keyShift: "earlier/later", keyShiftHelp: "move the selected speaker one place earlier or later",
        keyMore: "1 min more", keyLess: "1 min less", keyMoreHelp: "one minute more for this phase (= works too; the projected end follows)",
        keyLessHelp: "one minute less for this phase (the projected end follows)",
        keyMessage: "message", keyMessageHelp: "a one-line message to the room, on the board (empty: clears it)",
        keyPhoto: "photo taken", keyPhotoHelp: "the group photo was taken (photo phase)",
        confirmNextPhase: "Move on to %@?", effectLeave: "%@ people leave their stalls.", effectEndTurn: "%@'s introduction ends.",
        effectBack: "%@ people go back to their stalls.", effectResume: "%@ speaks again.",
        effectNotYet: "%@ new POs have not introduced themselves yet.",
        confirmQuickNext: "%@ began only a moment ago. Their turn is over, the next starts?",
        confirmQuickSkip: "%@ began only a moment ago. Skip them?",
        confirmQuickPhoto: "A photo was recorded at %@, a moment ago. Record another?",
        boardMessage: "On the board", speakerLeft: "%@ checked out: their introduction stopped",
        endedAt: "ended %@", moreRows: "… %@ more",
        diffLeft: "left %@", diffOver: "over %@", diffUnder: "under %@",
        nobodyToAdd: "Nobody to add: only someone checked in, not yet introduced and not already waiting can join the queue.",
        backTitle: "Back one phase", backPrompt: "Back to %@.", reasonAsk: "Why? (may be left empty)",
        messageTitle: "Message to the room", messagePrompt: "Shown on the board until cleared. Enter sends; sent empty, it clears the board's message.",
        addTitle: "Add to the introductions", nothingSelected: "select someone waiting with ↑/↓ first",
        lastPhase: "the day is over",
        boardHere: "%@ here of %@", boardSpeaker: "Now speaking", boardNext: "Next: %@", boardTimeLeft: "left", boardOverBy: "over",
        boardThanks: "Thank you!", boardPhoto: "Group photo", boardSeatsFree: "%@ free", boardFull: "full")

    public static let zhTW = ProgramStrings(
        rundown: "節目表", colPhase: "階段", colPlanned: "預定", colLength: "長度", colStarted: "開始",
        colEnded: "結束", colUsed: "用時", colLeft: "剩餘",
        notYet: "—", speaking: "講者", next: "下一位", order: "介紹順序", nobodySpeaking: "目前沒有人在介紹",
        spaceStarts: "按空白鍵，名單上第一位開始", queueEmpty: "沒有人在等候",
        markWaiting: "等候", markSpeaking: "介紹中", markDone: "完成", markSkipped: "略過", markAway: "不在",
        lightGreen: "[綠燈]", lightYellow: "[黃燈]", lightRed: "[紅燈]", lightOver: "[紅燈·超時]",
        clockWarning: "快結束了", clockOver: "超時", projectedEnd: "預計 %@ 結束", late: "晚 %@ 分", onTime: "準時",
        left: "剩", over: "超過",
        keyNextPhase: "下一階段", keyNextPhaseHelp: "進入下一個階段（會先問，並說明會改變什麼）",
        keyBackPhase: "回上一階段", keyBackPhaseHelp: "回到上一個階段（會問原因；現場恢復原狀）",
        keySpeakerNext: "下一位", keySpeakerNextHelp: "這位講完，下一位開始（沒有人在講時：第一位開始）",
        keySkip: "略過", keySkipHelp: "略過這位，下一位開始（略過的人可以再用 a 加回來）",
        keyAdd: "加人", keyAddHelp: "把某人加入介紹名單（像報到一樣搜尋）",
        keySelect: "在名單中選擇",
        keyShift: "往前/往後", keyShiftHelp: "把選到的講者往前或往後移一位",
        keyMore: "多 1 分", keyLess: "少 1 分", keyMoreHelp: "這個階段多一分鐘（= 也可以；預計結束時間跟著變）",
        keyLessHelp: "這個階段少一分鐘（預計結束時間跟著變）",
        keyMessage: "訊息", keyMessageHelp: "給全場的一行訊息，顯示在看板上（空白：清除）",
        keyPhoto: "已拍合照", keyPhotoHelp: "大合照拍好了（大合照階段）",
        confirmNextPhase: "進入「%@」？", effectLeave: "%@ 人會離開攤位。", effectEndTurn: "%@ 的自我介紹會結束。",
        effectBack: "%@ 人會回到攤位。", effectResume: "%@ 繼續介紹。",
        effectNotYet: "還有 %@ 位新任參與官沒有自我介紹。",
        confirmQuickNext: "%@ 才剛開始。確定換下一位？", confirmQuickSkip: "%@ 才剛開始。確定略過？", confirmQuickPhoto: "%@ 才剛記下一張合照。要再記一張嗎？",
        boardMessage: "看板訊息", speakerLeft: "%@ 已簽退，介紹中斷",
        endedAt: "%@ 結束", moreRows: "… 還有 %@ 項",
        diffLeft: "剩 %@", diffOver: "超 %@", diffUnder: "省 %@",
        nobodyToAdd: "沒有可以加入的人：只有已報到、還沒介紹、也不在等候名單上的人可以加入。",
        backTitle: "回到上一階段", backPrompt: "回到「%@」。", reasonAsk: "原因（可以空白）：",
        messageTitle: "給全場的訊息", messagePrompt: "會顯示在看板上，直到清除。Enter 送出；什麼都不打就送出，會清除看板上的訊息。",
        addTitle: "加入介紹名單", nothingSelected: "請先用 ↑/↓ 選一位等候中的講者",
        lastPhase: "活動已經結束",
        boardHere: "在場 %@ / %@ 人", boardSpeaker: "現在介紹", boardNext: "下一位：%@", boardTimeLeft: "剩", boardOverBy: "超過",
        boardThanks: "謝謝大家！", boardPhoto: "大合照", boardSeatsFree: "空 %@ 位", boardFull: "已滿")
}
