import X12
import X12Mapping
import X12Schema

/// A received file read and checked, before anything touches the store: its interchanges with the envelope
/// summaries the acknowledgments need and, for each transaction set, its envelope and whether it maps.
///
/// The sets' domain values are not kept: ``FileProcessor`` reads the sets again one at a time (from ``bytes``)
/// and answers each as it goes, so the memory does not grow with the number of sets.
public struct ParsedFile: Sendable {
    /// One transaction set.
    public struct Transaction: Sendable {
        /// Its functional group.
        public var group: GroupHeader
        /// Its ST.
        public var header: TransactionHeader
        /// Whether it is a 270/271/278 that maps to domain values (`false` also for other sets).
        public var mapped: Bool
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
    /// The content, read again set by set when the file is answered.
    public var bytes: [UInt8]

    /// Reads `bytes`, collecting envelope findings, validating against the guides when a `validator` is given,
    /// and mapping every transaction set through `codec`.
    ///
    /// A set that cannot be mapped gets an `IK502-I5` finding (rejected in the 999) carrying the mapping's message.
    /// `contentHash` is the SHA-256 of `bytes` when the caller has it already (computed otherwise).
    public init(name: String, bytes: [UInt8], codec: any TransactionCodec, validator: Validator? = nil,
                contentHash: String? = nil) throws {
        self.name = name
        self.contentHash = contentHash ?? SHA256.hex(bytes)
        self.size = bytes.count
        // The guide validation reads the same bytes on another thread while this one maps the sets.
        let validation = ValidationJob(validator: validator, bytes: bytes, name: name)
        self.bytes = bytes
        let collector = EnvelopeCollector()
        var transactions: [[Transaction]] = []
        let stream = TransactionSetStream(bytes: bytes, name: name)
        stream.wants = { _, _, st in Self.mappedIDs.contains(st.id) }
        stream.observe = { event, reader in
            if case .interchangeStart = event { transactions.append([]) }
            collector.consume(event, from: reader)
        }
        while let item = try stream.next() {
            var mapped = false
            if Self.mappedIDs.contains(item.header.id) {
                // Mapped to check it maps (an IK502-I5 in the 999 otherwise); the values are dropped here.
                do {
                    _ = try codec.decode(item.segments)
                    mapped = true
                } catch {
                    var at = stream.reader.location
                    at.transactionSetID = item.header.id
                    at.transactionControlNumber = item.header.controlNumber
                    collector.add(Finding(code: FindingCode(.ik502, "I5"), location: at,
                                          message: "The transaction set cannot be read as a \(item.header.id): \(error)"))
                }
            }
            if item.interchange < transactions.count {
                transactions[item.interchange].append(Transaction(group: item.group, header: item.header, mapped: mapped))
            }
        }
        var summaries = collector.takeCompleted()
        if let report = validation.wait() { Self.merge(report, into: &summaries) }
        interchanges = zip(summaries, transactions + Array(repeating: [], count: max(0, summaries.count - transactions.count)))
            .map { Interchange(summary: $0, transactions: $1) }
        unattached = collector.unattached
    }

    /// The sets that are mapped to domain values.
    static let mappedIDs: Set<String> = ["270", "271", "278"]

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
