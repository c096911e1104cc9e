/// The reducer. Every case checks its guards first and changes nothing when it refuses, so a
/// refused event leaves the room exactly as it was.
extension Room {
    public mutating func apply(_ event: Event, at time: Timestamp, by author: Author) throws(Refusal) {
        switch event {
        case .checkIn(let id):
            let p = try requirePerson(id)
            let pr = presence[p]
            if pr.isHere {
                let at = pr.checkInTime.map { " at " + $0.clock } ?? ""
                let by = pr.checkInBy.map { " by " + $0 } ?? ""
                throw Refusal("\(label(p)) is already checked in\(at)\(by)")
            }
            presence[p].came = true
            presence[p].left = false
            presence[p].checkInTime = time
            presence[p].checkInBy = author.role
            presence[p].checkOutTime = nil
            queueIfNew(p)

        case .checkOut(let id):
            let p = try requirePerson(id)
            guard presence[p].isHere else {
                throw Refusal(presence[p].left ? "\(label(p)) has already left" : "\(label(p)) has not checked in")
            }
            endSeating(p, at: time)
            presence[p].left = true
            presence[p].checkOutTime = time

        case .walkIn(let person):
            guard !person.id.isEmpty else { throw Refusal("a walk-in needs an id") }
            guard personIndex[person.id] == nil else {
                throw Refusal("the id \(person.id) is already taken by \(label(personIndex[person.id]!))")
            }
            guard !person.name.isEmpty else { throw Refusal("a walk-in needs a name") }
            let p = people.count
            people.append(person)
            var pr = Presence()
            pr.came = true
            pr.walkedIn = true
            pr.checkInTime = time
            pr.checkInBy = author.role
            presence.append(pr)
            personIndex[person.id] = p
            queueIfNew(p)

        case .seat(let id, let stallID, let forced):
            let p = try requirePerson(id)
            let s = try requireStall(stallID)
            guard presence[p].isHere else { throw Refusal("\(label(p)) is not checked in") }
            if presence[p].stall == s { throw Refusal("\(label(p)) already sits at \(stalls[s].name)") }
            if !forced {
                guard phase == .chat else {
                    throw Refusal("seating opens with the open chat (now: \(phase.rawValue)); force it to seat anyway")
                }
                guard seated[s].count < stalls[s].seats else {
                    throw Refusal("\(stalls[s].name) is full (\(stalls[s].seats) seats); force it to seat anyway")
                }
            }
            endSeating(p, at: time)
            seated[s].append(p)
            presence[p].stall = s
            presence[p].seatedSince = time
            presence[p].openSeating = seatings.count
            seatings.append(Seating(person: p, stall: s, from: time, to: nil))

        case .unseat(let id):
            let p = try requirePerson(id)
            guard presence[p].stall != nil else { throw Refusal("\(label(p)) is not seated at any stall") }
            endSeating(p, at: time)

        case .phase(let from, let to, let move, let reason):
            guard from == phase else {
                throw Refusal("the phase is already \(phase.rawValue), not \(from.rawValue)")
            }
            switch move {
            case .next:
                guard to == phase.next else {
                    throw Refusal(phase.next == nil ? "the day is already closed" : "the phase after \(phase.rawValue) is \(phase.next!.rawValue)")
                }
            case .back:
                guard to == phase.previous else {
                    throw Refusal(phase.previous == nil ? "reception is the first phase" : "the phase before \(phase.rawValue) is \(phase.previous!.rawValue)")
                }
            case .jump:
                guard to != phase else { throw Refusal("the phase is already \(phase.rawValue)") }
                guard !reason.trimmedSpaces().isEmpty else { throw Refusal("a jump to \(to.rawValue) needs a reason") }
            }
            if phase == .chat && to > .chat {
                // The tables empty for the photo: close every seating so encounters stop counting.
                for s in seated.indices { for p in seated[s] { endSeating(p, at: time) } }
            }
            phase = to
            phaseHistory.append(PhaseRecord(phase: to, since: time, move: move, reason: reason))

        case .introStart(let id):
            let p = try requirePerson(id)
            guard phase == .introductions else { throw Refusal("introductions are not running (now: \(phase.rawValue))") }
            if let c = intro.current { throw Refusal("\(label(c)) is still speaking: mark done or skip first") }
            guard presence[p].isHere else { throw Refusal("\(label(p)) is not here") }
            guard !intro.done.contains(p) else { throw Refusal("\(label(p)) has already spoken") }
            if !intro.order.contains(p) { intro.order.append(p) }
            intro.skipped.removeAll { $0 == p }
            intro.current = p
            intro.currentSince = time

        case .introDone(let id):
            let p = try requirePerson(id)
            guard intro.current == p else { throw Refusal("\(label(p)) is not the current speaker") }
            intro.done.append(p)
            intro.current = nil
            intro.currentSince = nil

        case .introSkip(let id):
            let p = try requirePerson(id)
            guard intro.current == p || isQueued(p) else { throw Refusal("\(label(p)) is not waiting to speak") }
            if intro.current == p { intro.current = nil; intro.currentSince = nil }
            intro.skipped.append(p)

        case .introAdd(let id):
            let p = try requirePerson(id)
            guard presence[p].isHere else { throw Refusal("\(label(p)) is not here") }
            guard !intro.done.contains(p) else { throw Refusal("\(label(p)) has already spoken") }
            guard intro.current != p, !isQueued(p) else { throw Refusal("\(label(p)) is already in the queue") }
            intro.skipped.removeAll { $0 == p }
            intro.order.removeAll { $0 == p }
            intro.order.append(p)

        case .introMove(let id, let position):
            let p = try requirePerson(id)
            guard isQueued(p) else { throw Refusal("\(label(p)) is not waiting to speak") }
            let waiting = introQueue
            guard position >= 1, position <= waiting.count else {
                throw Refusal("position \(position) is outside the queue (1–\(waiting.count))")
            }
            // Place before the person now at that position (or after the last one).
            intro.order.removeAll { $0 == p }
            let rest = waiting.filter { $0 != p }
            if position - 1 < rest.count, let at = intro.order.firstIndex(of: rest[position - 1]) {
                intro.order.insert(p, at: at)
            } else if let last = rest.last, let at = intro.order.firstIndex(of: last) {
                intro.order.insert(p, at: at + 1)
            } else {
                intro.order.append(p)
            }

        case .help(let stallID, let on):
            let s = try requireStall(stallID)
            guard helpRequested[s] != on else {
                throw Refusal(on ? "\(stalls[s].name) has already asked for help" : "\(stalls[s].name) has not asked for help")
            }
            helpRequested[s] = on

        case .message(let text):
            guard !text.trimmedSpaces().isEmpty else { throw Refusal("the message is empty") }
            messages.append(RoomMessage(time: time, text: text, by: author.user))

        case .photoTaken:
            guard phase == .photo else { throw Refusal("the group photo is not now (now: \(phase.rawValue))") }
            photos.append(time)

        case .undo, .note:
            // Undo is resolved by State (it rebuilds the room without the cancelled event).
            break
        }
    }

    /// "王小明 (衛福部)": how a person is named in messages.
    public func label(_ p: Int) -> String {
        let person = people[p]
        return person.ministry.isEmpty ? person.name : "\(person.name) (\(person.ministry))"
    }

    func requirePerson(_ id: String) throws(Refusal) -> Int {
        guard let p = personIndex[id] else { throw Refusal("nobody has the id \(id)") }
        return p
    }

    func requireStall(_ id: String) throws(Refusal) -> Int {
        guard let s = stallIndex[id] else { throw Refusal("there is no stall \(id)") }
        return s
    }

    func isQueued(_ p: Int) -> Bool {
        intro.order.contains(p) && intro.current != p && !intro.done.contains(p) && !intro.skipped.contains(p)
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
