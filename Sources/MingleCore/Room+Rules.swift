/// The rules: whether an event may happen in the room as it is now. Reads only, so a writer can
/// ask without copying the room; `apply` asks the same question before it changes anything.
extension Room {
    /// The person and stall an event names, found once by `check` and used by `apply`.
    public struct Targets: Sendable {
        public var person: Int?
        public var stall: Int?
    }

    @discardableResult
    public func check(_ event: Event) throws(Refusal) -> Targets {
        var t = Targets()
        switch event {
        case .checkIn(let id):
            let p = try requirePerson(id)
            t.person = p
            let pr = presence[p]
            if pr.isHere { throw Refusal(.alreadyCheckedIn(who: label(p), at: pr.checkInTime?.clock, by: checkedInBy[p])) }

        case .checkOut(let id):
            let p = try requirePerson(id)
            t.person = p
            guard presence[p].isHere else {
                let pr = presence[p]
                throw Refusal(pr.left ? .alreadyLeft(who: label(p), at: pr.checkOutTime?.clock, by: checkedOutBy[p]) : .notCheckedIn(who: label(p)))
            }

        case .walkIn(let person):
            guard !person.id.isEmpty else { throw Refusal(.walkInNeedsID) }
            if let other = personIndex[person.id] { throw Refusal(.idTaken(id: person.id, by: label(other))) }
            guard !person.name.isEmpty else { throw Refusal(.walkInNeedsName) }

        case .seat(let id, let stallID, let forced):
            let p = try requirePerson(id)
            t.person = p
            let s = try requireStall(stallID)
            t.stall = s
            guard presence[p].isHere else { throw Refusal(.notCheckedIn(who: label(p))) }
            if presence[p].stall == s { throw Refusal(.alreadySeated(who: label(p), stall: stalls[s].name)) }
            if !forced {
                guard phase == .chat else {
                    throw Refusal(.seatingNotOpen(now: phase))
                }
                guard seated[s].count < stalls[s].seats else {
                    throw Refusal(.stallFull(stall: stalls[s].name, seats: stalls[s].seats))
                }
            }

        case .unseat(let id):
            let p = try requirePerson(id)
            t.person = p
            guard presence[p].stall != nil else { throw Refusal(.notSeated(who: label(p))) }

        case .phase(let from, let to, let move, let reason):
            guard from == phase else { throw Refusal(.phaseIsAlready(now: phase, expected: from)) }
            switch move {
            case .next:
                guard let next = phase.next else { throw Refusal(.dayClosed) }
                guard to == next else { throw Refusal(.phaseAfter(phase, is: next)) }
            case .back:
                guard let previous = phase.previous else { throw Refusal(.firstPhase) }
                guard to == previous else { throw Refusal(.phaseBefore(phase, is: previous)) }
            case .jump:
                guard to != phase else { throw Refusal(.samePhase(phase)) }
                guard !reason.trimmedSpaces().isEmpty else { throw Refusal(.jumpNeedsReason(to: to)) }
            }

        case .introStart(let id):
            let p = try requirePerson(id)
            t.person = p
            guard phase == .introductions else { throw Refusal(.introductionsNotRunning(now: phase)) }
            if let c = intro.current { throw Refusal(.stillSpeaking(who: label(c))) }
            guard presence[p].isHere else { throw Refusal(.notHere(who: label(p))) }
            guard !intro.done.contains(p) else { throw Refusal(.alreadySpoke(who: label(p))) }

        case .introDone(let id):
            let p = try requirePerson(id)
            t.person = p
            guard intro.current == p else { throw Refusal(.notCurrentSpeaker(who: label(p))) }

        case .introSkip(let id):
            let p = try requirePerson(id)
            t.person = p
            guard intro.current == p || isQueued(p) else { throw Refusal(.notWaiting(who: label(p))) }

        case .introAdd(let id):
            let p = try requirePerson(id)
            t.person = p
            guard presence[p].isHere else { throw Refusal(.notHere(who: label(p))) }
            guard !intro.done.contains(p) else { throw Refusal(.alreadySpoke(who: label(p))) }
            guard intro.current != p, !isQueued(p) else { throw Refusal(.alreadyQueued(who: label(p))) }

        case .introMove(let id, let position):
            let p = try requirePerson(id)
            t.person = p
            guard isQueued(p) else { throw Refusal(.notWaiting(who: label(p))) }
            let waiting = introQueue.count
            guard position >= 1, position <= waiting else {
                throw Refusal(.positionOutside(position, count: waiting))
            }

        case .help(let stallID, let on):
            let s = try requireStall(stallID)
            t.stall = s
            guard helpRequested[s] != on else {
                throw Refusal(on ? .helpAlreadyOn(stall: stalls[s].name, by: helpRequestedBy[s]) : .helpNotOn(stall: stalls[s].name))
            }

        case .message(let text):
            // An empty message clears the one on the board; there must be one to clear.
            if text.trimmedSpaces().isEmpty, messageShown == nil { throw Refusal(.noMessageShown) }

        case .plan(let p, let minutes):
            guard let planned = config.plan(for: p) else { throw Refusal(.phaseNotPlanned(p)) }
            guard minutes != 0 else { throw Refusal(.planUnchanged) }
            let length = planned.minutes + (planExtra[p] ?? 0) + minutes
            guard length >= 1 else { throw Refusal(.planTooShort(p, minutes: planned.minutes + (planExtra[p] ?? 0))) }

        case .badgePrinted(let id):
            t.person = try requirePerson(id)

        case .photoTaken:
            guard phase == .photo else { throw Refusal(.photoNotNow(now: phase)) }

        case .undo, .note:
            // Undo is checked and resolved by State: it rebuilds the room without the cancelled event.
            break
        }
        return t
    }

    /// "王小明 (衛福部)": how a person is named in messages.
    public func label(_ p: Int) -> String {
        let person = people[p]
        return person.ministry.isEmpty ? person.name : "\(person.name) (\(person.ministry))"
    }

    func requirePerson(_ id: String) throws(Refusal) -> Int {
        guard let p = personIndex[id] else { throw Refusal(.unknownPerson(id: id)) }
        return p
    }

    func requireStall(_ id: String) throws(Refusal) -> Int {
        guard let s = stallIndex[id] else { throw Refusal(.unknownStall(id: id)) }
        return s
    }

    func isQueued(_ p: Int) -> Bool {
        intro.order.contains(p) && intro.current != p && !intro.done.contains(p) && !intro.skipped.contains(p)
    }
}
