import MingleCore

/// The bundled sample event that `mingle init --sample` and `mingle demo` open: 80 POs from 33
/// ministries, 8 stalls hosted by senior POs, the four phases after reception. The names are
/// made up for this project (common surnames with common given names), not real people.
public enum SampleEvent {
    static let ministries = [
        "內政部", "外交部", "國防部", "財政部", "教育部", "法務部", "經濟部", "交通部", "勞動部",
        "農業部", "衛福部", "環境部", "文化部", "數位部", "國發會", "國科會", "陸委會", "金管會",
        "海委會", "僑委會", "退輔會", "原民會", "客委會", "工程會", "主計總處", "人事總處", "中央銀行",
        "故宮", "中選會", "公平會", "通傳會", "核安會", "運動部",
    ]

    static let surnames = Array("陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾游彭詹胡施沈余盧梁趙顏柯翁魏孫戴").map(String.init)
    static let givenNames = [
        "怡君", "雅婷", "家豪", "志明", "淑芬", "冠宇", "佳穎", "俊傑", "美玲", "建宏", "宜蓁", "承翰",
        "欣怡", "宗翰", "婉婷", "柏翰", "思妤", "育誠", "雅琪", "彥廷", "惠雯", "明哲", "靜怡", "信宏",
        "詩涵", "冠廷", "郁婷", "家銘", "佩君", "子軒", "筱涵", "文彬", "慧君", "哲瑋", "秀英", "國榮",
        "品妤", "耀文", "玉珍", "凱文",
    ]
    /// A few names that are not two-plus-one Han characters, as real rosters have.
    static let otherNames = ["Yapit Tali", "歐陽靜宜", "Sakinu Kaliting", "司馬中原"]

    public static var people: [Person] {
        var rng = SplitMix64(seed: 2026)
        var used = Set<String>(), out: [Person] = []
        let roles: [Role] = Array(repeating: .new, count: 26) + Array(repeating: .senior, count: 44)
            + Array(repeating: .staff, count: 6) + Array(repeating: .guest, count: 4)
        for (i, role) in roles.enumerated() {
            var name: String
            if i % 20 == 7, out.count / 20 < otherNames.count {
                name = otherNames[out.count / 20]
            } else {
                repeat {
                    name = surnames[Int(rng.next() % UInt64(surnames.count))] + givenNames[Int(rng.next() % UInt64(givenNames.count))]
                } while used.contains(name)
            }
            used.insert(name)
            let ministry = role == .staff ? "PDIS" : ministries[i % ministries.count]
            let title = role == .senior ? "參與官" : role == .new ? "新任參與官" : role == .staff ? "工作人員" : "來賓"
            out.append(Person(id: String(format3: i + 1), name: name, ministry: ministry, role: role,
                              email: "", title: title))
        }
        return out
    }

    public static var config: EventConfig {
        let stallNames = ["開放政府", "公共參與", "數位治理", "跨域協作", "青年參與", "審議民主", "資料開放", "社會創新"]
        // Owners are senior POs: ids P027… (the first senior is the 27th person).
        let stalls = stallNames.enumerated().map { i, name in
            Stall(id: "S\(i + 1)", name: name, owners: [String(format3: 27 + i * 2)], seats: 8)
        }
        return EventConfig(
            title: "公共參與官交流午茶", date: "2026-12-04", venue: "行政院青年咖啡館", language: "zh-TW",
            phases: [
                PlannedPhase(phase: .reception, start: ClockTime(hour: 13, minute: 30), minutes: 30),
                PlannedPhase(phase: .opening, start: ClockTime(hour: 14, minute: 0), minutes: 15),
                PlannedPhase(phase: .introductions, start: ClockTime(hour: 14, minute: 15), minutes: 40, secondsPerSpeaker: 60),
                PlannedPhase(phase: .chat, start: ClockTime(hour: 14, minute: 55), minutes: 60),
                PlannedPhase(phase: .photo, start: ClockTime(hour: 15, minute: 55), minutes: 15),
            ],
            stalls: stalls, encounterMinutes: 10)
    }

    /// An empty event for `mingle init` without --sample: the phases, no stalls, no people.
    public static var emptyConfig: EventConfig {
        var c = config
        c.title = "交流活動"
        c.venue = ""
        c.stalls = []
        return c
    }
}

extension String {
    /// "P007": the sample's ids.
    init(format3 n: Int) {
        let digits = Swift.String(n)
        self = "P" + Swift.String(repeating: "0", count: Swift.max(0, 3 - digits.count)) + digits
    }
}

/// A small, fast, seedable random generator, so a seed always gives the same day.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
