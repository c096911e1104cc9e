import MingleTerminal

/// The keys the shell answers under every screen. What reaches a layer depends on its kind:
/// a screen gets them all, a form only help, quit and the screen keys, a dialog help and quit.
extension App {
    /// The shell's keys that reach `layer`: a key the layer answers itself is left out, so help
    /// and the hint line never name one key twice.
    static func shellKeys(_ s: UIStrings, locked: Bool, for layer: any Layer) -> KeyMap {
        let own = layer.keyMap(s)
        var map = shellKeys(s, locked: locked, kind: layer.layerKind, takesText: layer.takesText, writes: layer.writes)
        let ownKeys = Set(own.bindings.flatMap(\.keys))
        map.bindings.removeAll { b in b.keys.allSatisfy(ownKeys.contains) }
        return map
    }

    static func shellKeys(_ s: UIStrings, locked: Bool, kind: LayerKind, takesText: Bool, writes: Bool = true) -> KeyMap {
        let help = KeyBinding([.function(1)], s.keyHelp) { app, _ in app.toggleHelp() }
        // Where q quits, the hint line shows q only.
        let quit = KeyBinding([.function(10), .ctrl("c")], s.keyQuit, help: s.keyQuitHelp, inBar: kind != .screen || takesText) { app, _ in app.askToQuit() }
        var b: [KeyBinding] = [help]
        switch kind {
        case .screen:
            if writes {
                // Where u undoes, the hint line shows u, not Ctrl-Z as well.
                b.append(KeyBinding([.ctrl("z")], s.keyUndo, help: s.keyUndoHelp, inBar: takesText, disabled: App.nothingToUndo) { app, _ in app.undo() })
                b.append(KeyBinding([.ctrl("y")], s.keyRedo, help: s.keyRedoHelp, inBar: false, disabled: App.nothingToRedo) { app, _ in app.redo() })
            }
            if !takesText {
                // No text field here: single letters are commands.
                if writes { b.append(KeyBinding([.char("u")], s.keyUndo, help: s.keyUndoHelp, disabled: App.nothingToUndo) { app, _ in app.undo() }) }
                b.append(KeyBinding([.char("?")], s.keyHelp, inBar: false) { app, _ in app.toggleHelp() })
                b.append(KeyBinding([.char("q")], s.keyQuit, help: s.keyQuitHelp) { app, _ in app.askToQuit() })
            }
            b.append(screenKeys(s, locked: locked))
            // Not from a text field: a Tab pressed out of habit while typing a name would land on a
            // screen where the next letters are commands.
            if !locked && !takesText {
                b.append(KeyBinding([.tab], s.keyNextScreen, inBar: false) { app, _ in
                    app.switchTo(ScreenKind.forFKey(app.screen.fKey == 5 ? 2 : app.screen.fKey + 1)!)
                })
            }
        case .form:
            b.append(screenKeys(s, locked: locked))
        case .dialog:
            break
        }
        b.append(quit)
        b.append(KeyBinding([.ctrl("l")], s.keyRepaint, inBar: false) { app, _ in app.repaintRequested = true })
        return KeyMap(s.keysEverywhere, b)
    }

    static func screenKeys(_ s: UIStrings, locked: Bool) -> KeyBinding {
        KeyBinding((2...5).map { .function($0) }, s.keyScreens, help: s.keyScreensHelp, keyLabel: "F2–F5", inBar: false, inHelp: !locked,
                   disabled: { _ in locked ? s.disabledLockedRole : nil }) { app, key in
            if case .function(let n) = key, let kind = ScreenKind.forFKey(n), kind.roleName != app.screen.roleName { app.switchTo(kind) }
        }
    }

    private static func nothingToUndo(_ app: App) -> String? {
        app.undoable().undo == nil ? app.strings.nothingToUndo : nil
    }

    private static func nothingToRedo(_ app: App) -> String? {
        app.undoable().redo == nil ? app.strings.nothingToRedo : nil
    }
}
