#if canImport(Glibc)
import Glibc
#endif
import MingleCore

/// The one way mingle opens and writes files, for every writer (store, roster, config, repair,
/// access, exports, paper, tags). A store folder is shared with a group whose members can put
/// anything in it (docs/sharing.md), so:
/// - a temporary file is created exclusively (O_EXCL|O_NOFOLLOW: a link or file planted at its
///   name is never followed or reused) with the final mode from the start (0600, or 0660 in a
///   group store; the umask can only narrow it, and fchmod sets it before a byte is written);
/// - a file is only ever replaced by rename, and only when it is an ordinary file: a symlink,
///   FIFO, device or folder at the target is refused with the reason;
/// - a store file is opened without following a link, and without waiting on a FIFO.
extension Posix {
    /// Reads a whole ordinary file; nil with errno set when it cannot be (ELOOP: a symlink and
    /// `followLink` is false; ENODEV: a FIFO, device or socket; EISDIR: a folder). A FIFO is
    /// opened without blocking, so nobody can hang a screen with `mkfifo roster.csv`.
    /// `followLink`: true only for a file the user named on the command line (an import's CSV,
    /// a key file); never for a file in the store.
    public static func readFile(_ path: String, followLink: Bool = false) -> [UInt8]? {
        guard let fd = openRegular(path, O_RDONLY, followLink: followLink) else { return nil }
        defer { close(fd) }
        return readAll(fd: fd, from: 0)
    }

