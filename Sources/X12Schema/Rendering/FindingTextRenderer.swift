import X12

/// Renders findings as text: one line per finding, with its position and sentence.
///
/// ```text
/// in.x12:7: error IK403-I6 ST 0001 #5 NM1 loop 2100A (2100) NM101: NM101 (Entity Identifier Code): this code is valid X12 but not used by this guide …
/// ```
/// Bad values are left out unless ``includeValues`` is set (they may be PHI).
public struct FindingTextRenderer: Sendable {
    /// Print each finding's bad value after its sentence.
    public var includeValues: Bool

    /// Creates a renderer.
    public init(includeValues: Bool = false) { self.includeValues = includeValues }

    /// One line for `finding`, prefixed with `source:line:`.
    public func line(_ f: Finding, source: String) -> String {
        let l = f.location
        var parts: [String] = ["\(source):\(l.line):", f.severity.rawValue, f.code.description]
        var env: [String] = []
        if let i = l.interchangeControlNumber { env.append("ISA \(i)") }
        if let g = l.groupControlNumber { env.append("GS \(g)") }
        if let t = l.transactionControlNumber { env.append("ST \(t)") }
        if !env.isEmpty { parts.append(env.joined(separator: " / ")) }
        if let id = l.segmentID {
            parts.append(l.segmentPosition.map { "#\($0) \(id)" } ?? id)
        } else if let p = l.segmentPosition {
            parts.append("#\(p)")
        }
        if let loop = l.loopID { parts.append("loop \(loop)" + (l.standardLoopID.map { " (\($0))" } ?? "")) }
        if let e = l.elementPosition {
            var s = "\(l.segmentID ?? "")\(e < 10 ? "0" : "")\(e)"
            if let c = l.componentPosition { s += "-\(c)" }
            if let r = l.repetitionPosition { s += " rep \(r)" }
            parts.append(s)
        }
        var text = parts.joined(separator: " ") + ": " + f.message
        if includeValues, let v = f.value { text += " [value: \(v)]" }
        return text
    }

    /// Every finding of `report`, one per line, then a summary line per group.
    public func render(_ report: ValidationReport) -> String {
        var lines: [String] = []
        for f in report.findings { lines.append(line(f, source: report.source)) }
        for ic in report.interchanges {
            for f in ic.findings { lines.append(line(f, source: report.source)) }
            for g in ic.groups {
                for f in g.findings { lines.append(line(f, source: report.source)) }
                for t in g.transactions { for f in t.findings { lines.append(line(f, source: report.source)) } }
            }
        }
        for ic in report.interchanges {
            for g in ic.groups { lines.append(summary(g, interchange: ic.header, source: report.source)) }
            if ic.groups.isEmpty { lines.append(summary(ic, source: report.source)) }
        }
        if report.interchanges.isEmpty { lines.append(noInterchange(source: report.source)) }
        return lines.joined(separator: "\n")
    }

    /// The verdict line of group `g` of `interchange`.
    func summary(_ g: GroupReport, interchange: InterchangeHeader, source: String) -> String {
        summaryPrefix(interchange: interchange, source: source) + summaryTail(g)
    }

    /// The start of every group verdict line of `interchange`: `in.x12: interchange 000000001 `.
    func summaryPrefix(interchange: InterchangeHeader, source: String) -> String {
        "\(source): interchange \(interchange.controlNumber) "
    }

    /// The rest of group `g`'s verdict line: `group 1 (HS 005010X279A1): accepted, 2 of 2 transaction set(s) accepted`.
    func summaryTail(_ g: GroupReport) -> String {
        let id = g.header.map { "group \($0.controlNumber) (\($0.functionalID) \($0.version))" } ?? "transaction sets outside a group"
        return "\(id): \(verdict(g.acknowledgmentCode)), \(g.acceptedCount) of \(g.receivedCount) transaction set(s) accepted"
    }

    /// The verdict line of an interchange without functional groups.
    func summary(_ ic: InterchangeReport, source: String) -> String {
        "\(source): interchange \(ic.header.controlNumber): \(verdict(ic.acknowledgmentCode)), no functional groups"
    }

    /// The line for an input without interchanges.
    func noInterchange(source: String) -> String { "\(source): no interchange found" }

    private func verdict(_ c: AcknowledgmentCode) -> String {
        switch c {
        case .accepted: return "accepted"
        case .acceptedWithErrors: return "accepted with errors"
        case .partiallyAccepted: return "partially accepted"
        case .rejected: return "rejected"
        }
    }
}
