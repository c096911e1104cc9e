/// The key reference as Markdown, made from the same key maps that handle the keys (and that the
/// F1 help shows): `mingle keys > docs/keys.md`.
extension App {
    public static func keyReference(_ s: UIStrings) -> String {
        func table<A>(_ title: String, _ map: KeyMap<A>) -> String {
            var out = "## \(title)\n\n| key | \(s.language == "en" ? "what it does" : "作用") |\n|---|---|\n"
            for b in map.bindings { out += "| \(b.keyLabel) | \(b.help) |\n" }
            return out + "\n"
        }
        var out = "# mingle — \(s.language == "en" ? "keys" : "按鍵")\n\n"
        out += table("\(s.screenReception)", receptionKeys(s))
        out += "\(s.keyEdit): ←/→/Home/End/Backspace/Delete\n\n"
        out += table("\(s.walkInTitle) (F6)", walkInKeys(s))
        out += table(s.language == "en" ? "Every screen" : "每個畫面", globalKeys(s, locked: false))
        return out
    }
}
