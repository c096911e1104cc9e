/// The after-event report: report.html (charts as inline SVG beside their tables; no script, no
/// font from the network) and report.md (the same tables, for a mail or a wiki).
enum ReportTemplate {
    static let html = """
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-Hant">
    <head>
    <meta charset="utf-8"/>
    <title>活動報告 Report — {{title}}</title>
    <style>
    @page { size: A4; margin: 14mm 12mm;
            @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { font-family: \(PaperStyle.fonts); color: #111; max-width: 190mm; margin: 0 auto; font-size: 10.5pt; line-height: 1.45; }
    h1 { font-size: 18pt; margin: 0; } h2 { font-size: 13.5pt; border-bottom: 0.5mm solid #1f4e99; margin-top: 8mm; page-break-after: avoid; }
    h3 { font-size: 11pt; margin: 4mm 0 1mm 0; page-break-after: avoid; }
    .sub { color: #444; margin: 1mm 0 4mm 0; }
    .figures { display: flex; flex-wrap: wrap; gap: 3mm; margin: 0; }
    .figures div { border: 0.3mm solid #ccc; border-radius: 1.5mm; padding: 2mm 4mm; min-width: 28mm; }
    .figures dt { font-size: 9pt; color: #444; } .figures dd { margin: 0; font-size: 18pt; font-weight: 700; }
    table { border-collapse: collapse; margin: 2mm 0; font-size: 9.5pt; }
    th, td { border-bottom: 0.2mm solid #ccc; padding: 0.6mm 2mm; text-align: left; vertical-align: top; }
    th { border-bottom: 0.4mm solid #111; font-weight: 600; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
    tr { page-break-inside: avoid; }
    figure { margin: 2mm 0; page-break-inside: avoid; } figure svg.chart { max-width: 100%; height: auto; }
    figcaption { font-size: 9pt; color: #444; }
    .matrix td, .matrix th { padding: 0.3mm 1mm; font-size: 7.5pt; text-align: right; }
    .matrix td:first-child { text-align: left; white-space: nowrap; }
    .none { color: #666; font-style: italic; }
    .headline { font-size: 12pt; border-left: 1.5mm solid #1b7a3d; padding: 1mm 3mm; background: #f1f8f3; }
    .empty { font-size: 12pt; border-left: 1.5mm solid #b35a00; padding: 1mm 3mm; background: #fdf3e8; }
    .note { font-size: 8.5pt; color: #555; margin: 0 0 2mm 0; }
    .pair { display: flex; gap: 6mm; flex-wrap: wrap; align-items: flex-start; }
    </style>
    </head>
    <body>
    <h1>活動報告 Report — {{title}}</h1>
    <p class="sub">{{date}} · {{venue}} · 資料至 counted until {{countedUntil}} · 製作 made {{generatedAt}}</p>
    {{#isEmpty}}<p class="empty">尚無活動紀錄：還沒有人報到，以下都是 0。Nothing recorded yet: nobody has checked in, so every number below is 0.</p>{{/isEmpty}}
    {{^isEmpty}}<p class="headline">出席的 {{cameCount}} 人中，<b data-key="met_across">{{metAcross}}</b> 人（{{metAcrossShare}}）在攤位遇見了其他機關的人；新任 PO {{newPOsTotal}} 人中，{{newPOsMet}} 人（{{newPOsShare}}）遇見了其他機關的資深 PO。<br/>
    Of the {{cameCount}} who came, {{metAcross}} ({{metAcrossShare}}) met someone from another ministry at a stall; of {{newPOsTotal}} new POs, {{newPOsMet}} ({{newPOsShare}}) met a senior PO from another ministry.</p>{{/isEmpty}}

    <h2>出席 Attendance</h2>
    <dl class="figures">
    {{#summary}}<div><dt>{{zh}} {{en}}</dt><dd data-key="{{key}}">{{value}}</dd></div>{{/summary}}
    </dl>
    {{#attendanceChart}}<figure>{{> chart}}<figcaption>{{caption}}</figcaption></figure>{{/attendanceChart}}
    <h3>各機關 By ministry</h3>
    <table class="attendance-ministry">
    <thead><tr><th>機關 Ministry</th><th class="n">受邀 invited</th><th class="n">出席 came</th><th class="n">現場報名 walk-ins</th><th class="n">提早離開 left early</th><th class="n">缺席 absent</th><th class="n">出席率 rate</th></tr></thead>
    <tbody>{{#byMinistry}}<tr><td>{{name}}</td><td class="n">{{invited}}</td><td class="n">{{came}}</td><td class="n">{{walkIns}}</td><td class="n">{{leftEarly}}</td><td class="n">{{absent}}</td><td class="n">{{rate}}</td></tr>{{/byMinistry}}
    {{#total}}<tr class="total"><th>{{name}}</th><th class="n">{{invited}}</th><th class="n">{{came}}</th><th class="n">{{walkIns}}</th><th class="n">{{leftEarly}}</th><th class="n">{{absent}}</th><th class="n">{{rate}}</th></tr>{{/total}}</tbody>
    </table>
    <h3>各身分 By role</h3>
    <table class="attendance-role">
    <thead><tr><th>身分 Role</th><th class="n">受邀 invited</th><th class="n">出席 came</th><th class="n">現場報名 walk-ins</th><th class="n">提早離開 left early</th><th class="n">缺席 absent</th><th class="n">出席率 rate</th></tr></thead>
    <tbody>{{#byRole}}<tr><td>{{name}}</td><td class="n">{{invited}}</td><td class="n">{{came}}</td><td class="n">{{walkIns}}</td><td class="n">{{leftEarly}}</td><td class="n">{{absent}}</td><td class="n">{{rate}}</td></tr>{{/byRole}}</tbody>
    </table>
    <h3>提早離開 Who left early</h3>
    {{^empty(leftEarly)}}<table><thead><tr><th>姓名 Name</th><th>機關 Ministry</th><th>離開 left at</th></tr></thead>
    <tbody>{{#leftEarly}}<tr><td>{{name}}</td><td>{{ministry}}</td><td>{{at}}</td></tr>{{/leftEarly}}</tbody></table>{{/empty(leftEarly)}}
    {{^leftEarly}}<p class="none">沒有人提早離開。Nobody left early.</p>{{/leftEarly}}

    <h2>議程 The program</h2>
    {{#timelineChart}}<figure>{{> chart}}<figcaption>{{caption}}</figcaption></figure>{{/timelineChart}}
    <table class="phases">
    <thead><tr><th>階段 Phase</th><th>計畫開始 planned</th><th class="n">計畫分鐘 min</th><th>實際開始 began</th><th>結束 ended</th><th class="n">實際 took</th><th class="n">差 over/under</th></tr></thead>
    <tbody>{{#phases}}<tr><td>{{zh}} {{en}}</td><td>{{plannedStart}}</td><td class="n">{{plannedMinutes}}</td><td>{{actualStart}}</td><td>{{actualEnd}}</td><td class="n">{{actualMinutes}}</td><td class="n">{{over}}</td></tr>{{/phases}}</tbody>
    </table>
    <h3>自我介紹 The introductions</h3>
    {{^empty(speakers)}}<table class="speakers"><thead><tr><th class="n">#</th><th>姓名 Name</th><th>機關 Ministry</th><th class="n">說了 spoke (m:ss)</th><th class="n">差 over/under</th><th>結果 outcome</th></tr></thead>
    <tbody>{{#speakers}}<tr><td class="n">{{order}}</td><td>{{name}}</td><td>{{ministry}}</td><td class="n">{{spoke}}</td><td class="n">{{over}}</td><td>{{outcome}}</td></tr>{{/speakers}}</tbody></table>{{/empty(speakers)}}
    {{^speakers}}<p class="none">沒有人自我介紹。Nobody gave an introduction.</p>{{/speakers}}
    {{^empty(neverSpoke)}}<p>排了但沒有發言 Queued but did not speak: {{#neverSpoke}}{{name}}（{{ministry}}） {{/neverSpoke}}</p>{{/empty(neverSpoke)}}
    {{^empty(photos)}}<p>大合照 Group photo: {{#photos}}{{.}} {{/photos}}</p>{{/empty(photos)}}

    <h2>攤位 The stalls</h2>
    {{#occupancyChart}}<figure>{{> chart}}<figcaption>{{caption}}</figcaption></figure>{{/occupancyChart}}
    <table class="stalls">
    <thead><tr><th>攤位 Stall</th><th>攤主 Hosts</th><th class="n">座位 seats</th><th class="n">坐過的人 people</th><th class="n">機關 ministries</th><th class="n">最多 peak</th><th>時間 at</th><th class="n">在此相遇 encounters here</th></tr></thead>
    <tbody>{{#stalls}}<tr><td>{{name}}</td><td>{{owners}}</td><td class="n">{{seats}}</td><td class="n">{{people}}</td><td class="n">{{ministries}}</td><td class="n">{{peak}}</td><td>{{peakAt}}</td><td class="n">{{encounters}}</td></tr>{{/stalls}}</tbody>
    </table>
    <p class="note">在此相遇：有一部分時間在這個攤位同桌的相遇。兩人在幾個攤位都同桌過，每個攤位各算一次，所以這一欄加起來會多於當天的相遇數。Encounters here: pairs who met and sat together at this stall for part of it; a pair who sat together at several stalls counts at each, so the column adds up to more than the day's encounters.</p>

    <h2>誰遇見了誰 Who met whom</h2>
    <p>兩人在同一攤位同桌的時間，一天累計滿 {{encounterMinutes}} 分鐘，算「相遇」。Two people met when they sat at one stall together for {{encounterMinutes}} minutes or more in all.
    相遇 Encounters: <b data-key="pairs">{{pairs}}</b>，跨機關 across ministries: <b data-key="cross_pairs">{{crossPairs}}</b>。</p>
    {{#heatMap}}<figure>{{> chart}}<figcaption>{{caption}}</figcaption></figure>{{/heatMap}}
    <table class="matrix">
    <thead><tr><th>機關 Ministry</th>{{#matrixHeaders}}<th>{{number}}</th>{{/matrixHeaders}}</tr></thead>
    <tbody>{{#matrix}}<tr><td>{{number}} {{name}}</td>{{#cells}}<td>{{value}}</td>{{/cells}}</tr>{{/matrix}}</tbody>
    </table>
    <h3>新任 PO 遇見其他機關的資深 PO New POs who met a senior PO from another ministry</h3>
    <p><b data-key="new_met">{{newPOsMet}}</b> / <b data-key="new_total">{{newPOsTotal}}</b>（{{newPOsShare}}）</p>
    {{^empty(newPOs)}}<table class="newpos"><thead><tr><th>姓名 Name</th><th>機關 Ministry</th><th>遇見資深 PO met a senior PO</th><th class="n">遇見的人 people met</th><th class="n">其他機關 other ministries</th></tr></thead>
    <tbody>{{#newPOs}}<tr><td>{{name}}</td><td>{{ministry}}</td><td>{{met}}</td><td class="n">{{people}}</td><td class="n">{{ministries}}</td></tr>{{/newPOs}}</tbody></table>{{/empty(newPOs)}}
    {{^newPOs}}<p class="none">今天沒有新任 PO 出席。No new PO came.</p>{{/newPOs}}
    <h3>最常與最少交流的機關 The most and the least connected ministries</h3>
    {{#reachChart}}<figure>{{> chart}}<figcaption>{{caption}}</figcaption></figure>{{/reachChart}}
    <div class="pair">
    <table class="most"><thead><tr><th class="n">#</th><th>最多 Most connected</th><th class="n">其他機關 ministries</th><th class="n">分鐘 min</th></tr></thead>
    <tbody>{{#mostConnected}}<tr><td class="n">{{rank}}</td><td>{{ministry}}</td><td class="n">{{others}}</td><td class="n">{{minutes}}</td></tr>{{/mostConnected}}</tbody></table>
    {{^empty(leastConnected)}}<table class="least"><thead><tr><th class="n">#</th><th>最少 Least connected</th><th class="n">其他機關 ministries</th><th class="n">分鐘 min</th></tr></thead>
    <tbody>{{#leastConnected}}<tr><td class="n">{{rank}}</td><td>{{ministry}}</td><td class="n">{{others}}</td><td class="n">{{minutes}}</td></tr>{{/leastConnected}}</tbody></table>{{/empty(leastConnected)}}
    </div>
    {{#metNoOther}}<p>沒有遇見其他機關 Met no other ministry: {{metNoOther}}</p>{{/metNoOther}}

    <h2>訊息與求助 Messages and help requests</h2>
    {{^empty(messages)}}<table class="messages"><thead><tr><th>時間 at</th><th>誰 by</th><th>訊息 Message</th></tr></thead>
    <tbody>{{#messages}}<tr><td>{{at}}</td><td>{{by}}</td><td>{{text}}</td></tr>{{/messages}}</tbody></table>{{/empty(messages)}}
    {{^messages}}<p class="none">沒有廣播訊息。No messages to the room.</p>{{/messages}}
    {{^empty(help)}}<table class="help"><thead><tr><th>攤位 Stall</th><th>求助 asked at</th><th>求助者 asked by</th><th>處理 answered at</th><th>處理者 answered by</th><th class="n">等了 waited</th></tr></thead>
    <tbody>{{#help}}<tr><td>{{stall}}</td><td>{{askedAt}}</td><td>{{askedBy}}</td><td>{{answeredAt}}</td><td>{{answeredBy}}</td><td class="n">{{waited}}</td></tr>{{/help}}</tbody></table>{{/empty(help)}}
    {{^help}}<p class="none">沒有攤位求助。No stall asked for help.</p>{{/help}}
    </body>
    </html>

    """

