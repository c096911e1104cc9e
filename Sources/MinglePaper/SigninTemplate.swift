/// The paper sign-in sheet: by ministry, a box to tick and a line to sign for each person, then
/// blank rows for walk-ins. Each ministry is its own table whose head (the ministry's name and
/// the column names) the browser repeats when the ministry runs over a page break; rows never split.
enum SigninTemplate {
    static let html = """
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-Hant">
    <head>
    <meta charset="utf-8"/>
    <title>簽到表 Sign-in sheet — {{title}}</title>
    <style>
    @page { size: A4; margin: 14mm 12mm 16mm 12mm;
            @bottom-right { content: "第 " counter(page) " / " counter(pages) " 頁"; font-size: 3mm; color: #555; } }
    * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; font-family: \(PaperStyle.fonts); color: #111; font-size: 3.6mm; }
    h1 { font-size: 6mm; margin: 0 0 1mm 0; }
    .sub { margin: 0 0 4mm 0; color: #444; }
    table { width: 100%; border-collapse: collapse; margin-bottom: 2mm; }
    .wministry { width: 42mm; }
    .walkins td { border-right: 0.2mm solid #ccc; } .walkins td:last-child { border-right: none; }
    thead { display: table-header-group; }
    tr { page-break-inside: avoid; break-inside: avoid; }
    th { text-align: left; font-size: 3.2mm; color: #444; border-bottom: 0.4mm solid #111; padding: 1mm; }
    td { border-bottom: 0.2mm solid #999; padding: 0 1mm; height: 9mm; vertical-align: middle; }
    tr.ministry td { border-bottom: 0.4mm solid #111; height: 10mm; vertical-align: bottom; font-weight: 700; font-size: 4.2mm; }
    tr.ministry td span { font-weight: 400; font-size: 3.2mm; color: #444; }
    .box { width: 9mm; } .box span { display: inline-block; width: 5mm; height: 5mm; border: 0.4mm solid #111; }
    .name { width: 46mm; font-weight: 600; white-space: nowrap; overflow: hidden; } .id { width: 20mm; font-family: monospace; }
    .role { width: 30mm; white-space: nowrap; } .sign { width: auto; }
    .pill { color: #fff; border-radius: 1mm; padding: 0.3mm 1.2mm; font-size: 3mm; }
    </style>
    </head>
    <body>
    <h1>簽到表 Sign-in sheet</h1>
    <p class="sub">{{title}} · {{date}} · {{venue}} — {{people}} 人 people, {{ministryCount}} 機關 ministries</p>
    {{#ministries}}
    <table>
    <thead><tr class="ministry"><td colspan="5">{{name}} <span>{{count}} 人</span></td></tr>
    <tr><th class="box">✓</th><th class="name">姓名 Name</th><th class="id">編號 ID</th><th class="role">身分 Role</th><th class="sign">簽名 Signature</th></tr></thead>
    <tbody>
    {{#people}}
    <tr class="person" data-id="{{id}}"><td class="box"><span></span></td><td class="name"><span style="font-size: {{nameSize}}mm">{{name}}</span></td><td class="id">{{id}}</td><td class="role"><span class="pill" style="background: {{colour}}">{{roleZh}} {{roleEn}}</span></td><td class="sign"></td></tr>
    {{/people}}
    </tbody>
    </table>
    {{/ministries}}
    <table class="walkins">
    <thead><tr class="ministry"><td colspan="5">現場報名 Walk-ins <span>不在名單上的人 people not on the list</span></td></tr>
    <tr><th class="box">✓</th><th class="name">姓名 Name</th><th class="wministry">機關 Ministry</th><th class="role">身分 Role</th><th class="sign">簽名 Signature</th></tr></thead>
    <tbody>
    {{#blank}}
    <tr class="blank"><td class="box"><span></span></td><td class="name"></td><td class="wministry"></td><td class="role"></td><td class="sign"></td></tr>
    {{/blank}}
    </tbody>
    </table>
    </body>
    </html>

    """
}
