#if canImport(Glibc)
import Glibc
#endif

/// Why this user cannot use a store folder the way they need to: which path, what is missing,
/// and what would fix it. The command line says it in English (`description`); the screens say
/// it in their language from the same fields.
public struct AccessProblem: Equatable, Sendable, CustomStringConvertible {
    public enum Need: String, Sendable { case read, write, enter }

    /// What would fix it, in order of how often it is the answer on the day.
    public enum Fix: Equatable, Sendable {
        /// The user owns the path but took the permission away from themselves.
        case ownerMode
        /// The user is in the path's group, but the group may not do it: the owner grants it.
        case grantGroup(owner: String, group: String)
        /// The group may do it, but the user is not in it.
        case joinGroup(group: String)
        /// Neither: the owner shares the folder with a group first (docs/sharing.md).
        case shareWithGroup(owner: String)
        /// The disk or mount is read-only: nobody can write, whatever the modes say.
        case readOnlyDisk
    }

    public var path: String
    public var need: Need
    public var user: String
    public var fix: Fix

    public init(path: String, need: Need, user: String, fix: Fix) {
        self.path = path
        self.need = need
        self.user = user
        self.fix = fix
    }

    /// The chmod letters the fix needs: to read a file r; to write one rw; to open a folder rx;
    /// to put files in a folder rwx.
    public var modeLetters: String {
        switch need {
        case .read: "r"
        case .write: Posix.isDirectory(path) ? "rwx" : "rw"
        case .enter: "rx"
        }
    }

    public var description: String {
        let what: String
        switch need {
        case .read: what = "cannot read \(path)"
        case .write: what = "cannot write to \(path)"
        case .enter: what = "cannot open the folder \(path)"
        }
        let advice: String
        switch fix {
        case .ownerMode:
            advice = "it is yours; allow yourself with: chmod u+\(modeLetters) \(path)"
        case .grantGroup(let owner, let group):
            advice = "\(owner) (the owner) can allow the group \(group) with: chmod g+\(modeLetters) \(path)"
        case .joinGroup(let group):
            advice = "join the group \(group) (an administrator runs: sudo usermod -aG \(group) \(user)), then log in again"
        case .shareWithGroup(let owner):
            advice = "\(owner) (the owner) can share the store with a group: see docs/sharing.md"
        case .readOnlyDisk:
            advice = "the disk is read-only; copy the store to a disk that can be written"
        }
        return "Permission problem: the user \(user) \(what). To fix it: \(advice)."
    }
}

public enum StoreAccess {
    /// The first thing that keeps this user from using the store folder: entering it, reading its
    /// three files, and — when `write` — adding to the log and putting files next to it (set-aside
    /// torn ends, repair copies). Nil when all is well.
    public static func problem(directory: String, write: Bool) -> AccessProblem? {
        var checks: [(String, AccessProblem.Need)] = [(directory, .enter)]
        for name in [ConfigFile.fileName, RosterFile.fileName, Store.logName] { checks.append((directory + "/" + name, .read)) }
        // Writing needs the log only; files put beside it (a torn end set aside, repair) are rare
        // and say so themselves when they cannot be made.
        if write { checks.append((directory + "/" + Store.logName, .write)) }
        for (path, need) in checks {
            let mode: Int32 = need == .read ? R_OK : need == .enter ? X_OK : W_OK
            // A missing file is not a permission problem; opening the store reports it.
            guard Posix.exists(path) || need == .enter else { continue }
            if access(path, mode) != 0 {
                if errno == ENOENT { continue }
                return problem(path: path, need: need, readOnly: errno == EROFS)
            }
        }
        return nil
    }

    /// Why this user cannot even look into `directory`: the first folder on the way that they may
    /// not enter. (Otherwise the system says "no such file", and a host would be told there is
    /// no store, when there is one they may not open.)
    public static func openProblem(directory: String) -> AccessProblem? {
        var st = stat()
        if stat(directory, &st) == 0 {
            return access(directory, X_OK) == 0 ? nil : problem(path: directory, need: .enter)
        }
        guard errno == EACCES else { return nil }
        var path = directory.hasPrefix("/") ? "" : "."
        for part in directory.split(separator: "/") {
            path += "/" + part
            if access(path, X_OK) != 0 { return problem(path: path, need: .enter) }
        }
        return nil
    }

