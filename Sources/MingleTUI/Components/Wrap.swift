import MingleTerminal

/// Splits text into lines of at most `width` columns, at spaces where it can and anywhere in Han
/// text (which has no spaces). Newlines in the text start new lines.
enum Wrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", used = 0
            for ch in paragraph {
                let w = DisplayWidth.of(ch)
                if used + w > width {
                    if ch != " ", let space = line.lastIndex(of: " "), line.distance(from: line.startIndex, to: space) > 0 {
                        out.append(String(line[..<space]))
                        line = String(line[line.index(after: space)...])
                    } else {
                        out.append(line)
                        line = ""
                    }
                    used = DisplayWidth.of(line)
                    if used + w > width { out.append(line); line = ""; used = 0 }
                }
                if line.isEmpty && ch == " " { continue }
                line.append(ch)
                used += w
            }
            out.append(line)
        }
        return out
    }
}
