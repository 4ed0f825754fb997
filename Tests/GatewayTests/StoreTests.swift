import Foundation
import Testing
import GRDB
import AuthModel
@testable import Gateway

@Suite struct StoreTests {
    @Test func migrationsRunOnceInOrderAndTheFileIsWAL() throws {
        let dir = try GatewayTestSupport.temporaryDirectory()
        let path = dir.appendingPathComponent("s.sqlite").path
        let store = try SQLiteGatewayStore(path: path)
        let names = try store.appliedMigrations()
        #expect(names == ["v1-reference-data", "v1-files-and-interchanges", "v1-authorizations"])
        let mode = try store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        // Opening again applies nothing new and keeps the data.
        try store.write { try $0.save(ProviderRecord(npi: "1234567893", name: "X", specialty: "Cardiology", contracted: true, tertiary: false)) }
        let again = try SQLiteGatewayStore(path: path)
        #expect(try again.appliedMigrations() == names)
        #expect(try again.read { try $0.provider(npi: "1234567893")?.name } == "X")
    }

    @Test func countersIncrementAndSurviveReopening() throws {
        let dir = try GatewayTestSupport.temporaryDirectory()
        let path = dir.appendingPathComponent("s.sqlite").path
        let store = try SQLiteGatewayStore(path: path)
        #expect(try store.write { try $0.nextValue("isa13") } == 1)
        #expect(try store.write { try $0.nextValue("isa13") } == 2)
        #expect(try store.write { try $0.nextValue("gs06") } == 1)
        #expect(try SQLiteGatewayStore(path: path).write { try $0.nextValue("isa13") } == 3)
    }

    @Test func aWriteThatThrowsLeavesNothingBehind() throws {
        struct Boom: Error {}
        let store = try GatewayTestSupport.emptyStore()
        #expect(throws: Boom.self) {
            try store.write { s in
                _ = try s.nextValue("isa13")
                throw Boom()
            }
        }
        #expect(try store.write { try $0.nextValue("isa13") } == 1)
    }

    @Test func interchangesAreUniqueBySenderAndControlNumber() throws {
        let store = try GatewayTestSupport.emptyStore()
        try store.write { s in
            var i = InterchangeRecord(fileID: nil, senderQualifier: "ZZ", senderID: "CLEARINGHOUSE", receiverID: "IPA",
                                      controlNumber: "000000123", receivedAt: "2026-11-25T12:00:00Z")
            try s.insert(&i)
        }
        #expect(try store.read { try $0.interchange(senderQualifier: "ZZ", senderID: "CLEARINGHOUSE", controlNumber: "000000123") } != nil)
        #expect(try store.read { try $0.interchange(senderQualifier: "ZZ", senderID: "OTHER", controlNumber: "000000123") } == nil)
        #expect(throws: (any Error).self) {
            try store.write { s in
                var i = InterchangeRecord(fileID: nil, senderQualifier: "ZZ", senderID: "CLEARINGHOUSE", receiverID: "IPA",
                                          controlNumber: "000000123", receivedAt: "2026-11-25T12:01:00Z")
                try s.insert(&i)
            }
        }
    }

    @Test func trackingNumbersAreTwentyDigitsDateSiteSequence() throws {
        let store = try GatewayTestSupport.emptyStore()
        let day = CalendarDate(year: 2017, month: 8, day: 8)
        let first = try store.write { try TrackingNumber.next(day: day, site: 7100, in: $0) }
        let second = try store.write { try TrackingNumber.next(day: day, site: 7100, in: $0) }
        #expect(first.digits == "20170808710000000001")
        #expect(second.digits == "20170808710000000002")
        let example = try #require(TrackingNumber("20170808710002600002"))
        #expect(example.day == day && example.site == 7100 && example.sequence == 2_600_002)
        #expect(TrackingNumber("20171308710002600002") == nil)
        #expect(TrackingNumber("2017080871000260000") == nil)
        let nextDay = try store.write { try TrackingNumber.next(day: day.adding(days: 1), site: 7100, in: $0) }
        #expect(nextDay.digits == "20170809710000000001")
    }
}
