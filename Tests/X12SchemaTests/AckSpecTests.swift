import Testing
import X12
@testable import X12Schema

/// The acknowledgment guides load (XSD-checked) and feed the builders: support table and IK402 numbers.
@Suite struct AckSpecTests {
    @Test func the999GuideLoadsAndIsSelectedByST01AndVersion() throws {
        let library = try SpecLibrary.load()
        let guide = try #require(library.guide(st01: "999", version: "005010X231A1"))
        #expect(guide.functionalGroupID == "FA")
        #expect(guide.root.loop(id: "2110")?.standardID == "2110")
    }

    @Test func optionsFromTheLibraryKnowElementReferencesAndSupport() throws {
        let library = try SpecLibrary.load()
        let options = AcknowledgmentOptions(library: library, date: "20261125", time: "1200")
        #expect(options.elementReference("NM1", 9) == "67")
        #expect(options.elementReference("HL", 3) == "735")
        #expect(options.support.entries["HS"]?.transactionSets == ["270"])
        #expect(options.support.entries["FA"] == nil)
    }
}
