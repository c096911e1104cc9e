import Foundation
import MingleCore
import MingleStore

/// `mingle status --json`: the contract in docs/design.md. Extra keys may be added; none removed.
enum StatusJSON {
    static func object(_ store: Store) -> [String: Any] {
        let s = store.state, r = s.room
        let people: [[String: Any]] = r.people.indices.map { i in
            let p = r.people[i], pr = r.presence[i]
            return [
                "id": p.id, "name": p.name, "ministry": p.ministry, "role": p.role.rawValue,
                "checked_in": pr.came, "checked_out": pr.left,
                "stall": pr.stall.map { r.stalls[$0].id as Any } ?? NSNull(),
                "walk_in": pr.walkedIn,
            ]
        }
        let stalls: [[String: Any]] = r.occupancy.map { o in
            ["id": o.stall.id, "name": o.stall.name, "seats": o.stall.seats,
             "seated": o.seated.map { r.people[$0].id }, "help_requested": o.helpRequested]
        }
        let ids = { (list: [Int]) in list.map { r.people[$0].id } }
        let h = r.headcounts
        return [
            "title": store.config.title,
            "phase": r.phase.rawValue,
            "people": people,
            "stalls": stalls,
            "introductions": [
                "current": r.intro.current.map { r.people[$0].id as Any } ?? NSNull(),
                "done": ids(r.intro.done), "skipped": ids(r.intro.skipped), "queue": ids(r.introQueue),
            ] as [String: Any],
            "headcounts": ["invited": h.invited, "came": h.came, "here": h.here, "left": h.left, "walk_ins": h.walkIns],
            "log": ["events": s.history.count, "last_seq": s.lastSeq, "refused": s.refused.count],
        ]
    }

    static func render(_ store: Store) -> String {
        JSONText.render(object(store), pretty: false)
    }
}
