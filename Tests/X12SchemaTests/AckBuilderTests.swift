import Testing
import X12
@testable import X12Schema

/// The 999 / TA1 builders on hand-made findings: IK3/IK4/CTX placement, codes and verdicts.
@Suite struct AckBuilderTests {
    static let header = TransactionHeader(id: "278", controlNumber: "0001", implementationReference: "005010X217")
    static let group = GroupHeader(functionalID: "HI", senderCode: "S", receiverCode: "R", date: "20261124", time: "0930",
                                   controlNumber: "7", version: "005010X217")

    static func at(_ position: Int, _ id: String, loop: String? = nil, element: Int? = nil, component: Int? = nil,
                   repetition: Int? = nil) -> Location {
        Location(byteOffset: 0, line: position, segmentIndex: position + 2, groupControlNumber: "7", transactionControlNumber: "0001",
                 transactionSetID: "278", segmentPosition: position, segmentID: id, loopID: loop,
                 elementPosition: element, componentPosition: component, repetitionPosition: repetition)
    }

    static func finding(_ family: FindingCode.Family, _ code: String, _ loc: Location, _ value: String? = nil,
                        severity: Finding.Severity = .error) -> Finding {
        Finding(code: FindingCode(family, code), severity: severity, location: loc, value: value, message: "test")
    }

    static func body(_ tx: [TransactionSummary], groupFindings: [Finding] = [], declared: Int? = nil) -> [String] {
        let g = GroupSummary(header: group, findings: groupFindings, transactions: tx, declaredTransactionCount: declared)
        let options = AcknowledgmentOptions(date: "20261125", time: "1200", elementReference: { id, n in
            id == "NM1" && n == 9 ? "67" : id == "UM" && n == 2 ? "1322" : nil
        })
        return FunctionalAcknowledgmentBuilder(options: options).build(for: g).body.map(\.description)
    }

