import Foundation

/// Drives the real binary in tmux: a private tmux server per test (its own socket), keys sent with
/// `send-keys` (`-l` for Chinese text), the screen read with `capture-pane`. Waits poll the pane
/// for what should appear, never sleep for a fixed time.
final class Tmux {
    let socket = "mingle-test-\(UUID().uuidString.prefix(8))"

    init(command: String, columns: Int = 80, rows: Int = 24, env: [String: String] = [:]) throws {
        let envPart = env.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        // Keep the pane after the program exits, so its last words can be read.
        try run(["new-session", "-d", "-s", "t", "-x", "\(columns)", "-y", "\(rows)", "env \(envPart) \(command); echo EXIT=$?; sleep 600"])
    }

    deinit { _ = try? run(["kill-server"]) }

    /// tmux through posix_spawn and waitpid. Foundation's Process is not used here: the tmux
    /// server that new-session starts inherits what Process watches, and waitUntilExit never returns.
    @discardableResult
    func run(_ args: [String]) throws -> String {
        let argv = (["tmux", "-L", socket, "-f", "/dev/null"] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var fds: [Int32] = [-1, -1]
        let capture = ["capture-pane", "display-message", "list-windows"].contains(args.first ?? "")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        if capture {
            guard pipe(&fds) == 0 else { throw POSIXError(.EIO) }
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        // The test runner's threads block signals; a tmux server started from here would pass that
        // mask on to the program in the pane (no SIGWINCH on resize). Start it with a clean one.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        guard posix_spawnp(&pid, "tmux", &actions, &attr, argv, environ) == 0 else { throw POSIXError(.ENOENT) }
        var out: [UInt8] = []
        if capture {
            close(fds[1])
            var buf = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = read(fds[0], &buf, buf.count)
                if n <= 0 { break }
                out += buf[0..<n]
            }
            close(fds[0])
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return String(decoding: out, as: UTF8.self)
    }

    func keys(_ keys: String..., window: String = "t") throws { try run(["send-keys", "-t", target(window)] + keys) }
    func type(_ text: String, window: String = "t") throws { try run(["send-keys", "-t", target(window), "-l", text]) }
    /// The pane as text. A window is named `t:NAME`, so it is never taken for a session.
    func screen(_ window: String = "t") throws -> String { try run(["capture-pane", "-p", "-t", target(window)]) }

    func target(_ window: String) -> String { window == "t" ? "t" : "t:" + window }
    func display(_ format: String, window: String = "t") throws -> String {
        try run(["display-message", "-p", "-t", target(window), format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the pane shows `text`; returns the seconds it took, or nil after `timeout`.
    @discardableResult
    /// Returns how long it took to appear, once the pane has also stopped changing: a frame goes
    /// out in several writes, and a capture taken between them is half of one.
    func waitFor(_ text: String, window: String = "t", timeout: Double = 10) throws -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            if try screen(window).contains(text) {
                let took = Date().timeIntervalSince(start)
                try settle(window)
                return took
            }
            usleep(10_000)
        }
        return nil
    }

    /// Waits (up to a second) until two looks 30 ms apart see the same pane.
    func settle(_ window: String = "t") throws {
        var last = try screen(window)
        for _ in 0..<33 {
            usleep(30_000)
            let now = try screen(window)
            if now == last { return }
            last = now
        }
    }

    /// Waits until the whole pane passes `test`; returns the last screen seen either way.
    @discardableResult
    func waitUntil(window: String = "t", timeout: Double = 10, _ test: (String) -> Bool) throws -> (ok: Bool, screen: String) {
        let start = Date()
        var last = ""
        while Date().timeIntervalSince(start) < timeout {
            last = try screen(window)
            if test(last) { return (true, last) }
            usleep(10_000)
        }
        return (false, last)
    }

    /// The pane without its status line, whose clock may turn over a minute between two looks.
    static func body(_ screen: String) -> [Substring] {
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return Array(lines.dropLast())
    }

    /// A second window (a second terminal on the same store). Made again if tmux did not make it:
    /// on a loaded machine a new-window has been seen to come back without a window.
    func newWindow(_ name: String, command: String) throws {
        for _ in 0..<5 {
            try run(["new-window", "-d", "-n", name, "-t", "t:", command + "; echo EXIT=$?; sleep 600"])
            for _ in 0..<50 {
                if try run(["list-windows", "-t", "t", "-F", "#{window_name}"]).split(separator: "\n").contains(Substring(name)) { return }
                usleep(20_000)
            }
        }
        throw POSIXError(.ENOENT)
    }
}
