import X12

/// The functional groups of a validation pass, written to disk as each closes and read back in the same order by a
/// second reading of the input: what the group's 999 trailer needs (its findings and GE01), so that memory does not
/// grow with the number of groups.
///
/// A record is a ``FindingSpool`` record: the group's location and findings, GE01 in the set count (its presence in
/// the guide field). The GS itself is not kept: the second reading has it.
final class GroupSpool {
    private let spool: FindingSpool

    /// A spool in a new file in `directory` (default: `TMPDIR`, else `/tmp`), unlinked at once.
    init(directory: String? = nil) throws(X12IOError) {
        spool = try FindingSpool(directory: directory)
    }

    /// Appends one group's findings and GE01 (before ``rewind()``), keeping a write failure for ``rewind()``.
    func appendLater(_ group: GroupReport) {
        spool.appendLater(TransactionReport(
            header: TransactionHeader(id: "GS", controlNumber: "", implementationReference: nil),
            guideID: group.declaredTransactionCount == nil ? nil : "", location: group.location, findings: group.findings,
            segmentCount: group.declaredTransactionCount ?? 0))
    }

    /// Ends the writing and goes back to the first group.
    func rewind() throws(X12IOError) { try spool.rewind() }

    /// The next group's findings and GE01; `nil` past the last group.
    func next() throws(X12IOError) -> (findings: [Finding], declaredTransactionCount: Int?)? {
        guard let r = try spool.next() else { return nil }
        return (r.findings, r.guideID == nil ? nil : r.segmentCount)
    }
}
