import MingleTerminal

/// Splits text into lines of at most `width` columns, at spaces where it can and anywhere in Han
/// text (which has no spaces) — but never so that a line starts with closing punctuation (a
/// lone "）" or "。"): the character before goes down with it. Newlines start new lines.
enum Wrap {
    static let noLineStart: Set<Character> = ["）", "」", "』", "】", "〉", "》", "，", "。", "、", "：", "；", "！", "？", ")", "]", "}", ",", ".", ":", ";", "!", "?"]

    /// Where to cut `line` so the punctuation that follows takes company down with it: before the
    /// closing marks it ends with and the character they close. Nil when nothing would be left.
    static func carryDown(_ line: String) -> String.Index? {
        var i = line.endIndex
        while i > line.startIndex, noLineStart.contains(line[line.index(before: i)]) { i = line.index(before: i) }
        guard i > line.startIndex else { return nil }
        i = line.index(before: i)
        return i > line.startIndex ? i : nil
    }

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
                    } else if Wrap.noLineStart.contains(ch), let cut = Wrap.carryDown(line) {
                        out.append(String(line[..<cut]))
                        line = String(line[cut...])
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
