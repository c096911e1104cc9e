import Mustache

/// A chart as the SVG template draws it: rectangles, lines and labels, with geometry worked out
/// here and text left to Mustache to escape. One template draws every chart of the report.
struct Chart {
    // Looked up by name, not by reflection: a heat map of 30 ministries has 900 cells.
    struct Rect: MustacheParent {
        let x, y, w, h: String; let fill: String; let title: String
        func child(named n: String) -> Any? {
            switch n { case "x": x; case "y": y; case "w": w; case "h": h; case "fill": fill; case "title": title; default: nil }
        }
    }
    struct Line: MustacheParent {
        let x1, y1, x2, y2: String; let stroke: String
        func child(named n: String) -> Any? {
            switch n { case "x1": x1; case "y1": y1; case "x2": x2; case "y2": y2; case "stroke": stroke; default: nil }
        }
    }
    struct Label: MustacheParent {
        let x, y: String; let text: String; let anchor: String; let size: String; let weight: String; let fill: String
        func child(named n: String) -> Any? {
            switch n {
            case "x": x; case "y": y; case "text": text; case "anchor": anchor; case "size": size; case "weight": weight; case "fill": fill
            default: nil
            }
        }
    }

    let width: Int
    let height: Int
    /// What the chart shows, for screen readers and the PDF's text.
    let caption: String
    var rects: [Rect] = []
    var lines: [Line] = []
    var labels: [Label] = []

    init(width: Int, height: Int, caption: String) {
        self.width = width
        self.height = height
        self.caption = caption
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, title: String = "") {
        rects.append(Rect(x: n(x), y: n(y), w: n(max(0, w)), h: n(max(0, h)), fill: fill, title: title))
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#999") {
        lines.append(Line(x1: n(x1), y1: n(y1), x2: n(x2), y2: n(y2), stroke: stroke))
    }

    mutating func label(_ text: String, _ x: Double, _ y: Double, anchor: String = "start", size: Double = 11,
                        bold: Bool = false, fill: String = "#222") {
        labels.append(Label(x: n(x), y: n(y), text: text, anchor: anchor, size: n(size), weight: bold ? "700" : "400", fill: fill))
    }

    /// One decimal is finer than a printer's dot at these sizes.
    private func n(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// White → `to` as `share` goes 0 → 1 (square root, so small numbers still show).
    static func shade(_ share: Double, to rgb: (Int, Int, Int)) -> String {
        let s = max(0, min(1, share)).squareRoot()
        func mix(_ c: Int) -> Int { Int((255 - Double(255 - c) * s).rounded()) }
        let (r, g, b) = (mix(rgb.0), mix(rgb.1), mix(rgb.2))
        return "#" + [r, g, b].map { String($0, radix: 16).leftPadded(2) }.joined()
    }

    static let svg = """
    <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {{width}} {{height}}" width="{{width}}" height="{{height}}" role="img" aria-label="{{caption}}">\
    <title>{{caption}}</title>\
    {{#rects}}<rect x="{{x}}" y="{{y}}" width="{{w}}" height="{{h}}" fill="{{fill}}">{{#title}}<title>{{title}}</title>{{/title}}</rect>{{/rects}}\
    {{#lines}}<line x1="{{x1}}" y1="{{y1}}" x2="{{x2}}" y2="{{y2}}" stroke="{{stroke}}" stroke-width="1"/>{{/lines}}\
    {{#labels}}<text x="{{x}}" y="{{y}}" text-anchor="{{anchor}}" font-size="{{size}}" font-weight="{{weight}}" fill="{{fill}}">{{text}}</text>{{/labels}}\
    </svg>
    """
}

extension String {
    func leftPadded(_ n: Int, with c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}
