import Foundation
import Testing
import X12
@testable import X12Schema

/// The findings spool gives back, in order and field for field, what was appended; ``FindingSpool/take(at:)``
/// pairs records with the sets of a second reading.
@Suite struct FindingSpoolTests {
    /// A location with every field set.
    static let full = Location(byteOffset: 123_456_789_012, line: 40_000, segmentIndex: 1_000_001, interchangeControlNumber: "000000905",
                               groupControlNumber: "17", transactionControlNumber: "0042", transactionSetID: "278",
                               segmentPosition: 12, segmentID: "UM", loopID: "2000E", elementPosition: 4,
                               componentPosition: 2, repetitionPosition: 3, standardLoopID: "2000")

    static func report(at index: Int, findings: [Finding]) -> TransactionReport {
        TransactionReport(header: TransactionHeader(id: "270", controlNumber: String(index), implementationReference: index % 2 == 0 ? "005010X279A1" : nil),
                          guideID: index % 3 == 0 ? nil : "270.005010X279A1",
                          location: Location(byteOffset: index * 100, line: index, segmentIndex: index, segmentID: "ST"),
                          findings: findings, segmentCount: index % 17)
    }

    static let samples: [TransactionReport] = [
        report(at: 3, findings: []),
        report(at: 20, findings: [Finding(code: FindingCode(.ik403, "7"), location: full, value: "ZZZ", message: "UM04-2: not a valid code.")]),
        report(at: 41, findings: [
            Finding(code: FindingCode(.ik502, "I6"), severity: .warning, location: Location(byteOffset: 0, line: 1, segmentIndex: 41),
                    message: ""),
            Finding(code: FindingCode(.note, "unpadded-isa"), location: Location(byteOffset: -1, line: 0, segmentIndex: 0, segmentID: ""),
                    value: "", message: "é ü — ✓ a message that is not ASCII"),
            Finding(code: FindingCode(.ta105, "001"), location: full.at(element: 13), message: "TA1"),
            Finding(code: FindingCode(.ak905, "5"), location: full, value: "x", message: "AK9"),
            Finding(code: FindingCode(.ik304, "8"), location: full, message: String(repeating: "long ", count: 30_000)),
        ]),
    ]

    @Test func roundTripKeepsEveryField() throws {
        let spool = try FindingSpool()
        for r in Self.samples { try spool.append(r) }
        #expect(spool.count == 3)
        try spool.rewind()
        var back: [TransactionReport] = []
        while let r = try spool.next() { back.append(r) }
        #expect(back == Self.samples)
        // Read again from the start.
        try spool.rewind()
        #expect(try spool.next() == Self.samples[0])
    }

    @Test func anEmptySpoolHasNoRecord() throws {
        let spool = try FindingSpool()
        try spool.rewind()
        #expect(try spool.next() == nil)
        #expect(try spool.take(at: 5) == nil)
    }

    @Test func takePairsRecordsWithTheSetsOfASecondReading() throws {
        let spool = try FindingSpool()
        for index in [10, 30, 50] { try spool.append(Self.report(at: index, findings: [])) }
        try spool.rewind()
        #expect(try spool.take(at: 5) == nil)        // before the first record: kept
        #expect(try spool.take(at: 10)?.location.segmentIndex == 10)
        #expect(try spool.take(at: 20) == nil)       // a clean set: 30 is kept for later
        #expect(try spool.take(at: 40) == nil)       // 30 was never asked for: skipped; 50 kept
        #expect(try spool.take(at: 50)?.location.segmentIndex == 50)
        #expect(try spool.take(at: 60) == nil)
    }

    /// Many records across the 64 KB buffer (and one larger than it) come back in order.
    @Test func manyRecordsCrossTheBuffer() throws {
        let spool = try FindingSpool()
        var written: [TransactionReport] = []
        for i in 1...5_000 {
            let findings = (0..<(i % 4)).map { k in
                Finding(code: FindingCode(.ik403, String(k)), location: Self.full.at(element: k + 1), value: "v\(i)", message: "finding \(k) of set \(i)")
            }
            let r = Self.report(at: i * 3, findings: findings)
            written.append(r)
            try spool.append(r)
        }
        try spool.append(Self.samples[2])
        written.append(Self.samples[2])
        try spool.rewind()
        for expected in written { #expect(try spool.next() == expected) }
        #expect(try spool.next() == nil)
    }

    @Test func theFileIsInTheGivenFolderAndNeverListed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let spool = try FindingSpool(directory: dir)
        try spool.append(Self.samples[1])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        #expect(throws: X12IOError.self) { try FindingSpool(directory: dir + "/missing") }
    }

    /// With a transaction handler, the validator hands over every set as it closes (the same reports it keeps
    /// without one) and keeps none of them when told not to.
    @Test func theValidatorHandsEachSetOver() throws {
        let path = SchemaTestSupport.repository + "/TestData/validation/278-request-ik403-I6-um03-30.x12"
        let full = try Validator(library: SchemaTestSupport.library).validate(path: path)
        var handed: [TransactionReport] = []
        let lean = Validator(library: SchemaTestSupport.library, options: Validator.Options(keepTransactions: false))
        let report = try lean.validate(reader: X12Reader(path: path), onTransaction: { handed.append($0) })
        #expect(handed == full.interchanges.flatMap { $0.groups.flatMap(\.transactions) })
        #expect(!handed.isEmpty && handed.contains { !$0.findings.isEmpty })
        #expect(report.interchanges.allSatisfy { $0.groups.allSatisfy(\.transactions.isEmpty) })
        #expect(report.totals.transactions == full.totals.transactions && report.totals.accepted == full.totals.accepted)
    }
}
