/// The key reference as Markdown, made from the same key maps that handle the keys (and that F1
/// shows): `mingle keys > docs/keys.md`. One table per screen, form and dialog, holding its own
/// keys and the shell's keys that reach it.
extension App {
    /// Every kind of layer the screens can show, as a fresh instance (no store needed: a key map
    /// is made from the words alone; only pressing a key needs the app).
    static func allLayers() -> [(title: (UIStrings) -> String, layer: any Layer)] {
        [
            ({ "\($0.screenReception) (F2)" }, ReceptionScreen()),
            ({ "\($0.walkInTitle) (F6)" }, WalkInForm { _, _ in }),
            ({ "\($0.screenTimekeeper) (F4)" }, TimekeeperScreen()),
            ({ "\($0.screenBoard) (F5)" }, BoardScreen()),
            ({ "\($0.stall.roomTitle) (F3)" }, RoomScreen()),
            ({ "\($0.screenStall) (F3, Enter; --role stall:ID)" }, StallScreen(stallID: "")),
            ({ "\($0.helpTitle) (F1)" }, HelpOverlay(lines: [])),
            ({ $0.confirmTitle }, ConfirmDialog(prompt: "", yes: { _ in })),
            ({ "\($0.program.messageTitle), \($0.program.backTitle)" }, PromptDialog(title: "", prompt: "", send: { _, _ in })),
            ({ $0.program.addTitle }, PickPersonDialog(title: "", include: { _, _ in true }, pick: { _, _ in })),
            ({ "\($0.matchTitle) (\($0.walkInTitle))" }, WalkInMatchDialog(form: WalkInForm { _, _ in }, matches: [])),
        ]
    }

    public static func keyReference(_ s: UIStrings) -> String {
        var out = "# mingle — \(s.keysTitle)\n\n\(s.keysIntro)\n\n"
        for (title, layer) in allLayers() {
            out += "## \(title(s))\n\n| \(s.keysColumnKey) | \(s.keysColumnWhat) |\n|---|---|\n"
            let shell = shellKeys(s, locked: false, for: layer)
            for b in layer.keyMap(s).bindings + shell.bindings {
                out += "| \(b.keyLabel.replacingOccurrences(of: "|", with: "\\|")) | \(b.help) |\n"
            }
            out += "\n"
        }
        return out
    }
}
