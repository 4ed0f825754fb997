import AuthModel

extension MemberRecord {
    /// The member as the plan knows it, for an answer: the request's trace numbers returned as referenced.
    func answer(echoing requested: Member) -> Member {
        var m = Member(memberId: memberID, memberIdKind: .memberId, lastName: lastName, firstName: firstName,
                       dateOfBirth: CalendarDate(birthDate), gender: gender == "M" ? .male : gender == "F" ? .female : .unknown)
        m.traceNumbers = requested.traceNumbers.map { $0.echoed() }
        m.relationship = requested.relationship
        m.identityCorrected = false
        return m
    }
}

extension Member {
    /// The member echoed in a rejection: as sent, with the rejection and trace numbers returned as referenced.
    func rejected(_ rejection: Rejection) -> Member {
        var m = self
        m.traceNumbers = traceNumbers.map { $0.echoed() }
        m.dates = []
        m.diagnoses = []
        m.rejections = [rejection]
        return m
    }
}

extension Provider {
    /// A person or an organization named by a `Last, First` or organization display name.
    static func named(_ name: String, role: EntityRole, npi: String?) -> Provider {
        let parts = name.split(separator: ",", maxSplits: 1).map(trimmingSpaces)
        if parts.count == 2, !parts[1].isEmpty {
            return Provider(role: role, entityType: .person, lastName: parts[0], firstName: parts[1], npi: npi)
        }
        return Provider(role: role, entityType: .organization, organizationName: name, npi: npi)
    }

    /// `text` without the spaces and tabs around it (what `trimmingCharacters(in: .whitespaces)` removes, without
    /// the Foundation bridge: this runs once per eligibility answer).
    static func trimmingSpaces(_ text: Substring) -> String {
        func isSpace(_ c: Character) -> Bool {
            c.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
        }
        var t = text
        while let f = t.first, isSpace(f) { t = t.dropFirst() }
        while let l = t.last, isSpace(l) { t = t.dropLast() }
        return String(t)
    }
}