    static let markdown = """
    {{% CONTENT_TYPE: MARKDOWN}}
    # 活動報告 Report — {{title}}

    {{date}} · {{venue}} · 資料至 counted until {{countedUntil}} · 製作 made {{generatedAt}}
    {{#isEmpty}}

    **尚無活動紀錄：還沒有人報到，以下都是 0。Nothing recorded yet: nobody has checked in, so every number below is 0.**
    {{/isEmpty}}
    {{^isEmpty}}

    **出席的 {{cameCount}} 人中，{{metAcross}} 人（{{metAcrossShare}}）在攤位遇見了其他機關的人；新任 PO {{newPOsTotal}} 人中，{{newPOsMet}} 人（{{newPOsShare}}）遇見了其他機關的資深 PO。** Of the {{cameCount}} who came, {{metAcross}} ({{metAcrossShare}}) met someone from another ministry at a stall; of {{newPOsTotal}} new POs, {{newPOsMet}} ({{newPOsShare}}) met a senior PO from another ministry.
    {{/isEmpty}}

    ## 出席 Attendance

    | | |
    |---|--:|
    {{#summary}}
    | {{zh}} {{en}} | {{value}} |
    {{/summary}}

    ### 各機關 By ministry

    | 機關 Ministry | 受邀 invited | 出席 came | 現場報名 walk-ins | 提早離開 left early | 缺席 absent | 出席率 rate |
    |---|--:|--:|--:|--:|--:|--:|
    {{#byMinistry}}
    | {{name}} | {{invited}} | {{came}} | {{walkIns}} | {{leftEarly}} | {{absent}} | {{rate}} |
    {{/byMinistry}}
    {{#total}}
    | **{{name}}** | **{{invited}}** | **{{came}}** | **{{walkIns}}** | **{{leftEarly}}** | **{{absent}}** | **{{rate}}** |
    {{/total}}

    出席率：受邀者中有出席的比例（現場報名不算在內）。Rate: the share of the invited who came (walk-ins not counted).

    ### 各身分 By role

    | 身分 Role | 受邀 invited | 出席 came | 現場報名 walk-ins | 提早離開 left early | 缺席 absent | 出席率 rate |
    |---|--:|--:|--:|--:|--:|--:|
    {{#byRole}}
    | {{name}} | {{invited}} | {{came}} | {{walkIns}} | {{leftEarly}} | {{absent}} | {{rate}} |
    {{/byRole}}

    ### 提早離開 Who left early

    {{^empty(leftEarly)}}
    | 姓名 Name | 機關 Ministry | 離開 left at |
    |---|---|---|
    {{/empty(leftEarly)}}
    {{#leftEarly}}
    | {{name}} | {{ministry}} | {{at}} |
    {{/leftEarly}}
    {{^leftEarly}}
    沒有人提早離開。Nobody left early.
    {{/leftEarly}}

    ## 議程 The program

    | 階段 Phase | 計畫開始 planned | 計畫分鐘 min | 實際開始 began | 結束 ended | 實際 took | 差 over/under |
    |---|---|--:|---|---|--:|--:|
    {{#phases}}
    | {{zh}} {{en}} | {{plannedStart}} | {{plannedMinutes}} | {{actualStart}} | {{actualEnd}} | {{actualMinutes}} | {{over}} |
    {{/phases}}

    ### 自我介紹 The introductions

    {{^empty(speakers)}}
    | # | 姓名 Name | 機關 Ministry | 說了 spoke (m:ss) | 差 over/under | 結果 outcome |
    |--:|---|---|--:|--:|---|
    {{/empty(speakers)}}
    {{#speakers}}
    | {{order}} | {{name}} | {{ministry}} | {{spoke}} | {{over}} | {{outcome}} |
    {{/speakers}}
    {{^speakers}}
    沒有人自我介紹。Nobody gave an introduction.
    {{/speakers}}
    {{^empty(neverSpoke)}}

    排了但沒有發言 Queued but did not speak: {{#neverSpoke}}{{name}}（{{ministry}}） {{/neverSpoke}}
    {{/empty(neverSpoke)}}
    {{^empty(photos)}}

    大合照 Group photo: {{#photos}}{{.}} {{/photos}}
    {{/empty(photos)}}

    ## 攤位 The stalls

    | 攤位 Stall | 攤主 Hosts | 座位 seats | 坐過的人 people | 機關 ministries | 最多 peak | 時間 at | 在此相遇 encounters here |
    |---|---|--:|--:|--:|--:|---|--:|
    {{#stalls}}
    | {{name}} | {{owners}} | {{seats}} | {{people}} | {{ministries}} | {{peak}} | {{peakAt}} | {{encounters}} |
    {{/stalls}}

    在此相遇：有一部分時間在這個攤位同桌的相遇；在幾個攤位都同桌過的兩人，每個攤位各算一次。Encounters here: a pair who sat together at several stalls counts at each.

    ## 誰遇見了誰 Who met whom

    兩人在同一攤位同桌的時間，一天累計滿 {{encounterMinutes}} 分鐘，算「相遇」。Two people met when they sat at one stall together for {{encounterMinutes}} minutes or more in all. 相遇 Encounters: **{{pairs}}**，跨機關 across ministries: **{{crossPairs}}**。

    | 機關 Ministry |{{#matrixHeaders}} {{number}} |{{/matrixHeaders}}
    |---|{{#matrixHeaders}}--:|{{/matrixHeaders}}
    {{#matrix}}
    | {{number}} {{name}} |{{#cells}} {{value}} |{{/cells}}
    {{/matrix}}

    ### 新任 PO 遇見其他機關的資深 PO New POs who met a senior PO from another ministry

    **{{newPOsMet}} / {{newPOsTotal}}**（{{newPOsShare}}）

    {{^empty(newPOs)}}
    | 姓名 Name | 機關 Ministry | 遇見資深 PO met a senior PO | 遇見的人 people met | 其他機關 other ministries |
    |---|---|---|--:|--:|
    {{/empty(newPOs)}}
    {{#newPOs}}
    | {{name}} | {{ministry}} | {{met}} | {{people}} | {{ministries}} |
    {{/newPOs}}

    ### 最常與最少交流的機關 The most and the least connected ministries

    | # | 最多 Most connected | 其他機關 ministries | 分鐘 min |
    |--:|---|--:|--:|
    {{#mostConnected}}
    | {{rank}} | {{ministry}} | {{others}} | {{minutes}} |
    {{/mostConnected}}
    {{^empty(leastConnected)}}

    | # | 最少 Least connected | 其他機關 ministries | 分鐘 min |
    |--:|---|--:|--:|
    {{/empty(leastConnected)}}
    {{#leastConnected}}
    | {{rank}} | {{ministry}} | {{others}} | {{minutes}} |
    {{/leastConnected}}
    {{#metNoOther}}

    沒有遇見其他機關 Met no other ministry: {{metNoOther}}
    {{/metNoOther}}

    ## 訊息與求助 Messages and help requests

    {{^empty(messages)}}
    | 時間 at | 誰 by | 訊息 Message |
    |---|---|---|
    {{/empty(messages)}}
    {{#messages}}
    | {{at}} | {{by}} | {{text}} |
    {{/messages}}
    {{^messages}}
    沒有廣播訊息。No messages to the room.
    {{/messages}}

    {{^empty(help)}}
    | 攤位 Stall | 求助 asked at | 求助者 asked by | 處理 answered at | 處理者 answered by | 等了 waited |
    |---|---|---|---|---|--:|
    {{/empty(help)}}
    {{#help}}
    | {{stall}} | {{askedAt}} | {{askedBy}} | {{answeredAt}} | {{answeredBy}} | {{waited}} |
    {{/help}}
    {{^help}}
    沒有攤位求助。No stall asked for help.
    {{/help}}

    """
}
