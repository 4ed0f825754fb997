import X12

extension InterchangeSummary {
    /// The summary of a validated interchange: its findings, groups and sets from the report, the HL levels and
    /// line ending from a ``HierarchyRecorder``.
    ///
    /// Transaction sets found outside any group cannot get a 999; they make the interchange's TA1 say `024`.
    public init(report: InterchangeReport, recorder: HierarchyRecorder?) {
        var findings = report.findings
        var groups: [GroupSummary] = []
        for g in report.groups {
            guard let header = g.header else {
                findings.append(Finding(code: FindingCode(.ta105, "024"), location: g.location,
                                        message: "Transaction set(s) outside any functional group."))
                continue
            }
            let transactions = g.transactions.map { t in
                TransactionSummary(header: t.header, findings: t.findings,
                                   levels: t.findings.isEmpty ? [] : recorder?.levels[t.location.segmentIndex] ?? [])
            }
            groups.append(GroupSummary(header: header, findings: g.findings, transactions: transactions,
                                       declaredTransactionCount: g.declaredTransactionCount,
                                       hasTrailer: !g.findings.contains { $0.code == FindingCode(.ak905, "3") }))
        }
        let suffix = recorder?.suffixes[report.header.controlNumber] ?? recorder?.firstSuffix ?? .none
        self.init(header: report.header, findings: findings, groups: groups,
                  containsTA1: report.containsAcknowledgment, suffix: suffix)
    }
}
