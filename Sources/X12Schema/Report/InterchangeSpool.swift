import X12

/// The interchanges of a validation pass, written to disk as each closes and read back in the same order by a
/// second reading of the input: what the interchange's TA1 and 999s need before its groups are read again (its
/// findings, whether it carried a TA1, how many groups it had and whether one is not `FA`), so that memory does not
/// grow with the number of interchanges.
///
/// A record is a ``FindingSpool`` record; the ISA itself is not kept: the second reading has it.
final class InterchangeSpool {
    /// What is kept of one interchange.
    struct Entry {
        /// Interchange-level findings, the `024` of sets outside any group last.
        var findings: [Finding]
        /// The interchange held a TA1.
        var containsAcknowledgment: Bool
        /// Functional groups with a GS.
        var groups: Int
        /// One of them is not an `FA` group.
        var acknowledged: Bool
    }

    private let spool: FindingSpool

    /// A spool in a new file in `directory` (default: `TMPDIR`, else `/tmp`), unlinked at once.
    init(directory: String? = nil) throws(X12IOError) {
        spool = try FindingSpool(directory: directory)
    }

    /// Appends one interchange (before ``rewind()``), keeping a write failure for ``rewind()``.
    func appendLater(_ entry: Entry, at location: Location) {
        spool.appendLater(TransactionReport(
            header: TransactionHeader(id: entry.acknowledged ? "A" : "-", controlNumber: "",
                                      implementationReference: entry.containsAcknowledgment ? "" : nil),
            location: location, findings: entry.findings, segmentCount: entry.groups))
    }

    /// Ends the writing and goes back to the first interchange.
    func rewind() throws(X12IOError) { try spool.rewind() }

    /// The next interchange; `nil` past the last.
    func next() throws(X12IOError) -> Entry? {
        guard let r = try spool.next() else { return nil }
        return Entry(findings: r.findings, containsAcknowledgment: r.header.implementationReference != nil,
                     groups: r.segmentCount, acknowledged: r.header.id == "A")
    }
}
