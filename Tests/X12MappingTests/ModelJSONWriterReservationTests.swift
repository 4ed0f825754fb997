import AuthModel
import Foundation
import Testing
@testable import X12Mapping

/// The generated writers make room once for a run of keys and simple values and write them without a capacity
/// check. Values that leave the fast path (long or escaped strings, a year past 9999, decimals of more than 18
/// digits) in the middle of such runs, written into buffers that start small and grow at many points: the same
/// text as `JSONEncoder` (in debug builds the writer also asserts that no reserved write passes its room).
@Suite struct ModelJSONWriterReservationTests {
    static let strings = ["plain", String(repeating: "long value ", count: 6), "quote \" inside", "tab\there", "\u{1}",
                          "fifteen bytes!!", "sixteen bytes!!!", "caf\u{E9}", String(repeating: "\u{E9}t\u{E9} ", count: 9),
                          "back\\slash and a much longer tail after it", String(repeating: "\"", count: 40)]

    static func check<T: ModelJSONCodable & Encodable>(_ value: T) throws {
        let reference = try Canonical.text(try ModelJSONWriterFastPathTests.reference(value))
        for capacity in [64, 100, 333, 4096] {
            var w = ModelJSONWriter(capacity: capacity)
            value.writeJSON(to: &w)
            #expect(try Canonical.text(w.out) == reference, "capacity \(capacity)")
        }
    }

    @Test func slowStringsInEveryField() throws {
        for (i, s) in Self.strings.enumerated() {
            let t = Self.strings[(i + 3) % Self.strings.count]
            let address = Address(address1: s, address2: t, city: s, state: t, postalCode: s, countryCode: t)
            let provider = Provider(organizationName: s, lastName: t, firstName: s, middleName: t, namePrefix: s,
                                    nameSuffix: t, npi: s, relationshipCode: t, address: address, taxonomyCode: s)
            try Self.check(provider)
            let member = Member(memberId: s, lastName: t, firstName: s, middleName: t, namePrefix: s, nameSuffix: t,
                                dateOfBirth: CalendarDate(year: 10_000 + i, month: 1, day: 2), birthSequence: -i * 1_000_000_007,
                                address: address)
            try Self.check(member)
        }
    }

    @Test func slowDecimalsAndDatesInEveryField() throws {
        let decimals = ["1e30", "-12345678901234567890.125", "0.000000000000000000001", "25.00", "123456789012345678901234567"]
        for (i, text) in decimals.enumerated() {
            let d = try #require(Decimal(string: text))
            let benefit = Benefit(kind: .coPayment, serviceTypeCodes: Self.strings, insuranceTypeCode: Self.strings[i],
                                  planCoverageDescription: Self.strings[i + 1], amount: d, percent: d, quantity: d,
                                  messages: Self.strings)
            try Self.check(benefit)
        }
        let eligibility = TestDataGenerator(seed: 9).transaction(.eligibilityResponse, index: 1)
        try ModelJSONByteCodecTests.check(eligibility)
    }
}