    /// Opens an existing file only if it is an ordinary file (see `readFile`), with `flags`
    /// (O_RDONLY, O_RDWR|O_APPEND…). The descriptor is blocking again once it is known not to be
    /// a FIFO.
    static func openRegular(_ path: String, _ flags: Int32, followLink: Bool = false) -> Int32? {
        let fd = open(path, flags | O_NONBLOCK | O_CLOEXEC | (followLink ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0 else { let e = errno; close(fd); errno = e; return nil }
        guard st.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            errno = st.st_mode & S_IFMT == S_IFDIR ? EISDIR : ENODEV
            return nil
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// Why `path` may not be replaced by a new file: nil when nothing is there or an ordinary
    /// file is (a symlink is refused, not followed: renaming over it would keep the data away
    /// from where the user looks, and following it writes wherever it points).
    static func replaceRefusal(_ path: String) -> String? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFLNK: return "\(path) is a symbolic link; mingle writes no file through a link (someone may have put it there to make mingle write another file). Remove it, or name another file."
        case S_IFDIR: return "\(path) is a folder; name a file."
        case S_IFCHR, S_IFBLK:
            return "\(path) is a device, not an ordinary file, and mingle never replaces one. To throw the output away, leave out --out and add > /dev/null."
        default: return "\(path) is not an ordinary file (a FIFO or a socket); mingle replaces only ordinary files. Name another file."
        }
    }

    /// Writes a new file completely and durably in place of `path`: an exclusive temporary file
    /// beside it with `mode`, fsync, rename, fsync the folder. The folder named in `path` may be
    /// reached through links the user chose (`--out ~/Desktop/x.csv`); the file itself never is.
    /// `durable: false` skips the fsyncs, for a record that may fall behind after a crash.
    public static func writeFileAtomically(_ path: String, _ bytes: [UInt8], mode: mode_t, durable: Bool = true) throws(StoreError) {
        let dir = directoryName(path)
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { throw .io("cannot write \(path): \(errorText()) (\(dir))") }
        defer { close(dfd) }
        try writeFileAtomically(in: dfd, folder: dir, name: baseName(path), bytes, mode: mode, durable: durable)
    }

    /// The same, in a folder already opened (a store's `print/`, opened without following a link).
    public static func writeFileAtomically(in dfd: Int32, folder: String, name: String, _ bytes: [UInt8], mode: mode_t,
                                           durable: Bool = true) throws(StoreError) {
        let path = folder == "/" ? "/" + name : folder + "/" + name
        if let why = replaceRefusal(path) { throw .usage(why) }
        let (fd, temp) = try createExclusive(in: dfd, folder: folder, stem: name + ".tmp-\(getpid())", mode: mode)
        var ok = writeAll(fd: fd, bytes, calls: .system) && (!durable || fsync(fd) == 0)
        var err = errno
        close(fd)
        if ok {
            ok = renameat(dfd, temp, dfd, name) == 0
            err = errno
        }
        guard ok else {
            unlinkat(dfd, temp, 0)
            throw .io("cannot write \(path): \(errorText(err))")
        }
        if durable { fsync(dfd) }
    }

    /// Creates a new file that must not exist yet (the store's three files at `init`, a torn end
    /// set aside, repair's copies), exclusively and with `mode`. With `unique`, a name already
    /// taken gets "-2", "-3"… instead of failing (two set-asides in one second). A file that
    /// could not be written whole is removed, never left empty. Returns the path written.
    @discardableResult
    static func createFile(_ path: String, _ bytes: [UInt8], mode: mode_t, unique: Bool = false, calls: FileCalls = .system) throws(StoreError) -> String {
        var candidate = path
        for n in 2...100 {
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd < 0 {
                if errno == EEXIST && unique { candidate = path + "-\(n)"; continue }
                throw .io("cannot create \(candidate): \(errorText())")
            }
            fchmod(fd, mode)
            let ok = writeAll(fd: fd, bytes, calls: calls) && calls.fsync(fd) == 0
            let err = errno
            close(fd)
            guard ok else {
                unlink(candidate)
                throw .io("cannot write \(candidate): \(errorText(err)); nothing was left behind")
            }
            syncDirectory(of: candidate)
            return candidate
        }
        throw .io("cannot create \(path): 100 files of that name are already there")
    }

    /// An exclusive new file in `dfd`: `stem` first, then `stem-` and a random suffix while a
    /// name is taken (by a leftover, or planted). Its mode is `mode` before anything is written.
    private static func createExclusive(in dfd: Int32, folder: String, stem: String, mode: mode_t) throws(StoreError) -> (Int32, String) {
        var name = stem
        for _ in 0..<32 {
            let fd = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 {
                fchmod(fd, mode)
                return (fd, name)
            }
            guard errno == EEXIST else { throw .io("cannot write in \(folder): \(errorText())") }
            name = stem + "-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        }
        throw .io("cannot write in \(folder): every temporary name tried was taken (someone is putting files there)")
    }

    /// A folder mingle writes into (a store's `print/`, a report's folder): made with `mode` if
    /// missing, else it must be a real folder, not a link to one. Returns its descriptor, opened
    /// without following a link, so a link swapped in later is never written through.
    public static func openFolder(_ path: String, creatingWith mode: mode_t) throws(StoreError) -> Int32 {
        if mkdir(path, mode) == 0 {
            chmod(path, mode)  // the umask may have narrowed it; nothing is in it yet
        } else if errno != EEXIST {
            throw .io("cannot make the folder \(path): \(errorText())")
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let e = errno
            throw .usage(e == ELOOP || e == ENOTDIR
                ? "\(path) is a symbolic link or a file, not a folder; mingle writes no file through a link. Remove it and try again."
                : "cannot open the folder \(path): \(errorText(e))")
        }
        return fd
    }

    /// The time by the clock of the disk holding `folder`, in milliseconds since 1970: the
    /// kernel (or the file server) stamps a new file with it, whatever this process's clock says.
    /// An unnamed file (O_TMPFILE) is made, looked at and dropped. Nil where that cannot be done.
    public static func fileSystemNow(in folder: String) -> Int64? {
        let fd = open(folder, Int32(0o20_200_000) | O_WRONLY | O_CLOEXEC, 0o600)  // O_TMPFILE
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        return Int64(st.st_mtim.tv_sec) * 1000 + Int64(st.st_mtim.tv_nsec / 1_000_000)
    }

    public static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
