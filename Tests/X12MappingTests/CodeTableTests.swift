import AuthModel
import Testing
@testable import X12Mapping

/// `CodeTable` finds codes by packed binary search exactly as by its dictionary.
@Suite struct CodeTableTests {
    static func roundTrips<V: CaseIterable & Hashable & Sendable>(_ table: CodeTable<V>) throws {
        for v in V.allCases {
            let code = table.code(v)
            #expect(try table.value(code, "X", 1) == v)
        }
    }

    @Test func everyCodeIsFound() throws {
        try Self.roundTrips(X12Codes.entityRole)
        try Self.roundTrips(X12Codes.identifier)
        try Self.roundTrips(X12Codes.benefitKind)
        try Self.roundTrips(X12Codes.coverageLevel)
        try Self.roundTrips(X12Codes.timePeriod)
        try Self.roundTrips(X12Codes.providerFunction)
    }

    @Test func longAndUnknownCodes() throws {
        let t = CodeTable<Int>("test", ["A": 1, "ABCDEFG": 7, "ABCDEFGH": 8, "ABCDEFGHIJKL": 12, "é": 2])
        #expect(try t.value("A", "X", 1) == 1)
        #expect(try t.value("ABCDEFG", "X", 1) == 7)
        #expect(try t.value("ABCDEFGH", "X", 1) == 8)
        #expect(try t.value("ABCDEFGHIJKL", "X", 1) == 12)
        #expect(try t.value("é", "X", 1) == 2)
        for unknown in ["", "B", "AB", "ABCDEF", "ABCDEFGHI", "a"] {
            #expect(throws: MappingError.self) { try t.value(unknown, "X", 1) }
        }
        #expect(try t.optional("", "X", 1) == nil)
    }
}
