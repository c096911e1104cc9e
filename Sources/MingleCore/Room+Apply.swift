/// The reducer: `check` decides (Room+Rules.swift), then the event's effects are made. A refused
/// event leaves the room exactly as it was.
extension Room {
    public mutating func apply(_ event: Event, at time: Timestamp, by author: Author) throws(Refusal) {
        let t = try check(event)
        if dayStart == nil { dayStart = time }
        lastEventAt = time
        switch event {
        case .checkIn:
            let p = t.person!
            presence[p].came = true
            presence[p].left = false
            presence[p].checkInTime = time
            checkedInBy[p] = author
            presence[p].checkOutTime = nil
            queueIfNew(p)

        case .checkOut:
            let p = t.person!
            endSeating(p, at: time)
            // A speaker who leaves stops speaking; back later, they wait in the queue again.
            if intro.current == p { endTurn(.left, at: time) }
            presence[p].left = true
            presence[p].checkOutTime = time
            checkedOutBy[p] = author

        case .walkIn(let person):
            let p = people.count
            people.append(person)
            var pr = Presence()
            pr.came = true
            pr.walkedIn = true
            pr.checkInTime = time
            presence.append(pr)
            checkedInBy.append(author)
            checkedOutBy.append(nil)
            personIndex[person.id] = p
            queueIfNew(p)

        case .seat:
            let p = t.person!
            endSeating(p, at: time)
            startSeating(p, at: t.stall!, time: time)

        case .unseat:
            endSeating(t.person!, at: time)

        case .phase(_, let to, let move, let reason):
            let plan = phasePlan(to: to, move: move)
            var record = PhaseRecord(phase: to, since: time, move: move, reason: reason)
            for seat in plan.leave { endSeating(seat.person, at: time) }
            record.leftStalls = plan.leave
            if let p = plan.endTurnOf {
                endTurn(.phaseEnded, at: time)
                intro.done.append(p)
                record.endedTurnOf = p
            }
            for seat in plan.back { startSeating(seat.person, at: seat.stall, time: time) }
            if let p = plan.resumeTurnOf { resumeTurn(of: p, at: time) }
            if to == .introductions, config.introOrder == .roster, !phaseHistory.contains(where: { $0.phase == .introductions }) {
                // Roster order for everyone queued so far; whoever arrives later joins at the end.
                intro.order.sort()
            }
            phase = to
            phaseHistory.append(record)

        case .introStart:
            let p = t.person!
            if !intro.order.contains(p) { intro.order.append(p) }
            intro.skipped.removeAll { $0 == p }
            intro.current = p
            intro.currentSince = time
            intro.turns.append(Turn(person: p, start: time, end: nil, outcome: .speaking))

        case .introDone:
            endTurn(.done, at: time)
            intro.done.append(t.person!)

        case .introSkip:
            let p = t.person!
            if intro.current == p { endTurn(.skipped, at: time) }
            intro.skipped.append(p)

        case .introAdd:
            let p = t.person!
            intro.skipped.removeAll { $0 == p }
            intro.order.removeAll { $0 == p }
            intro.order.append(p)

        case .introMove(_, let position):
            // Place before the person now at that position (or after the last one).
            let p = t.person!
            let rest = introQueue.filter { $0 != p }
            intro.order.removeAll { $0 == p }
            if position - 1 < rest.count, let at = intro.order.firstIndex(of: rest[position - 1]) {
                intro.order.insert(p, at: at)
            } else if let last = rest.last, let at = intro.order.firstIndex(of: last) {
                intro.order.insert(p, at: at + 1)
            } else {
                intro.order.append(p)
            }

        case .help(_, let on):
            helpRequested[t.stall!] = on
            helpRequestedBy[t.stall!] = on ? author : nil
            helpRequestedAt[t.stall!] = on ? time : nil
            helpClearedBy[t.stall!] = on ? nil : Cleared(author: author, at: time)
            if on {
                helpLog.append(HelpRequest(stall: t.stall!, askedAt: time, askedBy: author))
            } else if let i = helpLog.lastIndex(where: { $0.stall == t.stall! && $0.cleared == nil }) {
                helpLog[i].cleared = Cleared(author: author, at: time)
            }

        case .message(let text):
            let m = RoomMessage(time: time, text: text, by: author.user)
            messages.append(m)
            messageShown = text.trimmedSpaces().isEmpty ? nil : m

        case .plan(let p, let minutes):
            planExtra[p, default: 0] += minutes

        case .photoTaken:
            photos.append(time)

        case .badgePrinted:
            presence[t.person!].badgePrintedAt = time

        case .undo, .note:
            break
        }
    }

    private mutating func queueIfNew(_ p: Int) {
        if people[p].role == .new, !intro.order.contains(p) { intro.order.append(p) }
    }

    private mutating func startSeating(_ p: Int, at s: Int, time: Timestamp) {
        seated[s].append(p)
        presence[p].stall = s
        presence[p].seatedSince = time
        presence[p].openSeating = seatings.count
        presence[p].lastSeating = seatings.count
        seatings.append(Seating(person: p, stall: s, from: time, to: nil))
    }

    /// The current speaker's turn ends (done, skipped, or with the introductions).
    private mutating func endTurn(_ outcome: Turn.Outcome, at time: Timestamp) {
        if let i = intro.turns.lastIndex(where: { $0.person == intro.current && $0.end == nil }) {
            intro.turns[i].end = time
            intro.turns[i].outcome = outcome
        }
        intro.current = nil
        intro.currentSince = nil
    }

    /// Going back into the introductions: the speaker whose turn the move out ended speaks again,
    /// in a new turn from now (the time out of the introductions is not counted as speaking).
    private mutating func resumeTurn(of p: Int, at time: Timestamp) {
        intro.done.removeAll { $0 == p }
        intro.current = p
        intro.currentSince = time
        intro.turns.append(Turn(person: p, start: time, end: nil, outcome: .speaking))
    }

    private mutating func endSeating(_ p: Int, at time: Timestamp) {
        guard let s = presence[p].stall else { return }
        seated[s].removeAll { $0 == p }
        presence[p].stall = nil
        presence[p].seatedSince = nil
        if let i = presence[p].openSeating { seatings[i].to = time }
        presence[p].openSeating = nil
    }
}
