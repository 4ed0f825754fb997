import AuthModel

/// Finds the member a request names, the way CAQH CORE asks names to be compared, and says why when it cannot.
///
/// Names are compared after normalization (CORE rule 258): upper case, punctuation and spaces removed, and a
/// trailing suffix (`JR`, `SR`, `II`, `III`, `IV`, …) or leading title (`MR`, `DR`, …) dropped. A request may
/// omit the first name or the birth date; what it sends must match.
///
/// Rejection codes: `72` invalid or missing member ID, `75` subscriber not found, `73` name does not match,
/// `71` birth date does not match; for a dependent `77` subscriber found, patient not found.
public enum MemberMatcher {
    /// The outcome of a match.
    public enum Match: Sendable, Equatable {
        /// The member on file.
        case found(MemberRecord)
        /// Why not.
        case rejected(Rejection)
    }

    /// Matches the subscriber (or a patient sent with a member ID of its own).
    public static func matchSubscriber(_ m: Member, in session: any GatewaySession) throws -> Match {
        guard let id = m.memberId, isPlausibleID(id) else { return .rejected(reject("72")) }
        guard let record = try session.member(id) else { return .rejected(reject("75")) }
        if !namesMatch(m, record) { return .rejected(reject("73")) }
        if let dob = m.dateOfBirth, dob.description != record.birthDate { return .rejected(reject("71")) }
        return .found(record)
    }

    /// Matches a dependent without an ID of its own among the subscriber's dependents (by name, then birth date).
    public static func matchDependent(_ d: Member, subscriber: MemberRecord, in session: any GatewaySession) throws -> Match {
        if let id = d.memberId, isPlausibleID(id), let own = try session.member(id) {
            if !namesMatch(d, own) { return .rejected(reject("73")) }
            if let dob = d.dateOfBirth, dob.description != own.birthDate { return .rejected(reject("71")) }
            return .found(own)
        }
        let named = try session.dependents(subscriberID: subscriber.memberID).filter { namesMatch(d, $0) }
        guard !named.isEmpty else { return .rejected(reject("77")) }
        guard let dob = d.dateOfBirth else { return named.count == 1 ? .found(named[0]) : .rejected(reject("58")) }
        guard let hit = named.first(where: { $0.birthDate == dob.description }) else { return .rejected(reject("71")) }
        return .found(hit)
    }

    /// `true` when the last names match and, if both are given, the first names too.
    static func namesMatch(_ m: Member, _ r: MemberRecord) -> Bool {
        guard let last = m.lastName, normalize(last) == normalize(r.lastName) else { return false }
        if let first = m.firstName, !normalize(first).isEmpty, normalize(first) != normalize(r.firstName) { return false }
        return true
    }

    private static let suffixes: Set<String> = ["JR", "SR", "I", "II", "III", "IV", "V", "MD", "PHD", "DDS", "ESQ", "RN"]
    private static let titles: Set<String> = ["MR", "MRS", "MS", "MISS", "DR"]

    /// The CORE-normalized form of a name: upper-case letters and digits only, without suffix or title.
    public static func normalize(_ name: String) -> String {
        // ASCII fast path: upper-case letters and digits, tokens split at spaces and commas.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var tokens: [[UInt8]] = [[]]
            for b in name.utf8 {
                switch b {
                case UInt8(ascii: " "), UInt8(ascii: ","): if !tokens[tokens.count - 1].isEmpty { tokens.append([]) }
                case UInt8(ascii: "a")...UInt8(ascii: "z"): tokens[tokens.count - 1].append(b - 32)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): tokens[tokens.count - 1].append(b)
                default: break
                }
            }
            var words = tokens.filter { !$0.isEmpty }.map { String(decoding: $0, as: UTF8.self) }
            if words.count > 1, let last = words.last, suffixes.contains(last) { words.removeLast() }
            if words.count > 1, let first = words.first, titles.contains(first) { words.removeFirst() }
            return words.joined()
        }
        var tokens = name.uppercased().split(whereSeparator: { $0 == " " || $0 == "," })
            .map { $0.filter { $0.isLetter || $0.isNumber } }.filter { !$0.isEmpty }
        if tokens.count > 1, let last = tokens.last, suffixes.contains(last) { tokens.removeLast() }
        if tokens.count > 1, let first = tokens.first, titles.contains(first) { tokens.removeFirst() }
        return tokens.joined()
    }

    private static func isPlausibleID(_ id: String) -> Bool {
        (2...80).contains(id.utf8.count) && id.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 }
    }

    private static func reject(_ code: String) -> Rejection {
        Rejection(validRequest: false, reasonCode: code, followUpAction: .correctAndResubmit)
    }

    /// The subscriber and, when asked about, the dependent, matched together.
    public enum PatientMatch: Sendable, Equatable {
        /// Both found: the patient's row, and the members as the answer returns them (`dependent` when asked).
        case found(patient: MemberRecord, subscriber: Member, dependent: Member?)
        /// Not found: the members as the answer returns them, the rejection on the one that failed.
        case rejected(subscriber: Member, dependent: Member?)
    }

    /// Matches the subscriber, then the dependent (if any) among the subscriber's dependents.
    public static func matchPatient(subscriber s: Member, dependent d: Member?, in session: any GatewaySession) throws -> PatientMatch {
        switch try matchSubscriber(s, in: session) {
        case .rejected(let r):
            return .rejected(subscriber: s.rejected(r), dependent: nil)
        case .found(let sub):
            let subscriberAnswer = sub.answer(echoing: s)
            guard let d else { return .found(patient: sub, subscriber: subscriberAnswer, dependent: nil) }
            switch try matchDependent(d, subscriber: sub, in: session) {
            case .rejected(let r):
                return .rejected(subscriber: subscriberAnswer, dependent: d.rejected(r))
            case .found(let dep):
                var answer = dep.answer(echoing: d)
                answer.memberId = nil   // 2100D/2010D carry no ID: a dependent with an ID of its own is sent as a subscriber
                answer.memberIdKind = nil
                answer.relationship = d.relationship ?? Relationship(storeValue: dep.relationship)
                return .found(patient: dep, subscriber: subscriberAnswer, dependent: answer)
            }
        }
    }
}
