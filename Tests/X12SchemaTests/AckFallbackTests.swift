import Foundation
import Testing
import X12
@testable import X12Schema

/// `Acknowledger.acknowledge(path:validator:to:)` falls back to the in-memory way for a report holding a group
/// outside any interchange. No input reaches it: the reader takes a GS, ST or GE before the first ISA, between an IEA
/// and the next ISA, or after the last IEA as bytes outside any interchange, so the validator never closes a group
/// without an interchange open.
@Suite struct AckFallbackTests {
    static let isa = "ISA*00*          *00*          *ZZ*CLINICSUBMIT01 *ZZ*PLANRECEIVER01 *261125*1200*^*00501*000000002*0*T*:~\n"
    static let group = "GS*HS*CLINICSUBMIT01*PLANRECEIVER01*20261125*1200*1*X*005010X279A1~\nST*270*0001*005010X279A1~\n"
        + "BHT*0022*13*INQ1*20261125*1200~\nSE*3*0001~\nGE*1*1~\n"

    @Test(arguments: [
        group + isa + group + "IEA*1*000000002~\n",                                    // before the first ISA
        isa + group + "IEA*1*000000002~\n" + group + isa.replacingOccurrences(of: "000000002", with: "000000003")
            + group + "IEA*1*000000003~\n",                                             // between two interchanges
        isa + group + "IEA*1*000000002~\n" + group,                                      // after the last IEA
        "ST*270*0001*005010X279A1~\nSE*2*0001~\n" + isa + group + "IEA*1*000000002~\n", // a set before the first ISA
        group,                                                                           // no ISA at all
    ])
    func groupsOutsideInterchangesAreBytesOutsideAnyInterchange(_ text: String) throws {
        let report = Validator(library: SchemaTestSupport.library).validate(bytes: Array(text.utf8))
        #expect(!report.interchanges.contains { $0.header.fields.isEmpty })
        #expect(report.interchanges.allSatisfy { $0.groups.allSatisfy { $0.header != nil } })
    }
}
