import AuthModel
import Testing
@testable import X12Mapping

/// `CodeTable` finds codes by their packed form (hash table) exactly as by its dictionary.
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

    /// The hash table answers what a binary search over the sorted packed codes answers, for every code of every
    /// table and for every packed key of one and two bytes (hits, misses, and keys that share a first slot).
    @Test func hashTableAgreesWithSortedSearch() {
        func check<V>(_ t: CodeTable<V>) {
            for a in UInt64(0)...255 {
                let one = a | 1 << 56
                #expect(t.lookup(packed: one) == t.searchSorted(packed: one), "\(t.name) \(a)")
                for b in UInt64(0x20)...0x7E {
                    let two = a << 8 | b | 2 << 56
                    #expect(t.lookup(packed: two) == t.searchSorted(packed: two), "\(t.name) \(a) \(b)")
                }
            }
            for code in t.allCodes where code.utf8.count <= 7 {
                let key = CodeTable<V>.pack(code)!
                #expect(t.lookup(packed: key) != nil && t.lookup(packed: key) == t.searchSorted(packed: key), "\(t.name) \(code)")
            }
        }
        check(X12Codes.entityRole)
        check(X12Codes.identifier)
        check(X12Codes.benefitKind)
        check(X12Codes.coverageLevel)
        check(X12Codes.timePeriod)
        check(X12Codes.providerFunction)
        check(X12Codes.eligibilityDate)
        check(X12Codes.network)
        check(X12Codes.yesNoUnknown)
        check(X12Codes.action)
    }
}
