import Testing
import X12
@testable import X12Schema

/// ``EnvelopeCollector/add(_:unlessKnown:)``: a validator's findings join the open set once each.
@Suite struct EnvelopeCollectorTests {
    static func at(_ position: Int) -> Location {
        AckBuilderTests.at(position, "HL", loop: "2000C", element: 2)
    }

    static func collectorWithAnOpenSet() -> EnvelopeCollector {
        let collector = EnvelopeCollector()
        var fields = ["00", "          ", "00", "          ", "ZZ", "SUBMITTER01    ", "ZZ", "PAYER01        ", "261124", "0930",
                      "^", "00501", "000000101", "0", "T", ":"]
        fields[13] = "0"
        let here = Self.at(1)
        collector.consume(.interchangeStart(InterchangeHeader(fields: fields, delimiters: .standard)), segment: nil, location: here, suffix: .none)
        collector.consume(.groupStart(AckBuilderTests.group), segment: nil, location: here, suffix: .none)
        collector.consume(.transactionStart(AckBuilderTests.header), segment: nil, location: here, suffix: .none)
        return collector
    }

    /// Found by fuzzing `x12gate respond`: 20,000 bad HLs in one set, each finding compared with all those before it
    /// to leave out the known ones, took minutes. Now one set per call: linear.
    @Test(.timeLimit(.minutes(1))) func aFloodOfFindingsIsAddedOnceEachInLinearTime() {
        let collector = Self.collectorWithAnOpenSet()
        let findings = (0..<100_000).map { AckBuilderTests.finding(.ik403, "6", Self.at($0 + 2), String($0)) }
        collector.add(Array(findings.prefix(60_000)), unlessKnown: false)
        collector.add(findings + findings.prefix(10), unlessKnown: true)
        var closed: [TransactionSummary] = []
        collector.onTransactionClosed = { tx, _ in closed.append(tx) }
        collector.consume(.transactionEnd, segment: nil, location: Self.at(100_003), suffix: .none)
        #expect(closed.count == 1)
        #expect(closed.first?.findings == findings)
    }

    @Test func withoutUnlessKnownEveryFindingIsKept() {
        let collector = Self.collectorWithAnOpenSet()
        let f = AckBuilderTests.finding(.ik304, "3", Self.at(4))
        collector.add([f, f], unlessKnown: false)
        collector.add([f], unlessKnown: true)
        var closed: [TransactionSummary] = []
        collector.onTransactionClosed = { tx, _ in closed.append(tx) }
        collector.consume(.transactionEnd, segment: nil, location: Self.at(5), suffix: .none)
        #expect(closed.first?.findings == [f, f])
    }
}
