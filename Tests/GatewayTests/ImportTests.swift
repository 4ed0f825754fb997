import Foundation
import Testing
@testable import Gateway

@Suite struct ImportTests {
    @Test func importsTheReferenceFilesWithColumnsInAnyOrder() throws {
        let store = try GatewayTestSupport.emptyStore()
        let importer = ReferenceDataImporter(store: store)
        let providers = try importer.importProviders(text: GatewayTestSupport.text("providers.csv"))
        let members = try importer.importMembers(text: GatewayTestSupport.text("members.csv"))
        let benefits = try importer.importBenefits(text: GatewayTestSupport.text("benefits.csv"))
        #expect(providers == ImportReport.with(imported: 9))
        #expect(members == ImportReport.with(imported: 5))
        #expect(benefits == ImportReport.with(imported: 10))
        let m = try #require(try store.read { try $0.member("W100000002") })
        #expect(m.lastName == "O'NEIL-SMITH" && m.birthDate == "1950-07-22" && m.pcpName == "ORTIZ, ANA")
        let dependents = try store.read { try $0.dependents(subscriberID: "W100000001") }
        #expect(dependents.map(\.memberID) == ["W100000004"] && dependents.first?.relationship == "child")
        let c = try store.read { try $0.coverages(memberID: "W100000003") }
        #expect(c.count == 1 && c[0].end == "2024-12-31" && c[0].lineOfBusiness == "MEDI-CAL")
        #expect(try store.read { try $0.provider(npi: "4444444440")?.tertiary } == true)
        #expect(try store.read { try $0.benefits(planID: "PLAN-COMM-01") }.count == 7)
    }

    @Test func badRowsAreReportedWithTheirLinesAndTheRestImported() throws {
        let store = try GatewayTestSupport.emptyStore()
        let report = try ReferenceDataImporter(store: store).importMembers(text: GatewayTestSupport.text("members-bad-rows.csv"))
        #expect(report.imported == 1)
        #expect(report.errors.map(\.line) == [3, 4, 5, 6, 7, 8, 10, 11])
        let messages = report.errors.map(\.message)
        #expect(messages[0] == "birth_date is not a day written YYYY-MM-DD")
        #expect(messages[1] == "gender must be M, F or U")
        #expect(messages[2] == "coverage_end is before coverage_start")
        #expect(messages[3].hasPrefix("pcp_npi is not a valid NPI"))
        #expect(messages[4] == "member_id is empty")
        #expect(messages[5] == "last_name contains a line break or another control character")
        #expect(messages[6] == "3 fields where the header names 11")
        #expect(messages[7] == "coverage_start is not a day written YYYY-MM-DD")
        #expect(try store.read { try $0.referenceCounts() }.members == 1)
    }

    @Test func aMissingRequiredColumnRefusesTheFile() throws {
        let store = try GatewayTestSupport.emptyStore()
        #expect { try ReferenceDataImporter(store: store).importMembers(text: GatewayTestSupport.text("members-missing-column.csv")) }
            throws: { ($0 as? ImportError)?.message == "the header row lacks the columns birth_date, plan_name, line_of_business, coverage_start" }
    }

    @Test func reimportingUpdatesByKey() throws {
        let store = try GatewayTestSupport.referenceStore()
        let importer = ReferenceDataImporter(store: store)
        let changed = "npi,name,specialty,contracted,tertiary\n3333333334,DUNMORE DERMATOLOGY,Dermatology,Y,N\n"
        #expect(try importer.importProviders(text: changed).imported == 1)
        #expect(try store.read { try $0.provider(npi: "3333333334")?.contracted } == true)
        #expect(try store.read { try $0.referenceCounts() }.providers == 9)
        let ended = "member_id,last_name,first_name,birth_date,gender,plan_id,plan_name,line_of_business,coverage_start,coverage_end\n"
            + "W100000001,KAVORA,MELI,1984-03-09,F,PLAN-COMM-01,Valley Gold PPO,COMMERCIAL,2025-01-01,2026-06-30\n"
        #expect(try importer.importMembers(text: ended).imported == 1)
        let c = try store.read { try $0.coverages(memberID: "W100000001") }
        #expect(c.count == 1 && c[0].end == "2026-06-30")
    }

    @Test func csvReaderHandlesQuotesCRLFAndByteOrderMark() throws {
        let t = try CSVTable(text: "\u{FEFF}A,B\r\n\"x, \"\"y\"\"\",2\r\n\r\n\"multi\nline\",3")
        #expect(t.header == ["a", "b"])
        #expect(t.rows.count == 2)
        #expect(t.rows[0].value("a") == "x, \"y\"" && t.rows[0].line == 2)
        #expect(t.rows[1].value("A") == "multi\nline" && t.rows[1].line == 4)
        #expect(throws: CSVTable.ReadError.self) { try CSVTable(text: "a,b\n\"open,1\n") }
    }

    @Test func npiCheckDigits() {
        #expect(NPI.isValid("1234567893"))
        #expect(!NPI.isValid("1234567890"))
        #expect(!NPI.isValid("123456789"))
    }
}

extension ImportReport {
    static func with(imported: Int) -> ImportReport {
        var r = ImportReport()
        r.imported = imported
        return r
    }
}
