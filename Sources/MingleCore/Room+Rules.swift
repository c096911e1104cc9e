/// The rules: whether an event may happen in the room as it is now. Reads only, so a writer can
/// ask without copying the room; `apply` asks the same question before it changes anything.
extension Room {
    public func check(_ event: Event) throws(Refusal) {
        switch event {
        case .checkIn(let id):
            let p = try requirePerson(id)
            let pr = presence[p]
            if pr.isHere {
                let at = pr.checkInTime.map { " at " + $0.clock } ?? ""
                let by = pr.checkInBy.map { " by " + $0 } ?? ""
                throw Refusal("\(label(p)) is already checked in\(at)\(by)")
            }

        case .checkOut(let id):
            let p = try requirePerson(id)
            guard presence[p].isHere else {
                throw Refusal(presence[p].left ? "\(label(p)) has already left" : "\(label(p)) has not checked in")
            }

        case .walkIn(let person):
            guard !person.id.isEmpty else { throw Refusal("a walk-in needs an id") }
            if let other = personIndex[person.id] { throw Refusal("the id \(person.id) is already taken by \(label(other))") }
            guard !person.name.isEmpty else { throw Refusal("a walk-in needs a name") }

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

        case .unseat(let id):
            let p = try requirePerson(id)
            guard presence[p].stall != nil else { throw Refusal("\(label(p)) is not seated at any stall") }

        case .phase(let from, let to, let move, let reason):
            guard from == phase else { throw Refusal("the phase is already \(phase.rawValue), not \(from.rawValue)") }
            switch move {
            case .next:
                guard let next = phase.next else { throw Refusal("the day is already closed") }
                guard to == next else { throw Refusal("the phase after \(phase.rawValue) is \(next.rawValue)") }
            case .back:
                guard let previous = phase.previous else { throw Refusal("reception is the first phase") }
                guard to == previous else { throw Refusal("the phase before \(phase.rawValue) is \(previous.rawValue)") }
            case .jump:
                guard to != phase else { throw Refusal("the phase is already \(phase.rawValue)") }
                guard !reason.trimmedSpaces().isEmpty else { throw Refusal("a jump to \(to.rawValue) needs a reason") }
            }

        case .introStart(let id):
            let p = try requirePerson(id)
            guard phase == .introductions else { throw Refusal("introductions are not running (now: \(phase.rawValue))") }
            if let c = intro.current { throw Refusal("\(label(c)) is still speaking: mark done or skip first") }
            guard presence[p].isHere else { throw Refusal("\(label(p)) is not here") }
            guard !intro.done.contains(p) else { throw Refusal("\(label(p)) has already spoken") }

        case .introDone(let id):
            let p = try requirePerson(id)
            guard intro.current == p else { throw Refusal("\(label(p)) is not the current speaker") }

        case .introSkip(let id):
            let p = try requirePerson(id)
            guard intro.current == p || isQueued(p) else { throw Refusal("\(label(p)) is not waiting to speak") }

        case .introAdd(let id):
            let p = try requirePerson(id)
            guard presence[p].isHere else { throw Refusal("\(label(p)) is not here") }
            guard !intro.done.contains(p) else { throw Refusal("\(label(p)) has already spoken") }
            guard intro.current != p, !isQueued(p) else { throw Refusal("\(label(p)) is already in the queue") }

        case .introMove(let id, let position):
            let p = try requirePerson(id)
            guard isQueued(p) else { throw Refusal("\(label(p)) is not waiting to speak") }
            let waiting = introQueue.count
            guard position >= 1, position <= waiting else {
                throw Refusal("position \(position) is outside the queue (1–\(waiting))")
            }

        case .help(let stallID, let on):
            let s = try requireStall(stallID)
            guard helpRequested[s] != on else {
                throw Refusal(on ? "\(stalls[s].name) has already asked for help" : "\(stalls[s].name) has not asked for help")
            }

        case .message(let text):
            guard !text.trimmedSpaces().isEmpty else { throw Refusal("the message is empty") }

        case .photoTaken:
            guard phase == .photo else { throw Refusal("the group photo is not now (now: \(phase.rawValue))") }

        case .undo, .note:
            // Undo is checked and resolved by State: it rebuilds the room without the cancelled event.
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
}
