import Foundation
import X12

/// Renders findings and reports as JSON (the form is documented in `docs/readme/validation.md`).
///
/// A finding:
/// ```json
/// {"code":"IK403-7","level":"element","severity":"error","message":"…",
///  "location":{"byteOffset":120,"line":4,"segmentIndex":4,"interchange":"000000001","group":"1",
///              "transaction":"0001","transactionSet":"270","segmentPosition":4,"segment":"NM1",
///              "loop":"2100A","standardLoop":"2100","element":1}}
/// ```
/// `"value"` (the bad data) is written only when ``includeValues`` is set.
public struct FindingJSONRenderer: Sendable {
    /// Write each finding's bad value.
    public var includeValues: Bool

    /// Creates a renderer.
    public init(includeValues: Bool = false) { self.includeValues = includeValues }

    /// One finding as a JSON object.
    public func json(_ f: Finding) -> String {
        let l = f.location
        var loc: [(String, String)] = [("byteOffset", "\(l.byteOffset)"), ("line", "\(l.line)"), ("segmentIndex", "\(l.segmentIndex)")]
        func s(_ k: String, _ v: String?) { if let v { loc.append((k, quote(v))) } }
        func n(_ k: String, _ v: Int?) { if let v { loc.append((k, "\(v)")) } }
        s("interchange", l.interchangeControlNumber)
        s("group", l.groupControlNumber)
        s("transaction", l.transactionControlNumber)
        s("transactionSet", l.transactionSetID)
        n("segmentPosition", l.segmentPosition)
        s("segment", l.segmentID)
        s("loop", l.loopID)
        s("standardLoop", l.standardLoopID)
        n("element", l.elementPosition)
        n("component", l.componentPosition)
        n("repetition", l.repetitionPosition)
        var fields: [(String, String)] = [("code", quote(f.code.description)), ("level", quote(f.level.rawValue)),
                                          ("severity", quote(f.severity.rawValue)), ("message", quote(f.message))]
        if includeValues, let v = f.value { fields.append(("value", quote(v))) }
        fields.append(("location", object(loc)))
        return object(fields)
    }

    /// A whole report: verdicts and counts per interchange, group and transaction set, with their findings.
    public func render(_ report: ValidationReport) -> String {
        var ics: [String] = []
        for ic in report.interchanges {
            var groups: [String] = []
            for g in ic.groups {
                groups.append(groupOpening(g) + g.transactions.map(transactionObject).joined(separator: ",") + "]}")
            }
            ics.append(interchangeOpening(ic) + groups.joined(separator: ",") + "]}")
        }
        return reportOpening(source: report.source, clean: report.isClean, segmentCount: report.segmentCount,
                             byteCount: report.byteCount, findings: report.findings) + ics.joined(separator: ",") + "]}"
    }

    /// One transaction set's object, with its findings.
    func transactionObject(_ t: TransactionReport) -> String {
        var fields: [(String, String)] = [("id", quote(t.header.id)), ("controlNumber", quote(t.header.controlNumber))]
        if let r = t.header.implementationReference { fields.append(("implementationReference", quote(r))) }
        if let gid = t.guideID { fields.append(("guide", quote(gid))) }
        fields += [("acknowledgmentCode", quote(t.acknowledgmentCode.rawValue)), ("segmentCount", "\(t.segmentCount)"),
                   ("findings", list(t.findings))]
        return object(fields)
    }

    /// A group's object up to its transaction list, which is last: `{…,"transactions":[` (close with `]}`).
    func groupOpening(_ g: GroupReport) -> String {
        var fields: [(String, String)] = []
        if let h = g.header {
            fields += [("controlNumber", quote(h.controlNumber)), ("functionalID", quote(h.functionalID)), ("version", quote(h.version))]
        }
        fields += [("acknowledgmentCode", quote(g.acknowledgmentCode.rawValue)), ("received", "\(g.receivedCount)"),
                   ("accepted", "\(g.acceptedCount)"), ("findings", list(g.findings))]
        return opening(fields, last: "transactions")
    }

    /// An interchange's object up to its group list, which is last: `{…,"groups":[` (close with `]}`).
    func interchangeOpening(_ ic: InterchangeReport) -> String {
        opening([("controlNumber", quote(ic.header.controlNumber)), ("acknowledgmentCode", quote(ic.acknowledgmentCode.rawValue)),
                 ("noteCode", quote(ic.noteCode)), ("findings", list(ic.findings))], last: "groups")
    }

    /// A report's object up to its interchange list, which is last: `{…,"interchanges":[` (close with `]}`).
    func reportOpening(source: String, clean: Bool, segmentCount: Int, byteCount: Int, findings: [Finding]) -> String {
        opening([("source", quote(source)), ("clean", clean ? "true" : "false"), ("segments", "\(segmentCount)"),
                 ("bytes", "\(byteCount)"), ("findings", list(findings))], last: "interchanges")
    }

    private func list(_ fs: [Finding]) -> String { "[" + fs.map(json).joined(separator: ",") + "]" }

    private func opening(_ fields: [(String, String)], last: String) -> String {
        "{" + fields.map { "\(quote($0.0)):\($0.1)," }.joined() + "\(quote(last)):["
    }

    private func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\(quote($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    private func quote(_ s: String) -> String {
        // Most values need no escape: one pass over the bytes, then one concatenation.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
