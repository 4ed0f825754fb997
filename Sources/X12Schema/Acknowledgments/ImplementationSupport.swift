import X12

/// Which functional groups, versions and transaction sets the gateway handles, for the envelope part of the
/// acknowledgments: an unsupported group is rejected (AK905 `1` / `2`), an unsupported set too (IK502 `1`, `6`,
/// `19`, `I6`) — acknowledged, never dropped.
///
/// ```swift
/// let support = ImplementationSupport.hipaa5010       // HS 270, HB 271, HI 278
/// support.groupFindings(for: group)                   // [] or [AK905-1]
/// ```
public struct ImplementationSupport: Sendable, Hashable {
    /// One supported functional group kind.
    public struct Entry: Sendable, Hashable {
        /// GS01 (`HS`).
        public var functionalID: String
        /// GS08 / ST03 values accepted (`005010X279A1`).
        public var versions: Set<String>
        /// ST01 values allowed in the group (`270`).
        public var transactionSets: Set<String>

        /// Creates an entry.
        public init(functionalID: String, versions: Set<String>, transactionSets: Set<String>) {
            self.functionalID = functionalID
            self.versions = versions
            self.transactionSets = transactionSets
        }
    }

    /// The entries by GS01.
    public var entries: [String: Entry]

    /// Creates a table from its entries.
    public init(_ entries: [Entry]) {
        var d: [String: Entry] = [:]
        for e in entries { d[e.functionalID] = e }
        self.entries = d
    }

    /// 270 (`HS`), 271 (`HB`) in 005010X279A1 and 278 (`HI`) in 005010X217.
    public static let hipaa5010 = ImplementationSupport([
        Entry(functionalID: "HS", versions: ["005010X279A1"], transactionSets: ["270"]),
        Entry(functionalID: "HB", versions: ["005010X279A1"], transactionSets: ["271"]),
        Entry(functionalID: "HI", versions: ["005010X217"], transactionSets: ["278"]),
    ])

    /// Every transaction set identifier of every entry.
    public var allTransactionSets: Set<String> { entries.values.reduce(into: []) { $0.formUnion($1.transactionSets) } }

    /// AK905 findings for a group the gateway does not handle (`1` unknown GS01, `2` unknown GS08).
    public func groupFindings(for group: GroupSummary) -> [Finding] {
        let h = group.header
        let loc = Location(byteOffset: 0, line: 0, segmentIndex: 0, groupControlNumber: h.controlNumber, segmentID: "GS")
        guard let entry = entries[h.functionalID] else {
            return [Finding(code: FindingCode(.ak905, "1"), location: loc.at(element: 1), value: h.functionalID,
                            message: "Functional groups with GS01 \(h.functionalID) are not supported here.")]
        }
        if !entry.versions.contains(h.version) {
            return [Finding(code: FindingCode(.ak905, "2"), location: loc.at(element: 8), value: h.version,
                            message: "Version \(h.version) is not supported for GS01 \(h.functionalID).")]
        }
        return []
    }

    /// IK502 findings for a transaction set the gateway does not handle in this group.
    ///
    /// `1` unknown ST01; `6` ST01 known but not allowed by GS01; `19` ST03 differs from GS08; `I6` ST03 not a
    /// supported implementation convention.
    public func transactionFindings(for tx: TransactionSummary, in group: GroupSummary) -> [Finding] {
        let h = tx.header
        let loc = Location(byteOffset: 0, line: 0, segmentIndex: 0, groupControlNumber: group.header.controlNumber,
                           transactionControlNumber: h.controlNumber, transactionSetID: h.id, segmentPosition: 1, segmentID: "ST")
        if !allTransactionSets.contains(h.id) {
            return [Finding(code: FindingCode(.ik502, "1"), location: loc.at(element: 1), value: h.id,
                            message: "Transaction set \(h.id) is not supported here.")]
        }
        guard let entry = entries[group.header.functionalID], entry.transactionSets.contains(h.id) else {
            return [Finding(code: FindingCode(.ik502, "6"), location: loc.at(element: 1), value: h.id,
                            message: "Transaction set \(h.id) does not belong in a group with GS01 \(group.header.functionalID).")]
        }
        let convention = h.implementationReference ?? group.header.version
        if convention != group.header.version {
            return [Finding(code: FindingCode(.ik502, "19"), location: loc.at(element: 3), value: convention,
                            message: "ST03 \(convention) differs from GS08 \(group.header.version).")]
        }
        if !entry.versions.contains(convention) {
            return [Finding(code: FindingCode(.ik502, "I6"), location: loc.at(element: 3), value: convention,
                            message: "Implementation convention \(convention) is not supported for transaction set \(h.id).")]
        }
        return []
    }
}