    /// Who owns `path`, its group, and whether this user is in that group decide the advice.
    public static func problem(path: String, need: AccessProblem.Need, readOnly: Bool = false) -> AccessProblem {
        let user = userName(geteuid())
        guard !readOnly else { return AccessProblem(path: path, need: need, user: user, fix: .readOnlyDisk) }
        var st = stat()
        guard stat(path, &st) == 0 else { return AccessProblem(path: path, need: need, user: user, fix: .shareWithGroup(owner: "?")) }
        let owner = userName(st.st_uid), group = groupName(st.st_gid)
        let groupBit: mode_t = need == .read ? S_IRGRP : need == .enter ? S_IXGRP : S_IWGRP
        let groupMay = st.st_mode & groupBit != 0
        let fix: AccessProblem.Fix
        if st.st_uid == geteuid() {
            fix = .ownerMode
        } else if isMember(of: st.st_gid) {
            fix = .grantGroup(owner: owner, group: group)
        } else if groupMay {
            fix = .joinGroup(group: group)
        } else {
            fix = .shareWithGroup(owner: owner)
        }
        return AccessProblem(path: path, need: need, user: user, fix: fix)
    }

    public static func userName(_ uid: uid_t) -> String {
        guard let pw = getpwuid(uid), let name = pw.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }

    static func groupName(_ gid: gid_t) -> String {
        guard let gr = getgrgid(gid), let name = gr.pointee.gr_name else { return "gid \(gid)" }
        return String(cString: name)
    }

    static func isMember(of gid: gid_t) -> Bool {
        if getegid() == gid { return true }
        let n = getgroups(0, nil)
        guard n > 0 else { return false }
        var groups = [gid_t](repeating: 0, count: Int(n))
        let got = getgroups(n, &groups)
        return groups.prefix(Int(max(0, got))).contains(gid)
    }

    /// Who else can put files into the store folder (and so change the record of the day).
    public enum Exposure: Equatable, Sendable {
        /// The group may write: how a shared store works (docs/sharing.md); said, not refused.
        case group(name: String)
        /// Anyone on this computer may put files into the store folder (o+w, sticky or not: an
        /// outsider's file there would be theirs), or rename it away from a folder above it (o+w
        /// without the sticky bit) and put another in its place: refused, naming `path`.
        case everyone(path: String)
    }

    public static func exposure(directory: String) -> Exposure? {
        var st = stat()
        guard stat(directory, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { return nil }
        if st.st_mode & S_IWOTH != 0 { return .everyone(path: directory) }
        if let above = swappable(from: Posix.directoryName(realPath(directory))) { return .everyone(path: above) }
        if st.st_mode & S_IWGRP != 0 { return .group(name: groupName(st.st_gid)) }
        return nil
    }

    /// The first folder from `folder` up to / in which anyone may rename what is not theirs
    /// (o+w without the sticky bit, unlike /tmp), or nil.
    static func swappable(from folder: String) -> String? {
        var above = folder
        while true {
            var a = stat()
            if stat(above, &a) == 0, a.st_mode & S_IWOTH != 0, a.st_mode & S_ISVTX == 0 { return above }
            if above == "/" || above == "." || above.isEmpty { return nil }
            above = Posix.directoryName(above)
        }
    }

    static func realPath(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Throws the refusal when anyone may write into the store folder or swap it. For a folder
    /// not made yet, the folders it will be made in.
    public static func refuseIfEveryoneMayWrite(_ directory: String) throws(StoreError) {
        if Posix.isDirectory(directory) {
            if case .everyone(let path) = exposure(directory: directory) { throw everyoneMayWrite(path) }
        } else if let above = swappable(from: realPath(Posix.directoryName(directory))) {
            throw everyoneMayWrite(above)
        }
    }

    /// The refusal for a folder anyone may write into, with the fix.
    public static func everyoneMayWrite(_ path: String) -> StoreError {
        .damaged(file: path, line: 0,
                 problem: "anyone on this computer can put files into this folder (it is writable by all users), and so could change the day's record, swap the store for another, or read everyone's names; mingle will not use a store there",
                 remedy: "Allow only yourself, or your group (docs/sharing.md): chmod o-w \(path)")
    }

    /// The note for a folder the group may write into.
    public static func groupMayWrite(_ directory: String, group: String) -> String {
        "Note: members of the group \(group) can write into \(directory): each of them can change the record of the day "
            + "(that is how a shared store works; docs/sharing.md says what they can and cannot do)."
    }
}
