import Foundation
import MingleCore
import MingleStore

/// One person's tag as a one-page file under the store's `print/` folder, for reception's F9:
/// open it in the browser and print, while the next guest is checked in.
public enum TagFile {
    public static let folder = "print"

    /// "print/tag-W003.html": capital letters, digits and - as they are, every other byte of the
    /// id as _XX (its hex), so no id can name a file outside the folder and two ids never share
    /// a file ("a/b" is tag-_61_2f_62, "a_b" tag-_61_5f_62), not even on a disk that ignores case
    /// ("A1" tag-A1, "a1" tag-_611).
    public static func relativePath(for id: String) -> String {
        var safe = ""
        for b in id.utf8 {
            let u = Unicode.Scalar(b)
            if ("A"..."Z").contains(u) || ("0"..."9").contains(u) || u == "-" { safe.unicodeScalars.append(u) }
            else { safe += "_" + (b < 16 ? "0" : "") + String(b, radix: 16) }
        }
        return "\(folder)/tag-\(safe.isEmpty ? "_" : safe).html"
    }

    /// Writes the tag (atomically) and returns its absolute path. The folder is made if missing
    /// (it takes the store's group where the store folder is setgid).
    /// Written by the one safe writer with the store's mode (0600, 0660 in a group store); a
    /// `print` that is a link, not a folder, is refused, never followed.
    public static func write(_ person: Person, config: EventConfig, store directory: String) throws(StoreError) -> String {
        let base = URL(fileURLWithPath: directory).standardizedFileURL.path
        let dir = base + "/" + folder
        let mode = Posix.fileMode(forDirectory: base)
        let dfd = try Posix.openFolder(dir, creatingWith: mode | 0o100 | (mode & 0o060 != 0 ? 0o010 : 0))
        defer { close(dfd) }
        let name = Posix.baseName(relativePath(for: person.id))
        try Posix.writeFileAtomically(in: dfd, folder: dir, name: name, Array(Badges.html([person], config: config).utf8), mode: mode)
        return dir + "/" + name
    }
}
