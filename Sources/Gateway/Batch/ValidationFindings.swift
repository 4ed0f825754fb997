import X12
import X12Schema

/// What the guide validation found in a file: the batch processor validates a file first, writing the findings of
/// each transaction set that has some to a ``FindingSpool`` on disk as the set closes (in file order), then adds them
/// to the 999 as it reads the file again, taking them from the spool set by set. Memory: the findings of one set,
/// and those of the functional groups that have some.
struct ValidationFindings {
    /// Findings of each transaction set that has some, in file order, taken with ``FindingSpool/take(at:)`` by the
    /// segment index of its ST.
    let transactions: FindingSpool
    /// Findings of each functional group that has some, by the segment index of its GS.
    var groups: [Int: [Finding]] = [:]

    /// Validates everything `reader` yields with `validator` (made with ``Validator/Options/keepTransactions`` off),
    /// the sets' findings going to a spool file in `spoolDirectory` (default: the system's temporary folder).
    init(validating reader: X12Reader, with validator: Validator, spoolDirectory: String? = nil) throws {
        let spool = try FindingSpool(directory: spoolDirectory)
        var groups: [Int: [Finding]] = [:]
        // Groups and interchanges are taken as they close (not kept in the report): only groups with findings stay.
        _ = try validator.validate(reader: reader, onTransaction: { tx in
            if !tx.findings.isEmpty { spool.appendLater(tx) }
        }, onGroup: { group, _ in
            if group.header != nil && !group.findings.isEmpty { groups[group.location.segmentIndex] = group.findings }
        }, onInterchange: { _ in })   // the reader's envelope findings come again with the second reading
        try spool.rewind()
        transactions = spool
        self.groups = groups
    }

    /// The findings of the set whose ST is segment `segmentIndex` (`nil` when it has none).
    func transaction(at segmentIndex: Int) throws -> [Finding]? {
        try transactions.take(at: segmentIndex)?.findings
    }

    /// Goes back to the first set, for another reading of the file.
    func rewind() throws {
        try transactions.rewind()
    }
}
