import X12

/// Checks a TA1 read in an inbound interchange against the ``EnvelopeSpec``: every element present, of its type
/// and length, a real date and time, a code the envelope allows, and the consistency rules (`TA104 A` with
/// `TA105 000`, `E`/`R` with a real note code). TA101–TA103 echo the acknowledged ISA13, ISA09 and ISA10, so a
/// TA1 whose note code says that very value was bad (`014` for a bad ISA09) may carry it. Each problem is a finding with the TA105 code the spec gives the
/// element; a TA1 is never answered, so the findings only reach the report.
///
/// ```swift
/// let checker = InterchangeAcknowledgmentChecker(envelope: library.envelope!)
/// let findings = checker.check(reader.segment, at: reader.location)
/// ```
public struct InterchangeAcknowledgmentChecker: Sendable {
    /// The TA1 segment's spec.
    public let segment: EnvelopeSegmentSpec

    /// A checker for the TA1 of `envelope`; `nil` when the envelope spec does not describe TA1.
    public init?(envelope: EnvelopeSpec) {
        guard let s = envelope.segment("TA1") else { return nil }
        segment = s
    }

    /// The findings for one TA1 segment; `location` is the TA1's (its element position is set per finding).
    public func check(_ ta1: SegmentView, at location: Location) -> [Finding] {
        var loc = location
        loc.segmentID = "TA1"
        var findings: [Finding] = []
        let count = ta1.elementCount
        let described = segment.elements.map(\.position).max() ?? 0
        if count > described {
            findings.append(Finding(code: FindingCode(.ta105, "024"), location: loc.at(element: described + 1),
                                    message: "TA1 has \(count) elements; it has \(described)."))
        }
        var values: [Int: String] = [:]
        for e in segment.elements { values[e.position] = e.position <= count ? ta1.element(e.position).string : "" }
        let noteCode = values[segment.elements.last?.position ?? 5] ?? ""
        var faulted: Set<Int> = []
        for e in segment.elements {
            let value = values[e.position] ?? ""
            // TA101-TA103 echo the acknowledged ISA13/09/10: a TA1 that reports that very value as bad carries it as is.
            if e.noteCode == noteCode, e.position < 4 { continue }
            if let problem = Self.problem(value, e) {
                faulted.insert(e.position)
                findings.append(Finding(code: FindingCode(.ta105, e.noteCode ?? "024"), location: loc.at(element: e.position),
                                        value: value.isEmpty ? nil : value,
                                        message: "TA1\(Self.two(e.position)) (\(e.name)) \(problem)."))
            }
        }
        for rule in segment.consistency where !faulted.contains(rule.element) && !faulted.contains(rule.when) {
            let value = values[rule.element] ?? "", trigger = values[rule.when] ?? ""
            if rule.isBroken(value: value, trigger: trigger) {
                findings.append(Finding(code: FindingCode(.ta105, rule.noteCode), location: loc.at(element: rule.element),
                                        value: value, message: rule.note))
            }
        }
        return findings
    }

    /// What is wrong with `value` for element `e`, or `nil`.
    static func problem(_ value: String, _ e: EnvelopeElementSpec) -> String? {
        let d = e.definition
        let n = value.utf8.count
        if n == 0 { return "is missing" }
        switch d.type {
        case .n0, .n1, .n2:
            if !value.utf8.allSatisfy(\.isDigitASCII) { return "must be digits" }
        case .dt:
            if !DateCheck.isValidDate(value) { return "is not a real date" }
        case .tm:
            if !DateCheck.isValidTime(value) { return "is not a real time" }
        default:
            break
        }
        if n < d.minLength || n > d.maxLength {
            return d.minLength == d.maxLength ? "must have \(d.minLength) characters" : "must have \(d.minLength) to \(d.maxLength) characters"
        }
        if let codes = e.allowedCodes, !codes.contains(value) { return "holds a code the envelope does not allow" }
        return nil
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
