import MingleCore
import Mustache

/// The after-event report of a day, as HTML and as Markdown.
public enum Report {
    public struct Pages: Sendable {
        public let html: String
        public let markdown: String
    }

    /// `now` bounds open seatings and unfinished phases (never past the day's close).
    public static func make(_ room: Room, now: Timestamp) -> Pages {
        let model = ReportModel(room: room, now: now)
        return Pages(html: Paper.render(model, "report"), markdown: Paper.render(model, "report-md"))
    }
}

/// Markdown text: what would turn into markup, a link or a table cell border is escaped, and a
/// line break cannot end a table row early.
struct MarkdownText: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                out.append("\\"); out.append(c)
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
