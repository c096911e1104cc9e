import MingleCore
import MingleTerminal
import Mustache

/// What every printed page shares: text made safe for markup, role words and colours, fitting a
/// line of text into a width, and the Mustache library the pages are rendered with. Mustache
/// escapes every `{{value}}` for HTML, so names never reach the markup raw.
public enum Paper {
    /// Control characters (ESC among them) and bidi overrides become U+FFFD: XML forbids the
    /// first, and the second could reorder what a reader sees. The one sanitizer does it.
    public static func clean(_ s: String) -> String { Sanitizer.clean(s) }

    public static func roleWord(_ r: Role) -> (zh: String, en: String) {
        switch r {
        case .new: ("新任", "New PO")
        case .senior: ("資深", "Senior PO")
        case .staff: ("工作人員", "Staff")
        case .guest: ("來賓", "Guest")
        }
    }

    /// The role's colour on tags, the sheet and the report (dark enough for white text, and told
    /// apart by its word as well, for readers who do not see colours).
    public static func roleColour(_ r: Role) -> String {
        switch r {
        case .new: "#1b7a3d"
        case .senior: "#1f4e99"
        case .staff: "#b35a00"
        case .guest: "#6b3fa0"
        }
    }

    /// The width of `s` in em of a sans-serif font: a wide (Han) character is 1 em, a narrow one
    /// at most 0.62 em on average (measured in the browser check with Noto Sans CJK). Built on the
    /// one width function.
    public static func ems(_ s: String) -> Double {
        var w = 0.0
        for c in s { w += DisplayWidth.of(c) >= 2 ? 1.0 : (c == " " ? 0.3 : 0.62) }
        return w
    }

    /// The font size (mm) that fits `s` on one line in `width` mm, at most `maximum`.
    public static func fit(_ s: String, width: Double, maximum: Double) -> Double {
        let e = ems(s)
        guard e > 0 else { return maximum }
        return (min(maximum, width / e) * 100).rounded(.down) / 100
    }

    /// The page templates, parsed once.
    static let library: MustacheLibrary = {
        // The pragma {{% CONTENT_TYPE: MARKDOWN}} is looked up while a template is parsed.
        MustacheContentTypes.register(MarkdownText(), named: "MARKDOWN")
        var lib = MustacheLibrary()
        for (name, text) in [("badges", BadgeTemplate.html), ("signin", SigninTemplate.html),
                             ("report", ReportTemplate.html), ("report-md", ReportTemplate.markdown),
                             ("chart", Chart.svg)] {
            do { try lib.register(text, named: name) } catch { fatalError("template \(name) does not parse: \(error)") }
        }
        return lib
    }()

    static func render(_ object: Any, _ template: String) -> String {
        library.render(object, withTemplate: template) ?? ""
    }
}
