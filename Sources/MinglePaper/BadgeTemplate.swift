/// The name-tag page (polyglot XHTML: an XML parser reads it, so the tests can check it is
/// well-formed). Tags sit edge to edge in a 170 x 216 mm block, 20 mm from the left and 40.5 mm
/// from the top of A4, so one cut separates two tags; the marks in the margins show where.
/// Every value is escaped ({{…}}) except the QR path ({{{…}}}), which QRCode.svgPath makes from
/// digits and the letters M h v z only — escaping its 2 MB for a thousand tags cost 0.2 s.
enum BadgeTemplate {
    static let html = """
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-Hant">
    <head>
    <meta charset="utf-8"/>
    <title>名牌 Name tags — {{title}}</title>
    <style>
    \(PaperStyle.base)
    .tag { position: absolute; width: 85mm; height: 54mm; padding: 0 4mm 4mm 4mm; overflow: hidden;
           display: flex; flex-direction: column; border: 0.1mm dotted #ccc; }
    .band { height: 7mm; margin: 0 -4mm; padding: 0 4mm; color: #fff; display: flex; align-items: center;
            justify-content: space-between; white-space: nowrap; overflow: hidden; }
    .band .event { font-weight: 600; }
    .band .roleword { font-weight: 700; font-size: 3.4mm; }
    .name { flex: 1; display: flex; align-items: center; justify-content: center; white-space: nowrap;
            font-weight: 700; line-height: 1.1; }
    .bottom { display: flex; align-items: flex-end; justify-content: space-between; height: 19mm; }
    .who { display: flex; flex-direction: column; gap: 1.2mm; white-space: nowrap; overflow: hidden; }
    .ministry { font-weight: 600; }
    .role { font-size: 3.6mm; font-weight: 700; }
    .role span { font-weight: 400; }
    .id { font-size: 2.6mm; color: #555; font-family: monospace; }
    .qr { width: 19mm; height: 19mm; flex: none; }
    .mark { position: absolute; background: #000; }
    .mark.v { width: 0.2mm; height: 8mm; }
    .mark.h { width: 8mm; height: 0.2mm; }
    .c0 { left: 20mm; } .c1 { left: 105mm; }
    .r0 { top: 40.5mm; } .r1 { top: 94.5mm; } .r2 { top: 148.5mm; } .r3 { top: 202.5mm; }
    </style>
    </head>
    <body>
    {{#pages}}
    <section class="page" data-page="{{number}}">
    {{#tags}}
    <article class="tag role-{{role}} c{{c}} r{{r}}" data-id="{{id}}">
    <div class="band" style="background: {{colour}}"><span class="event" style="font-size: {{titleSize}}mm">{{title}}  {{date}}</span><span class="roleword">{{roleZh}}</span></div>
    <div class="name"><span style="font-size: {{nameSize}}mm">{{name}}</span></div>
    <div class="bottom">
    <div class="who">
    <span class="ministry" style="font-size: {{ministrySize}}mm">{{ministry}}</span>
    <span class="role" style="color: {{colour}}">■ {{roleZh}} <span lang="en">{{roleEn}}</span></span>
    <span class="id">{{id}}</span>
    </div>
    <svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{qrSide}} {{qrSide}}" shape-rendering="crispEdges" role="img" aria-label="QR {{id}}"><rect width="{{qrSide}}" height="{{qrSide}}" fill="#fff"/><path fill="#000" d="{{{qrPath}}}"/></svg>
    </div>
    </article>
    {{/tags}}
    <div class="mark v" style="left: 20mm; top: 30.5mm"></div><div class="mark v" style="left: 105mm; top: 30.5mm"></div><div class="mark v" style="left: 190mm; top: 30.5mm"></div>
    <div class="mark v" style="left: 20mm; top: 258.5mm"></div><div class="mark v" style="left: 105mm; top: 258.5mm"></div><div class="mark v" style="left: 190mm; top: 258.5mm"></div>
    <div class="mark h" style="left: 10mm; top: 40.5mm"></div><div class="mark h" style="left: 10mm; top: 94.5mm"></div><div class="mark h" style="left: 10mm; top: 148.5mm"></div><div class="mark h" style="left: 10mm; top: 202.5mm"></div><div class="mark h" style="left: 10mm; top: 256.5mm"></div>
    <div class="mark h" style="left: 192mm; top: 40.5mm"></div><div class="mark h" style="left: 192mm; top: 94.5mm"></div><div class="mark h" style="left: 192mm; top: 148.5mm"></div><div class="mark h" style="left: 192mm; top: 202.5mm"></div><div class="mark h" style="left: 192mm; top: 256.5mm"></div>
    </section>
    {{/pages}}
    </body>
    </html>

    """
}
