import Foundation
import Testing
@testable import AuthModel

/// The AuthModel `Codable` conformances leave out empty lists and read a missing list key as an empty list; the
/// form before (every list written, `"dates":[]`) reads to the same value; other keys keep their rules.
@Suite struct CodableEmptyListTests {
    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The names of `value`'s stored properties that hold an empty list.
    static func emptyLists(_ value: Any) -> [String] {
        Mirror(reflecting: value).children.compactMap { c in
            guard let label = c.label, let list = c.value as? [Any], list.isEmpty else { return nil }
            return label
        }
    }

    @Test func emptyListsAreLeftOutAndTheOldFormReadsTheSame() throws {
        var member = Member(memberId: "W1", lastName: "KAVORA")
        member.dates = [EligibilityDate(.planBegin, DateRange(CalendarDate(year: 2026, month: 1, day: 1)))]
        let benefit = Benefit(kind: .coPayment, serviceTypeCodes: ["98"], amount: 25)
        try check(member, Member.self, written: ["memberId", "entityType", "lastName", "identityCorrected", "dates"])
        try check(benefit, Benefit.self, written: ["kind", "serviceTypeCodes", "amount"])
        try check(Encounter(), Encounter.self, written: [])
    }

    /// `value` is written with exactly the keys `written` (its empty lists left out), reads back, and reads the
    /// same with each empty list written as `[]`.
    func check<T: Codable & Equatable>(_ value: T, _ type: T.Type, written: Set<String>) throws {
        let data = try JSONEncoder().encode(value)
        var object = try Self.object(data)
        #expect(Set(object.keys) == written)
        #expect(try JSONDecoder().decode(T.self, from: data) == value)
        let empty = Self.emptyLists(value)
        #expect(!empty.isEmpty)
        for key in empty { object[key] = [Any]() }
        let old = try JSONSerialization.data(withJSONObject: object)
        #expect(String(decoding: old, as: UTF8.self).contains(#":[]"#))
        #expect(try JSONDecoder().decode(T.self, from: old) == value)
    }

    @Test func requiredKeysStayRequiredAndNullListsAreEmpty() throws {
        let benefit = Benefit(kind: .deductible, amount: 500)
        var object = try Self.object(try JSONEncoder().encode(benefit))
        object["messages"] = NSNull()
        #expect(try JSONDecoder().decode(Benefit.self, from: try JSONSerialization.data(withJSONObject: object)) == benefit)
        object["kind"] = nil
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Benefit.self, from: try JSONSerialization.data(withJSONObject: object))
        }
        var member = try Self.object(try JSONEncoder().encode(Member(memberId: "W1")))
        member["identityCorrected"] = nil
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Member.self, from: try JSONSerialization.data(withJSONObject: member))
        }
    }
}
