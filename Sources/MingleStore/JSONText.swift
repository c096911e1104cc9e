import Foundation
import MingleCore

/// Every JSON mingle prints or writes (status --json, the exports): sorted keys, slashes as they
/// are, and nothing in it that a terminal would act on (Sanitizer.jsonEscaped).
public enum JSONText {
    public static func render(_ object: Any, pretty: Bool) -> String {
        let options: JSONSerialization.WritingOptions = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: options)) ?? Data()
        return Sanitizer.jsonEscaped(String(decoding: data, as: UTF8.self))
    }
}
