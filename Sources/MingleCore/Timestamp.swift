/// A moment as written in the log: milliseconds since the Unix epoch plus the writer's UTC offset,
/// so the log reads in local time ("2026-11-27T14:03:12.123+08:00") and still sorts by instant.
/// Formatting and parsing are done here by hand: the log parser must read ≥1M lines/s.
public struct Timestamp: Equatable, Hashable, Comparable, Sendable {
    public var millis: Int64
    public var offsetMinutes: Int

    public init(millis: Int64, offsetMinutes: Int = 0) {
        self.millis = millis
        self.offsetMinutes = offsetMinutes
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.millis < b.millis }

    public func adding(seconds: Int) -> Timestamp {
        Timestamp(millis: millis + Int64(seconds) * 1000, offsetMinutes: offsetMinutes)
    }

    /// Local wall-clock fields at the writer's offset.
    public var local: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, milli: Int) {
        let localMillis = millis + Int64(offsetMinutes) * 60_000
        var days = localMillis / 86_400_000
        var rem = localMillis % 86_400_000
        if rem < 0 { rem += 86_400_000; days -= 1 }
        let (y, m, d) = Timestamp.civil(fromDays: Int(days))
        let ms = Int(rem)
        return (y, m, d, ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
    }

    /// "14:03", for messages to a host.
    public var clock: String {
        let l = local
        return pad2(l.hour) + ":" + pad2(l.minute)
    }

    /// "2026-12-04 14:03", for a report read another day.
    public var dateAndClock: String {
        let l = local
        return String(l.year) + "-" + pad2(l.month) + "-" + pad2(l.day) + " " + pad2(l.hour) + ":" + pad2(l.minute)
    }

    /// "20261204-140312": local time for the names of files set aside next to the log.
    public var fileStamp: String {
        let l = local
        return String(l.year) + pad2(l.month) + pad2(l.day) + "-" + pad2(l.hour) + pad2(l.minute) + pad2(l.second)
    }

    /// ISO 8601 with milliseconds and offset.
    public var iso8601: String {
        let l = local
        var s = String(l.year) + "-" + pad2(l.month) + "-" + pad2(l.day) + "T"
        s += pad2(l.hour) + ":" + pad2(l.minute) + ":" + pad2(l.second) + "."
        s += (l.milli < 100 ? "0" : "") + (l.milli < 10 ? "0" : "") + String(l.milli)
        let o = abs(offsetMinutes)
        s += (offsetMinutes < 0 ? "-" : "+") + pad2(o / 60) + ":" + pad2(o % 60)
        return s
    }

    /// Parses exactly the form `iso8601` writes (also without milliseconds, and with "Z").
    public static func parse(_ text: String) -> Timestamp? {
        var t = text
        return t.withUTF8 { parse($0) }
    }

    /// The hot path of log replay: bytes in, no allocation.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var i = 0
        func num(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                let c = b[k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c &- 48)
            }
            i += n
            return v
        }
        func lit(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let y = num(4), lit(45), let mo = num(2), lit(45), let d = num(2), lit(84),
              let h = num(2), lit(58), let mi = num(2), lit(58), let s = num(2) else { return nil }
        var ms = 0
        if lit(46) { guard let v = num(3) else { return nil }; ms = v }
        var offset = 0
        if !lit(90) {
            let sign: Int
            if lit(43) { sign = 1 } else if lit(45) { sign = -1 } else { return nil }
            guard let oh = num(2), lit(58), let om = num(2) else { return nil }
            offset = sign * (oh * 60 + om)
        }
        guard i == b.count, (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
        else { return nil }
        let days = Int64(civilDays(year: y, month: mo, day: d))
        let local = ((days * 24 + Int64(h)) * 60 + Int64(mi)) * 60_000 + Int64(s) * 1000 + Int64(ms)
        return Timestamp(millis: local - Int64(offset) * 60_000, offsetMinutes: offset)
    }

    // Howard Hinnant's days-from-civil and its inverse.
    static func civilDays(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

private func pad2(_ v: Int) -> String { v < 10 ? "0" + String(v) : String(v) }

/// How far two clocks are apart, in words for a host: "3 h 2 min", "9,000 years".
public enum ClockSkew {
    public static func words(_ millis: Int64, chinese: Bool = false) -> String {
        let minutes = (abs(millis) + 30_000) / 60_000
        let days = minutes / 1440
        if days >= 730 {
            let years = days / 365
            return chinese ? "\(years) 年" : "\(years) years"
        }
        if days >= 2 { return chinese ? "\(days) 天" : "\(days) days" }
        let h = minutes / 60, m = minutes % 60
        if chinese { return h > 0 ? "\(h) 小時 \(m) 分" : "\(m) 分鐘" }
        return h > 0 ? "\(h) h \(m) min" : "\(m) min"
    }
}
