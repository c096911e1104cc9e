#if canImport(Glibc)
import Glibc
#endif

/// Wakes up when something in the store folder changes: inotify on the folder (editors and
/// `repair` replace files by rename, so the folder, not the file, is watched), with a polling
/// fallback where inotify is not available. The caller then calls `Store.refresh()`.
public final class LogWatcher {
    private let fd: Int32
    public let usesInotify: Bool
    private let pollInterval: Double

    public init(directory: String, pollInterval: Double = 0.1, forcePolling: Bool = false) {
        self.pollInterval = pollInterval
        var fd: Int32 = -1
        if !forcePolling {
            fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if fd >= 0 {
                let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB)
                if inotify_add_watch(fd, directory, mask) < 0 { close(fd); fd = -1 }
            }
        }
        self.fd = fd
        usesInotify = fd >= 0
    }

    deinit { if fd >= 0 { close(fd) } }

    /// The descriptor a run loop can poll() with the keyboard; -1 when polling.
    public var descriptor: Int32 { fd }

    /// Waits up to `timeout` seconds. True when the folder changed (or, when polling, when the
    /// poll interval passed: the caller's refresh() is cheap when nothing changed).
    public func wait(timeout: Double) -> Bool {
        guard fd >= 0 else {
            usleep(useconds_t(min(timeout, pollInterval) * 1_000_000))
            return true
        }
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let r = poll(&p, 1, Int32(timeout * 1000))
        guard r > 0 else { return false }
        drain()
        return true
    }

    /// Reads and drops pending notifications.
    public func drain() {
        guard fd >= 0 else { return }
        var buf = [UInt8](repeating: 0, count: 4096)
        while buf.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
    }
}