    @Test func elementErrorsSitUnderOneIK3WithCode8InSegmentOrder() {
        let levels = [HierarchicalLevel(position: 3, id: "1", levelCode: "20"),
                      HierarchicalLevel(position: 9, id: "4", parentID: "3", levelCode: "EV", traceNumber: "TRACE278A")]
        let tx = TransactionSummary(header: Self.header, findings: [
            Self.finding(.ik403, "I6", Self.at(11, "UM", loop: "2000E", element: 2), "X"),
            Self.finding(.ik304, "3", Self.at(4, "NM1", loop: "2010A")),
            Self.finding(.ik403, "5", Self.at(11, "UM", loop: "2000E", element: 4, component: 1), "ABC"),
            Self.finding(.ik304, "I4", Self.at(13, "CR3", loop: "2000E")),
        ], levels: levels)
        #expect(Self.body([tx]) == [
            "AK1*HI*7*005010X217",
            "AK2*278*0001*005010X217",
            "IK3*NM1*4*2010*3",
            "IK3*UM*11*2000*8",
            "CTX*TRN02:TRACE278A",
            "IK4*2*1322*I6*X",
            "IK4*4:1**5*ABC",
            "IK3*CR3*13*2000*I4",
            "CTX*TRN02:TRACE278A",
            "IK5*R*5",
            "AK9*R*1*1*0",
        ])
    }

    @Test func warningsOnlyAcceptWithErrorsAndImplementationCodesGiveI5() {
        let tx = TransactionSummary(header: Self.header, findings: [
            Self.finding(.ik403, "I6", Self.at(5, "NM1", element: 1), "2B", severity: .warning),
        ])
        let ok = TransactionSummary(header: TransactionHeader(id: "278", controlNumber: "0002", implementationReference: "005010X217"))
        #expect(Self.body([tx, ok]) == [
            "AK1*HI*7*005010X217",
            "AK2*278*0001*005010X217", "IK3*NM1*5**8", "IK4*1**I6*2B", "IK5*E*I5",
            "AK2*278*0002*005010X217", "IK5*A",
            "AK9*E*2*2*2",
        ])
    }

    @Test func transactionCodesComeFirstThenFiveAtMostFive() {
        let tx = TransactionSummary(header: Self.header, findings: [
            Self.finding(.ik502, "4", Self.at(20, "SE", element: 1), "19"),
            Self.finding(.ik502, "3", Self.at(20, "SE", element: 2), "0009"),
            Self.finding(.ik403, "1", Self.at(5, "NM1", element: 9)),
        ])
        let body = Self.body([tx], declared: 1)
        #expect(body.contains("IK4*9*67*1"))   // no IK404 for a missing element
        #expect(body.contains("IK5*R*4*3*5"))
    }

    @Test func situationalTriggerContextFollowsItsIK3OrIK4() {
        let f = Self.finding(.ik403, "I9", Self.at(12, "CR6", loop: "2000E", element: 8))
        let s = Self.finding(.ik304, "I6", Self.at(14, "DTP", loop: "2000F"))
        var trigger = Self.at(11, "UM", loop: "2000E", element: 2)
        trigger.standardLoopID = "2000"
        let tx = TransactionSummary(header: Self.header, findings: [f, s], situationalTriggers: [f: trigger, s: Self.at(13, "SV1", loop: "2000F")])
        #expect(Self.body([tx]) == [
            "AK1*HI*7*005010X217",
            "AK2*278*0001*005010X217",
            "IK3*CR6*12*2000*8",
            "IK4*8**I9",
            "CTX*SITUATIONAL TRIGGER*UM*11*2000*2",
            "IK3*DTP*14*2000*I6",
            "CTX*SITUATIONAL TRIGGER*SV1*13*2000",
            "IK5*R*I5",
            "AK9*R*1*1*0",
        ])
    }

    @Test func badDataHoldingADelimiterIsNotCopied() {
        let f = Self.finding(.ik403, "6", Self.at(5, "NM1", element: 3), "A*B")
        #expect(FunctionalAcknowledgmentBuilder.copyOfBadData(f, delimiters: .standard) == nil)
        let long = Self.finding(.ik403, "5", Self.at(5, "NM1", element: 3), String(repeating: "X", count: 120))
        #expect(FunctionalAcknowledgmentBuilder.copyOfBadData(long, delimiters: .standard)?.count == 99)
        let control = Self.finding(.ik403, "6", Self.at(5, "NM1", element: 4), "RO\u{1}B")
        #expect(FunctionalAcknowledgmentBuilder.copyOfBadData(control, delimiters: .standard) == nil)
    }

    @Test func groupErrorsRejectTheGroupAndCountHonestly() {
        let g = Self.finding(.ak905, "5", Self.at(0, "GE", element: 1), "3")
        let tx = TransactionSummary(header: Self.header)
        #expect(Self.body([tx], groupFindings: [g], declared: 3).last == "AK9*R*3*1*1*5")
    }

    @Test func someRejectedIsPartial() {
        let bad = TransactionSummary(header: TransactionHeader(id: "278", controlNumber: "0002", implementationReference: "005010X217"),
                                     findings: [Self.finding(.ik502, "3", Self.at(9, "SE", element: 2), "0009")])
        #expect(Self.body([TransactionSummary(header: Self.header), bad]).last == "AK9*P*2*2*1")
    }

    @Test(arguments: [("2000E", "2000"), ("2010EA", "2010"), ("2110C", "2110"), ("ST", nil), ("HDR", nil)] as [(String, String?)])
    func standardLoopIDIsTheLeadingDigits(_ loop: String, _ expected: String?) {
        #expect(FunctionalAcknowledgmentBuilder.standardLoopID(loop) == expected)
    }

    @Test func traceNumberWalksUpToTheNearestLevelWithATRN() {
        let tx = TransactionSummary(header: Self.header, levels: [
            HierarchicalLevel(position: 3, id: "1", levelCode: "20"),
            HierarchicalLevel(position: 9, id: "4", parentID: "3", levelCode: "EV", traceNumber: "EVENT1"),
            HierarchicalLevel(position: 15, id: "5", parentID: "4", levelCode: "SS"),
        ])
        #expect(tx.traceNumber(forSegmentAt: 2) == nil)
        #expect(tx.traceNumber(forSegmentAt: 5) == nil)
        #expect(tx.traceNumber(forSegmentAt: 16) == "EVENT1")
    }

    /// Found by fuzzing `x12gate ack`: 2,300 HLs each the parent of the next, each with an error, took minutes (every
    /// error walked up the chain, every hop searching the levels again). Now one pass resolves the trace numbers.
    @Test(.timeLimit(.minutes(1))) func aDeepChainOfLevelsEachWithAnErrorNamesTheTopTrace() {
        let depth = 5000
        var levels = [HierarchicalLevel(position: 3, id: "1", levelCode: "20", traceNumber: "TOP")]
        var findings: [Finding] = []
        for k in 2...depth {
            levels.append(HierarchicalLevel(position: 2 * k, id: String(k), parentID: String(k - 1), levelCode: "22"))
            findings.append(Self.finding(.ik304, "3", Self.at(2 * k + 1, "NM1", loop: "2010C")))
        }
        let tx = TransactionSummary(header: Self.header, findings: findings, levels: levels)
        let body = Self.body([tx])
        #expect(body.filter { $0 == "CTX*TRN02:TOP" }.count == depth - 1)
        #expect(tx.traceNumber(forSegmentAt: 2 * depth + 1) == "TOP")
        #expect(tx.levelTraceNumbers().allSatisfy { $0 == "TOP" })
    }

    @Test func levelTraceNumbersTakeTheNearestAncestorsTRNAndNoneForAnUnknownParent() {
        let tx = TransactionSummary(header: Self.header, levels: [
            HierarchicalLevel(position: 3, id: "1", levelCode: "20", traceNumber: "A"),
            HierarchicalLevel(position: 5, id: "2", parentID: "1", levelCode: "21", traceNumber: "B"),
            HierarchicalLevel(position: 7, id: "3", parentID: "2", levelCode: "22"),
            HierarchicalLevel(position: 9, id: "4", parentID: "9", levelCode: "22"),
            HierarchicalLevel(position: 11, id: "5", parentID: "5", levelCode: "22"),
        ])
        #expect(tx.levelTraceNumbers() == ["A", "B", "B", nil, nil])
    }

    static func interchange(ack: String, findings: [Finding], groups: [GroupSummary] = [], ta1: Bool = false) -> InterchangeSummary {
        var fields = ["00", "          ", "00", "          ", "ZZ", "SUBMITTER01    ", "ZZ", "PAYER01        ", "261124", "0930",
                      "^", "00501", "000000101", ack, "T", ":"]
        fields[13] = ack
        return InterchangeSummary(header: InterchangeHeader(fields: fields, delimiters: .standard), findings: findings,
                                  groups: groups, containsTA1: ta1)
    }

    @Test func ta1IsDueOnRequestOrOnErrorsAndNeverForAnAcknowledgment() {
        let warn = Self.finding(.ta105, "022", Self.at(0, "ISA"), severity: .warning)
        let err = Self.finding(.ta105, "018", Self.at(0, "ISA", element: 13), "12")
        #expect(InterchangeAcknowledgmentBuilder.build(for: Self.interchange(ack: "0", findings: [])) == nil)
        #expect(InterchangeAcknowledgmentBuilder.build(for: Self.interchange(ack: "1", findings: []))?.segment.description
                == "TA1*000000101*261124*0930*A*000")
        #expect(InterchangeAcknowledgmentBuilder.build(for: Self.interchange(ack: "0", findings: [warn]))?.segment.description
                == "TA1*000000101*261124*0930*E*022")
        #expect(InterchangeAcknowledgmentBuilder.build(for: Self.interchange(ack: "0", findings: [warn, err]))?.segment.description
                == "TA1*000000101*261124*0930*R*018")
        #expect(InterchangeAcknowledgmentBuilder.build(for: Self.interchange(ack: "1", findings: [err], ta1: true)) == nil)
        let fa = GroupSummary(header: GroupHeader(functionalID: "FA", senderCode: "S", receiverCode: "R", date: "20261124",
                                                  time: "0930", controlNumber: "1", version: "005010X231A1"))
        #expect(InterchangeAcknowledgmentBuilder.build(for: Self.interchange(ack: "1", findings: [], groups: [fa])) == nil)
    }

    @Test func controlNumbersCountUpFromTheStart() {
        let n = SequentialControlNumbers(start: 41)
        #expect(n.nextInterchangeControlNumber() == 41)
        #expect(n.nextGroupControlNumber() == 41)
        #expect(n.nextGroupControlNumber() == 42)
        #expect(n.nextInterchangeControlNumber() == 42)
    }
}
