import X12

/// A validation report rendered while the validator runs, as text or JSON exactly as ``FindingTextRenderer`` and
/// ``FindingJSONRenderer`` render a whole ``ValidationReport``, without holding the report: each set, group and
/// interchange is rendered as it closes into a ``TextSpool`` for its level and moved up when its parent closes
/// (the parent's own findings and counts come first in the output, and are known only then). Memory stays flat
/// however many findings, sets and groups the input has; nothing is written out before ``finish(_:to:)``.
///
/// ```swift
/// let validator = Validator(library: library, options: .init(keepTransactions: false))
/// let stream = ValidationReportStream(format: .text, source: reader.name)
/// let report = try validator.validate(reader: reader, onTransaction: stream.transaction,
///                                     onGroup: { g, _ in stream.group(g) }, onInterchange: stream.interchange)
/// let clean = try stream.finish(report) { bytes in fwrite(bytes.baseAddress, 1, bytes.count, stdout) }
/// ```
public final class ValidationReportStream {
    /// How the report is written.
    public enum Format: Sendable {
        /// One line per finding, then a verdict line per group (``FindingTextRenderer``), each line ending in `\n`.
        case text
        /// One JSON object (``FindingJSONRenderer``), no line feed at the end.
        case json
    }

    private let format: Format
    private let source: String
    private let text: FindingTextRenderer
    private let json: FindingJSONRenderer
    /// The current group's sets.
    private let sets: TextSpool
    /// The current interchange's groups (their findings and sets).
    private let groups: TextSpool
    /// The current interchange's group verdict lines, without their interchange prefix (text).
    private let groupVerdicts: TextSpool
    /// The closed interchanges.
    private let interchanges: TextSpool
    /// The verdict lines of the closed interchanges (text).
    private let verdicts: TextSpool
    private var setsInGroup = 0
    private var groupsInInterchange = 0
    private var interchangeCount = 0
    private var unitsClean = true

    /// A stream for the report of `source` (a path, or `-`); its spool files, when needed, go to `directory`.
    public init(format: Format, source: String, includeValues: Bool = false, directory: String? = nil) {
        self.format = format
        self.source = source
        text = FindingTextRenderer(includeValues: includeValues)
        json = FindingJSONRenderer(includeValues: includeValues)
        sets = TextSpool(directory: directory)
        groups = TextSpool(directory: directory)
        groupVerdicts = TextSpool(directory: directory)
        interchanges = TextSpool(directory: directory)
        verdicts = TextSpool(directory: directory)
    }

    /// A transaction set closed (the validator's `onTransaction`).
    public func transaction(_ t: TransactionReport) {
        switch format {
        case .text:
            for f in t.findings { sets.appendLine(text.line(f, source: source)) }
        case .json:
            if setsInGroup > 0 { sets.append(",") }
            sets.append(json.transactionObject(t))
        }
        setsInGroup += 1
    }

    /// A functional group closed (the validator's `onGroup`); its sets came before.
    public func group(_ g: GroupReport) {
        if g.acknowledgmentCode != .accepted { unitsClean = false }
        switch format {
        case .text:
            for f in g.findings { groups.appendLine(text.line(f, source: source)) }
            move(sets, into: groups)
            groupVerdicts.appendLine(text.summaryTail(g))
        case .json:
            if groupsInInterchange > 0 { groups.append(",") }
            groups.append(json.groupOpening(g))
            move(sets, into: groups)
            groups.append("]}")
        }
        setsInGroup = 0
        groupsInInterchange += 1
    }

    /// An interchange closed (the validator's `onInterchange`); its groups came before.
    public func interchange(_ ic: InterchangeReport) {
        if ic.acknowledgmentCode != .accepted { unitsClean = false }
        switch format {
        case .text:
            for f in ic.findings { interchanges.appendLine(text.line(f, source: source)) }
            move(groups, into: interchanges)
            move(groupVerdicts, into: verdicts, linePrefix: text.summaryPrefix(interchange: ic.header, source: source))
            if groupsInInterchange == 0 { verdicts.appendLine(text.summary(ic, source: source)) }
        case .json:
            if interchangeCount > 0 { interchanges.append(",") }
            interchanges.append(json.interchangeOpening(ic))
            move(groups, into: interchanges)
            interchanges.append("]}")
        }
        groupsInInterchange = 0
        interchangeCount += 1
    }

    /// Writes the whole report to `output`, in chunks: `report` is what the validator returned (its findings
    /// outside any interchange and its counts; its interchanges came through this stream). Returns `true` when the
    /// input is clean, as ``ValidationReport/isClean`` says. Throws when a spool file could not be written or read.
    public func finish(_ report: ValidationReport, to output: (UnsafeRawBufferPointer) -> Void) throws(X12IOError) -> Bool {
        if let failure { throw failure }
        let clean = unitsClean && ValidationReport(source: source, findings: report.findings).isClean
        func write(_ s: String) {
            var s = s
            s.withUTF8 { output(UnsafeRawBufferPointer($0)) }
        }
        switch format {
        case .text:
            for f in report.findings { write(text.line(f, source: source) + "\n") }
            try interchanges.drain(output)
            try verdicts.drain(output)
            if interchangeCount == 0 { write(text.noInterchange(source: source) + "\n") }
        case .json:
            write(json.reportOpening(source: source, clean: clean, segmentCount: report.segmentCount,
                                     byteCount: report.byteCount, findings: report.findings))
            try interchanges.drain(output)
            write("]}")
        }
        return clean
    }

    /// A spool failure met in a callback (which cannot throw), thrown by ``finish(_:to:)``.
    private var failure: X12IOError?

    private func move(_ spool: TextSpool, into other: TextSpool, linePrefix: String? = nil) {
        do throws(X12IOError) {
            try spool.move(into: other, linePrefix: linePrefix)
        } catch {
            if failure == nil { failure = error }
        }
    }
}
