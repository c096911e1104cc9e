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
        if !Posix.isDirectory(dir) {
            guard mkdir(dir, 0o700) == 0 else { throw .io("cannot make the folder \(dir): \(Posix.errorText())") }
            Posix.syncDirectory(of: dir)
        }
        let mode = Posix.fileMode(forDirectory: dir)
        try Posix.createFile(dir + "/" + ConfigFile.fileName, Array(ConfigFile.render(config).utf8), mode: mode)
        try Posix.createFile(dir + "/" + RosterFile.fileName, RosterFile.render(roster), mode: mode)
        try Posix.createFile(dir + "/" + Store.logName, [], mode: mode)
    }
}
