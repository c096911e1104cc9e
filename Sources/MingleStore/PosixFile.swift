#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MingleCore

/// The few system calls the store makes, as values, so tests can inject a full disk or a failing
/// fsync and check that no partial line is left behind.
public struct FileCalls: Sendable {
    public var write: @Sendable (Int32, UnsafeRawPointer, Int) -> Int
    public var fsync: @Sendable (Int32) -> Int32

    public init(write: @escaping @Sendable (Int32, UnsafeRawPointer, Int) -> Int,
                fsync: @escaping @Sendable (Int32) -> Int32) {
        self.write = write
        self.fsync = fsync
    }

    public static let system = FileCalls(
        write: { fd, p, n in Glibc.write(fd, p, n) },
        fsync: { fd in Glibc.fsync(fd) }
    )
}

public enum Posix {
    public static func errorText(_ code: Int32 = errno) -> String {
        switch code {
        case ENOSPC: "the disk is full"
        case EDQUOT: "the disk quota is used up"
        case EACCES, EPERM: "permission denied"
        case EROFS: "the disk is read-only"
        case ENOENT: "no such file or folder"
        case EIO: "the disk reported an input/output error"
        case ELOOP: "it is a symbolic link, and mingle follows no link in a store (someone may have put it there to make mingle read or write another file): put the real file in its place"
        case ENODEV: "it is not an ordinary file (a FIFO, a device or a socket): put the real file in its place"
        case EISDIR: "it is a folder, not a file"
        default: String(cString: strerror(code))
        }
    }

    /// 0660 when the store folder is shared with a group (group-writable or setgid), else 0600.
    /// Set with fchmod after creation, so the caller's umask never decides who can read names.
    public static func fileMode(forDirectory dir: String) -> mode_t {
        var st = stat()
        guard stat(dir, &st) == 0 else { return 0o600 }
        return (st.st_mode & S_IWGRP) != 0 || (st.st_mode & S_ISGID) != 0 ? 0o660 : 0o600
    }

    /// What identifies a version of a file: a change in any of these means it was written or
    /// replaced since (editors save by writing a new file and renaming it over the old one).
    struct FileStamp: Equatable {
        var device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

        init?(_ path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            self.init(st)
        }

        init?(fd: Int32) {
            var st = stat()
            guard fstat(fd, &st) == 0 else { return nil }
            self.init(st)
        }

        private init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
            size = Int64(st.st_size)
            seconds = Int(st.st_mtim.tv_sec)
            nanoseconds = Int(st.st_mtim.tv_nsec)
        }
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// True when the file system holding `path` is mounted read-only.
    static func isReadOnlyMount(_ path: String) -> Bool {
        var st = statvfs()
        return statvfs(path, &st) == 0 && st.f_flag & UInt(ST_RDONLY) != 0
    }

    static func inode(_ path: String) -> ino_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_ino : nil
    }

    static func inode(fd: Int32) -> ino_t? {
        var st = stat()
        return fstat(fd, &st) == 0 ? st.st_ino : nil
    }

    static func size(fd: Int32) -> Int? {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : nil
    }

    /// Reads from `offset` to the end of the file as it is now, straight into the array (the
    /// log is read whole on every start: no chunk copies). Bytes appended meanwhile are left for
    /// the next read.
    static func readAll(fd: Int32, from offset: Int) -> [UInt8]? {
        guard let size = size(fd: fd) else { return nil }
        let want = max(0, size - offset)
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: want) { buf, count in
            var done = 0
            while done < want {
                let r = pread(fd, buf.baseAddress! + done, want - done, off_t(offset + done))
                if r < 0 && errno == EINTR { continue }
                if r < 0 { failed = true; break }
                if r == 0 { break }
                done += r
            }
            count = done
        }
        return failed ? nil : out
    }

    static func writeAll(fd: Int32, _ bytes: [UInt8], calls: FileCalls) -> Bool {
        bytes.withUnsafeBytes { buf in
            var done = 0
            while done < buf.count {
                let n = calls.write(fd, buf.baseAddress! + done, buf.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
    }

    /// Makes a new directory entry durable.
    static func syncDirectory(of path: String) {
        let dir = directoryName(path)
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    public static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public static func now() -> Timestamp {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        var t = time_t(ts.tv_sec)
        var local = tm()
        localtime_r(&t, &local)
        return Timestamp(millis: Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec / 1_000_000),
                         offsetMinutes: Int(local.tm_gmtoff / 60))
    }
}
