import X12

/// Everything the validator found in one input, grouped interchange → group → transaction set.
///
/// The 999 and TA1 builders consume it; the text and JSON renderings print it.
/// ```swift
/// let report = try Validator(library: .load()).validate(path: "in.x12")
/// for ic in report.interchanges { for g in ic.groups { print(g.acknowledgmentCode, g.acceptedCount, "/", g.receivedCount) } }
/// ```
public struct ValidationReport: Sendable, Hashable, Codable {
    /// The input's name (a path, or `-`).
    public var source: String
    /// The interchanges, in order.
    public var interchanges: [InterchangeReport]
    /// Findings that belong to no interchange (bytes before the first ISA, an unreadable start).
    public var findings: [Finding]
    /// Segments read.
    public var segmentCount: Int
    /// Bytes read.
    public var byteCount: Int

    /// Creates a report.
    public init(source: String, interchanges: [InterchangeReport] = [], findings: [Finding] = [], segmentCount: Int = 0, byteCount: Int = 0) {
        self.source = source
        self.interchanges = interchanges
        self.findings = findings
        self.segmentCount = segmentCount
        self.byteCount = byteCount
    }

    /// Every finding, in input order of the units (interchange, then its groups, then their sets).
    public var allFindings: [Finding] {
        var out = findings
        for ic in interchanges {
            out += ic.findings
            for g in ic.groups {
                out += g.findings
                for t in g.transactions { out += t.findings }
            }
        }
        return out
    }

    /// `true` when every interchange and every group is accepted with no errors at all (exit status 0).
    public var isClean: Bool {
        !findings.contains { $0.severity == .error && $0.code.family != .note } && interchanges.allSatisfy(\.isClean)
    }

    /// Counts for a summary line.
    public var totals: (interchanges: Int, groups: Int, transactions: Int, accepted: Int, findings: Int) {
        var g = 0, t = 0, a = 0
        for ic in interchanges {
            g += ic.groups.count
            for gr in ic.groups { t += gr.receivedCount; a += gr.acceptedCount }
        }
        return (interchanges.count, g, t, a, allFindings.count)
    }
}
