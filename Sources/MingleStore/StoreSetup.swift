#if canImport(Glibc)
import Glibc
#endif
import MingleCore

/// `mingle init`: makes a store folder holding event.toml, roster.csv and an empty events.log.
public enum StoreSetup {
    public static func create(at dir: String, config: EventConfig, roster: [Person]) throws(StoreError) {
        if Posix.exists(dir + "/" + ConfigFile.fileName) {
            throw .usage("\(dir) already holds a store (\(ConfigFile.fileName) is there); nothing was changed")
        }
        try StoreAccess.refuseIfEveryoneMayWrite(dir)
        if !Posix.isDirectory(dir) {
            if let p = StoreAccess.openProblem(directory: Posix.directoryName(dir)) { throw .access(p) }
            guard mkdir(dir, 0o700) == 0 else {
                if errno == EACCES || errno == EPERM || errno == EROFS {
                    throw .access(StoreAccess.problem(path: Posix.directoryName(dir), need: .write, readOnly: errno == EROFS))
                }
                throw .io("cannot make the folder \(dir): \(Posix.errorText())")
            }
            // Inside a folder shared with a group (setgid), the store is shared the same way:
            // the folder's group, 2770, whatever this user's umask says.
            var parent = stat()
            if stat(Posix.directoryName(dir), &parent) == 0, parent.st_mode & S_ISGID != 0 {
                _ = chown(dir, uid_t.max, parent.st_gid)
                chmod(dir, 0o2770)
            }
            Posix.syncDirectory(of: dir)
        }
        let mode = Posix.fileMode(forDirectory: dir)
        try Posix.createFile(dir + "/" + ConfigFile.fileName, Array(ConfigFile.render(config).utf8), mode: mode)
        try Posix.createFile(dir + "/" + RosterFile.fileName, RosterFile.render(roster), mode: mode)
        try Posix.createFile(dir + "/" + Store.logName, [], mode: mode)
    }
}
