import X12
import X12Schema

/// What the guide validation found in a file, by the segment index of the ST (or GS) of the set (or group) it is
/// about: the batch processor validates a file first, keeping only the sets with findings (the memory does not
/// grow with clean sets), then adds these findings to the 999 as it reads the file again.
struct ValidationFindings: Sendable {
    /// Findings of each transaction set that has some, by the segment index of its ST.
    var transactions: [Int: [Finding]] = [:]
    /// Findings of each functional group that has some, by the segment index of its GS.
    var groups: [Int: [Finding]] = [:]

    /// The findings of a report made with ``Validator/Options/keepTransactions`` off.
    init(_ report: ValidationReport) {
        for interchange in report.interchanges {
            for group in interchange.groups {
                if group.header != nil, !group.findings.isEmpty { groups[group.location.segmentIndex] = group.findings }
                for tx in group.transactions where !tx.findings.isEmpty { transactions[tx.location.segmentIndex] = tx.findings }
            }
        }
    }
}
