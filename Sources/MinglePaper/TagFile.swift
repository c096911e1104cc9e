import Foundation
import MingleCore
import MingleStore

/// One person's tag as a one-page file under the store's `print/` folder, for reception's F9:
/// open it in the browser and print, while the next guest is checked in.
public enum TagFile {
    public static let folder = "print"

    /// "print/tag-W003.html": the id with anything but letters, digits, - and _ made "_", so no id
    /// can name a file outside the folder.
    public static func relativePath(for id: String) -> String {
        let safe = String(id.unicodeScalars.map { u -> Character in
            (u.properties.isAlphabetic && u.isASCII) || ("0"..."9").contains(u) || u == "-" || u == "_" ? Character(u) : "_"
        })
        return "\(folder)/tag-\(safe.isEmpty ? "_" : safe).html"
    }

    /// Writes the tag (atomically) and returns its absolute path. The folder is made if missing
    /// (it takes the store's group where the store folder is setgid).
    public static func write(_ person: Person, config: EventConfig, store directory: String) throws(StoreError) -> String {
        let base = URL(fileURLWithPath: directory).standardizedFileURL
        let dir = base.appendingPathComponent(folder)
        let file = base.appendingPathComponent(relativePath(for: person.id))
        if !FileManager.default.fileExists(atPath: dir.path) {
            guard mkdir(dir.path, 0o770) == 0 || errno == EEXIST else { throw .io("cannot make the folder \(dir.path): \(Posix.errorText())") }
        }
        let html = Badges.html([person], config: config)
        do { try Data(html.utf8).write(to: file, options: .atomic) } catch {
            throw .io("cannot write \(file.path): \(Posix.errorText())")
        }
        return file.path
    }
}
