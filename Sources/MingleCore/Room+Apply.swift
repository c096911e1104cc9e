/// The reducer: `check` decides (Room+Rules.swift), then the event's effects are made. A refused
/// event leaves the room exactly as it was.
extension Room {
    public mutating func apply(_ event: Event, at time: Timestamp, by author: Author) throws(Refusal) {
        let t = try check(event)
        switch event {
        case .checkIn:
            let p = t.person!
            presence[p].came = true
            presence[p].left = false
            presence[p].checkInTime = time
            presence[p].checkInBy = author
            presence[p].checkOutTime = nil
            queueIfNew(p)

        case .checkOut:
            let p = t.person!
            endSeating(p, at: time)
            presence[p].left = true
            presence[p].checkOutTime = time
            presence[p].checkOutBy = author

        case .walkIn(let person):
            let p = people.count
            people.append(person)
            var pr = Presence()
            pr.came = true
            pr.walkedIn = true
            pr.checkInTime = time
            pr.checkInBy = author
            presence.append(pr)
            personIndex[person.id] = p
            queueIfNew(p)

        case .seat:
            let p = t.person!, s = t.stall!
            endSeating(p, at: time)
            seated[s].append(p)
            presence[p].stall = s
            presence[p].seatedSince = time
            presence[p].openSeating = seatings.count
            seatings.append(Seating(person: p, stall: s, from: time, to: nil))

        case .unseat:
            endSeating(t.person!, at: time)

        case .phase(_, let to, let move, let reason):
            if phase == .chat && to > .chat {
                // The tables empty for the photo: close every seating so encounters stop counting.
                for s in seated.indices { for p in seated[s] { endSeating(p, at: time) } }
            }
            phase = to
            phaseHistory.append(PhaseRecord(phase: to, since: time, move: move, reason: reason))

        case .introStart:
            let p = t.person!
            if !intro.order.contains(p) { intro.order.append(p) }
            intro.skipped.removeAll { $0 == p }
            intro.current = p
            intro.currentSince = time

        case .introDone:
            intro.done.append(t.person!)
            intro.current = nil
            intro.currentSince = nil

        case .introSkip:
            let p = t.person!
            if intro.current == p { intro.current = nil; intro.currentSince = nil }
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

        case .message(let text):
            messages.append(RoomMessage(time: time, text: text, by: author.user))

        case .photoTaken:
            photos.append(time)

        case .undo, .note:
            break
        }
    }

    private mutating func queueIfNew(_ p: Int) {
        if people[p].role == .new, !intro.order.contains(p) { intro.order.append(p) }
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
