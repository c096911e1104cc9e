/// What a user saw when they pressed a key: the facts an action was decided on. Under the log's
/// lock the state now is checked against them (`State.staleness`); when another terminal changed
/// one in between, the action is refused with what changed and who changed it, and nothing is
/// written, instead of acting on what is true now but was never seen (issue 16: two timekeepers
/// pressing Space at once finished one speaker and skipped the next).
public enum Seen: Equatable, Hashable, Sendable {
    /// The speaker on screen (an id), or nobody.
    case speaker(String?)
    /// Where the person sat as shown: a stall id, or at no stall.
    case seat(person: String, stall: String?)
    /// How many group photos were taken, as shown.
    case photos(Int)
    /// The phase as shown.
    case phase(Phase)
}

/// A fact that no longer holds, as the refusal says it.
public enum Changed: Equatable, Sendable {
    /// The speaker shown finished (or was skipped); `now` speaks instead, if anyone.
    case speakerFinished(who: String, now: String?)
    /// Someone started speaking while nobody was shown.
    case speakerStarted(who: String)
    /// The person moved: to another stall (its name), or away from every stall.
    case moved(who: String, to: String?)
    case photoTaken
    case phaseMoved(to: Phase)
}

extension State {
    /// Nil when every fact still holds; else the refusal for the first that does not, naming the
    /// event that changed it (who, when). Pure: asked by the store under the lock.
    public func staleness(_ saw: [Seen]) -> Refusal? {
        let r = room
        for fact in saw {
            let changed: Changed?
            switch fact {
            case .speaker(let id):
                let current = r.intro.current.map { r.people[$0].id }
                guard current != id else { continue }
                if let id, let p = r.index(ofPerson: id) {
                    changed = .speakerFinished(who: r.label(p), now: r.intro.current.map(r.label))
                } else if let c = r.intro.current {
                    changed = .speakerStarted(who: r.label(c))
                } else {
                    changed = .speakerFinished(who: id ?? "", now: nil)
                }
            case .seat(let id, let stall):
                guard let p = r.index(ofPerson: id) else { continue }
                let now = r.presence[p].stall.map { r.stalls[$0].id }
                guard now != stall else { continue }
                changed = .moved(who: r.label(p), to: r.presence[p].stall.map { r.stalls[$0].name })
            case .photos(let n):
                guard r.photos.count != n else { continue }
                changed = .photoTaken
            case .phase(let phase):
                guard r.phase != phase else { continue }
                changed = .phaseMoved(to: r.phase)
            }
            guard let changed else { continue }
            let last = lastEvent(touching: fact)
            return Refusal(.changedMeanwhile(changed, by: last?.author, at: last?.time))
        }
        return nil
    }

    /// The newest event that bears on `fact` (an undo of one too): who changed it, and when.
    func lastEvent(touching fact: Seen) -> LoggedEvent? {
        func touches(_ e: Event) -> Bool {
            switch (fact, e) {
            case (.speaker, .introStart), (.speaker, .introDone), (.speaker, .introSkip), (.speaker, .phase): true
            case (.seat(let id, _), .seat(let p, _, _)), (.seat(let id, _), .unseat(let p)), (.seat(let id, _), .checkOut(let p)): id == p
            case (.seat, .phase): true
            case (.photos, .photoTaken), (.phase, .phase): true
            case (_, .undo(let seq)): event(seq: seq).map { touches($0.event) } ?? false
            default: false
            }
        }
        return history.last { touches($0.event) }
    }
}
