import AuthModel
import Testing
import X12
@testable import X12Mapping

/// The packed codes writers use (`CodeTable.packed(_:)`, found by the value's one-byte representation) are exactly the
/// codes `CodeTable.code(_:)` gives, for every case of every enumeration table.
@Suite struct PackedCodeTableTests {
    static func check<V: CaseIterable & Hashable & Sendable>(_ table: CodeTable<V>) throws {
        #expect(table.packedByTag.count == 256, "\(table.name) has no packed table")
        var found = 0
        for v in V.allCases {
            let p = table.packed(v)
            guard p.count > 0 else { continue }   // a case without a code in this list
            found += 1
            #expect(p.string == table.code(v), "\(table.name): \(v)")
            #expect(table.packedCode(v) == p)
            #expect(try table.value(p.string, "X", 1) == v)
        }
        #expect(found > 0, "\(table.name)")
    }

    @Test func packedCodesAreTheCodes() throws {
        try Self.check(X12Codes.purpose); try Self.check(X12Codes.entityRole); try Self.check(X12Codes.entityType)
        try Self.check(X12Codes.identifier); try Self.check(X12Codes.providerFunction); try Self.check(X12Codes.gender)
        try Self.check(X12Codes.relationship); try Self.check(X12Codes.followUp); try Self.check(X12Codes.requestKind)
        try Self.check(X12Codes.certificationType); try Self.check(X12Codes.levelOfService); try Self.check(X12Codes.action)
        try Self.check(X12Codes.responseStatus); try Self.check(X12Codes.transmission); try Self.check(X12Codes.timePeriod)
        try Self.check(X12Codes.benefitKind); try Self.check(X12Codes.coverageLevel); try Self.check(X12Codes.benefitQuantity)
        try Self.check(X12Codes.network); try Self.check(X12Codes.yesNoUnknown)
    }

    @Test func tablesOfOtherTypesFallBackToTheCode() {
        let ints = CodeTable<Int>("ints", ["A": 1, "BB": 300, "ABCDEFGHIJ": 2])
        #expect(ints.packedByTag.isEmpty)
        #expect(ints.packed(1).count == 0)
        #expect(ints.packedCode(300) == "BB")
        let flags = CodeTable<Bool>("flags", ["Y": true, "N": false])
        #expect(flags.packed(true) == "Y")
        #expect(flags.packed(false) == "N")
        let long = CodeTable<Bool>("long", ["ABCDEFGHI": true, "N": false])   // a code longer than 8 bytes: no table
        #expect(long.packedByTag.isEmpty)
        #expect(long.packedCode(false) == "N")
    }
}
