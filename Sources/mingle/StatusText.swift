import MingleCore
import MingleStore

/// `mingle status` for a person: the phase, the counts, the stalls, the introductions.
enum StatusText {
    static func render(_ store: Store) -> String {
        let s = store.state, r = s.room, h = r.headcounts
        var out = "\(store.config.title)  \(store.config.date)  \(store.config.venue)\n"
        out += "store: \(store.directory)\n"
        let since = r.phaseHistory.last.map { " since \($0.since.clock)" } ?? ""
        let plan = store.config.plan(for: r.phase).map { " (planned \($0.start), \($0.minutes) min)" } ?? ""
        out += "phase: \(r.phase.rawValue)\(since)\(plan)\n"
        out += "people: \(h.here) here, \(h.came) came of \(h.invited) invited, \(h.left) left, \(h.walkIns) walk-ins\n"
        if !r.stalls.isEmpty {
            out += "stalls:\n"
            for o in r.occupancy {
                let names = o.seated.map { r.people[$0].name }.joined(separator: "、")
                out += "  \(o.stall.id) \(o.stall.name): \(o.seated.count)/\(o.stall.seats)\(o.helpRequested ? "  ** asks for help **" : "")\(names.isEmpty ? "" : "  " + names)\n"
            }
        }
        let q = r.introQueue
        if let c = r.intro.current { out += "speaking: \(r.label(c))\n" }
        if !q.isEmpty || !r.intro.done.isEmpty {
            out += "introductions: \(r.intro.done.count) done, \(r.intro.skipped.count) skipped, \(q.count) waiting"
            out += q.isEmpty ? "\n" : ": " + q.prefix(5).map { r.people[$0].name }.joined(separator: ", ") + (q.count > 5 ? ", …" : "") + "\n"
        }
        if r.phase == .chat {
            out += "not at a stall: \(r.wanderers.count); new POs not yet seated: \(r.newNotYetSeated.count)\n"
        }
        if let m = r.messages.last { out += "last message (\(m.time.clock)): \(m.text)\n" }
        out += "log: \(s.history.count) events, last #\(s.lastSeq)"
        if !s.refused.isEmpty { out += ", \(s.refused.count) that no longer apply (see `mingle check`)" }
        return out
    }
}
