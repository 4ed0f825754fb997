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

/// The 278 request and response guides load and are told apart by BHT02.
@Suite struct Spec278Tests {
    @Test(arguments: [("13", "278-request.005010X217"), ("01", "278-request.005010X217"), ("36", "278-request.005010X217"),
                      ("11", "278-response.005010X217")])
    func bht02PicksTheGuide(_ bht02: String, _ id: String) throws {
        let library = try SpecLibrary.load()
        #expect(library.guide(st01: "278", version: "005010X217", bht02: bht02)?.id == id)
    }

    @Test func responseLoopsCarryTheirStandardIDs() throws {
        let library = try SpecLibrary.load()
        let response = try #require(library.guide(st01: "278", version: "005010X217", bht02: "11"))
        for (loop, standard) in [("2000E", "2000"), ("2010EA", "2010"), ("2010FB", "2010"), ("2000F", "2000")] {
            #expect(response.standardLoopID(of: loop) == standard)
        }
        #expect(response.level(code: "SS")?.loopID == "2000F")
    }
}
