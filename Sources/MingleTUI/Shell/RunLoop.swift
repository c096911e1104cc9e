#if canImport(Glibc)
import Glibc
#endif
import MingleCore
import MingleStore
import MingleTerminal

/// Waits on the keyboard and the store folder at once, and redraws when either says so (or once a
/// second, for the clock: ncurses sends nothing when the frame did not change).
public enum RunLoop {
    public static func run(_ app: App, terminal: Terminal, watcher: LogWatcher) {
        var dirty = true
        // Once before the first frame: what is wrong (a clock off, a file that does not read) is
        // said from the start, not at the first wake-up.
        _ = app.refresh()
        while !app.shouldQuit {
            if dirty {
                // The frame is composed in memory, then sent: see Terminal.present.
                var frame = MemoryCanvas(rows: terminal.rows, columns: terminal.columns)
                app.draw(&frame)
                if app.repaintRequested {
                    terminal.repaintAll()
                    app.repaintRequested = false
                }
                terminal.present(frame)
                dirty = false
            }
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0)]
            if watcher.descriptor >= 0 { fds.append(pollfd(fd: watcher.descriptor, events: Int16(POLLIN), revents: 0)) }
            // Asleep until a key, a change in the store folder, or the next moment the frame
            // changes by itself; without inotify the folder is looked at once a second.
            let wake = watcher.descriptor >= 0 ? app.nextWake() : min(1000, app.nextWake())
            let n = poll(&fds, nfds_t(fds.count), Int32(wake))
            if n < 0 && errno != EINTR { break }
            // Read keys after every wake-up, not only when stdin is readable: a resize arrives as
            // SIGWINCH (poll returns EINTR) and ncurses turns it into KEY_RESIZE on the next read.
            while let key = terminal.readKey() {
                app.handle(key)
                dirty = true
                if app.shouldQuit { return }
            }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                return  // the terminal went away (ssh dropped): nothing more will come
            }
            if fds.count > 1, fds[1].revents != 0 { watcher.drain() }
            // Cheap when nothing was appended: one fstat.
            if app.refresh() { dirty = true }
            if n == 0 { dirty = true }
        }
    }
}
