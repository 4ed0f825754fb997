import X12
import X12Mapping
import X12Schema

/// A received file read and mapped, before anything touches the store: its interchanges with the envelope
/// summaries the acknowledgments need and each transaction set as domain values.
public struct ParsedFile: Sendable {
    /// One transaction set.
    public struct Transaction: Sendable {
        /// Its functional group.
        public var group: GroupHeader
        /// Its ST.
        public var header: TransactionHeader
        /// The domain values; `nil` when it could not be mapped (a finding says why) or is not a 270/271/278.
        public var model: ModelTransaction?
    }

    /// One interchange.
    public struct Interchange: Sendable {
        /// Envelope, groups, sets and their findings (what the TA1 and 999 are built from).
        public var summary: InterchangeSummary
        /// The transaction sets, in file order.
        public var transactions: [Transaction]
    }

    /// The file name.
    public var name: String
    /// SHA-256 of the content.
    public var contentHash: String
    /// Size in bytes.
    public var size: Int
    /// The interchanges, in order.
    public var interchanges: [Interchange]
    /// Findings outside any interchange (garbage before the ISA, a broken ISA).
    public var unattached: [Finding]

    /// Reads `bytes`, collecting envelope findings, validating against the guides when a `validator` is given,
    /// and mapping every transaction set through `codec`.
    ///
    /// A set that cannot be mapped gets an `IK502-I5` finding (rejected in the 999) carrying the mapping's message.
    public init(name: String, bytes: [UInt8], codec: any TransactionCodec, validator: Validator? = nil) throws {
        self.name = name
        self.contentHash = SHA256.hex(bytes)
        self.size = bytes.count
        // The guide validation reads the same bytes on another thread while this one maps the sets.
        let validation = ValidationJob(validator: validator, bytes: bytes, name: name)
        let reader = X12Reader(bytes: bytes, name: name)
        let collector = EnvelopeCollector()
        var transactions: [[Transaction]] = []
        var group: GroupHeader?
        var header: TransactionHeader?
        var segments: [Segment] = []
        var collecting = false
        while let event = try reader.next() {
            switch event {
            case .interchangeStart:
                transactions.append([])
            case .groupStart(let gs):
                group = gs
            case .transactionStart(let st):
                header = st
                segments = [reader.segment.copy()]
                collecting = true
            case .segment:
                if collecting { segments.append(reader.segment.copy()) }
            case .transactionEnd:
                if collecting, let header, let group, !transactions.isEmpty {
                    if reader.hasSegment { segments.append(reader.segment.copy()) }
                    var model: ModelTransaction?
                    if ["270", "271", "278"].contains(header.id) {
                        do {
                            model = try codec.decode(segments)
                        } catch {
                            var at = reader.location
                            at.transactionSetID = header.id
                            at.transactionControlNumber = header.controlNumber
                            collector.add(Finding(code: FindingCode(.ik502, "I5"), location: at,
                                                  message: "The transaction set cannot be read as a \(header.id): \(error)"))
                        }
                    }
                    transactions[transactions.count - 1].append(Transaction(group: group, header: header, model: model))
                }
                collecting = false
                segments.removeAll()
            case .groupEnd:
                group = nil
            default:
                break
            }
            collector.consume(event, from: reader)
        }
        var summaries = collector.takeCompleted()
        if let report = validation.wait() { Self.merge(report, into: &summaries) }
        interchanges = zip(summaries, transactions + Array(repeating: [], count: max(0, summaries.count - transactions.count)))
            .map { Interchange(summary: $0, transactions: $1) }
        unattached = collector.unattached
    }

    /// Adds the validator's group and transaction findings to the envelope summaries (matched by position).
    static func merge(_ report: ValidationReport, into summaries: inout [InterchangeSummary]) {
        for (i, ir) in report.interchanges.enumerated() where i < summaries.count {
            for (g, gr) in ir.groups.enumerated() where g < summaries[i].groups.count {
                for f in gr.findings where !summaries[i].groups[g].findings.contains(f) { summaries[i].groups[g].findings.append(f) }
                for (t, tr) in gr.transactions.enumerated() where t < summaries[i].groups[g].transactions.count {
                    let known = Set(summaries[i].groups[g].transactions[t].findings)
                    summaries[i].groups[g].transactions[t].findings += tr.findings.filter { !known.contains($0) }
                }
            }
        }
    }
}
