#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import X12
import X12Schema

/// `x12bench validate --size-mb N`: writes N MB of 271 (and 278 request/response, when their specs exist) to a
/// temporary file by replicating known-good transaction sets with new control numbers, then validates the file
/// with the streaming validator and prints MB/s, segments/s and peak RSS. Release build:
/// `swift run -c release x12bench validate --size-mb 100`.
struct ValidateBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate",
                                                    abstract: "Validation throughput and peak memory on generated 271/278 data.")

    @Option(name: .long, help: "Size of the generated file in MB.")
    var sizeMb: Int = 100

    @Option(name: .long, help: "Which transaction sets: 271, 278, or all.")
    var type: String = "all"

    @Option(name: .long, help: "The specs directory.")
    var specs: String?

    @Flag(name: .long, help: "Keep the generated file (its path is printed).")
    var keep = false

    func run() throws {
        let library = try SpecLibrary.load(directory: specs)
        var kinds: [BenchTemplate] = []
        if type == "all" || type == "271" { kinds.append(.eligibility) }
        if (type == "all" || type == "278") && library.guide(st01: "278", version: "005010X217", bht02: "13") != nil {
            kinds.append(.reviewRequest)
            kinds.append(.reviewResponse)
        }
        guard !kinds.isEmpty else { throw ValidationError("no spec for the requested type") }
        let path = NSTemporaryDirectory() + "x12bench-validate-\(getpid()).x12"
        let bytes = try BenchTemplate.write(kinds, to: path, targetBytes: sizeMb << 20)
        defer { if !keep { unlink(path) } }

        let validator = Validator(library: library, options: .init(keepTransactions: false))
        let start = DispatchTime.now().uptimeNanoseconds
        let report = try validator.validate(path: path)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        #if os(Linux)
        let peakMB = Double(usage.ru_maxrss) / 1024
        #else
        let peakMB = Double(usage.ru_maxrss) / 1048576
        #endif
        let t = report.totals
        print("validate: \(kinds.map(\.label).joined(separator: "+")), \(String(format: "%.1f", Double(bytes) / 1048576)) MB, \(report.segmentCount) segments, \(t.transactions) transaction sets (\(t.accepted) accepted), \(t.findings) findings")
        print(String(format: "  %.2f s   %.1f MB/s   %.0f segments/s   peak RSS %.1f MB",
                     seconds, Double(bytes) / 1048576 / seconds, Double(report.segmentCount) / seconds, peakMB))
        if keep { print("  file: \(path)") }
        if !report.isClean {
            print(FindingTextRenderer().render(report).split(separator: "\n").prefix(10).joined(separator: "\n"))
            throw ExitCode(1)
        }
    }
}

/// Known-good transaction sets (bodies between ST and SE, from TestData/validation) replicated by the benchmark.
enum BenchTemplate {
    case eligibility, reviewRequest, reviewResponse

    var label: String {
        switch self {
        case .eligibility: return "271"
        case .reviewRequest: return "278 request"
        case .reviewResponse: return "278 response"
        }
    }

    var header: (gs01: String, st01: String, version: String, body: [String]) {
        switch self {
        case .eligibility: return ("HB", "271", "005010X279A1", Self.eligibility271)
        case .reviewRequest: return ("HI", "278", "005010X217", Self.request278)
        case .reviewResponse: return ("HI", "278", "005010X217", Self.response278)
        }
    }

    /// Writes interchanges of 5,000-set groups, round-robin over `kinds`, until `targetBytes`; returns the size.
    static func write(_ kinds: [BenchTemplate], to path: String, targetBytes: Int) throws -> Int {
        guard let f = fopen(path, "w") else { throw ValidationError("cannot write \(path)") }
        defer { fclose(f) }
        var written = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        func emit(_ s: String) {
            buffer.append(contentsOf: s.utf8)
            buffer.append(UInt8(ascii: "~"))
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 20 { flush() }
        }
        func flush() {
            written += buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
            buffer.removeAll(keepingCapacity: true)
        }
        var interchange = 0
        var group = 0
        while written + buffer.count < targetBytes {
            interchange += 1
            let icn = String(format: "%09d", interchange)
            emit("ISA*00*          *00*          *ZZ*SENDER0001     *ZZ*RECEIVER01     *260115*0930*^*00501*\(icn)*0*T*:")
            var groups = 0
            for kind in kinds where written + buffer.count < targetBytes {
                group += 1
                groups += 1
                let h = kind.header
                emit("GS*\(h.gs01)*SENDER0001*RECEIVER01*20260115*0930*\(group)*X*\(h.version)")
                var sets = 0
                while sets < 5000 && written + buffer.count < targetBytes {
                    sets += 1
                    let cn = String(format: "%04d", sets)
                    emit("ST*\(h.st01)*\(cn)*\(h.version)")
                    for s in h.body { emit(s) }
                    emit("SE*\(h.body.count + 2)*\(cn)")
                }
                emit("GE*\(sets)*\(group)")
            }
            emit("IEA*\(groups)*\(icn)")
        }
        flush()
        return written
    }

    static let eligibility271: [String] = [
        "BHT*0022*11*REQ0001*20260115*0931",
        "HL*1**20*1",
        "NM1*PR*2*EXAMPLE HEALTH PLAN*****PI*99999",
        "PER*IC*PROVIDER SERVICES*TE*8005550100*EX*123",
        "HL*2*1*21*1",
        "NM1*1P*2*EXAMPLE CLINIC*****XX*1234567893",
        "HL*3*2*22*0",
        "TRN*2*TRACE0001*9876543210",
        "TRN*1*RESP0001*9999999999",
        "NM1*IL*1*SAMPLE*ALEX*Q***MI*MEMBER001",
        "REF*6P*GROUP01*EMPLOYER GROUP",
        "N3*1 ELM ST",
        "N4*SPRINGFIELD*IL*62701",
        "DMG*D8*19800229*F",
        "DTP*346*D8*20260101",
        "DTP*356*RD8*20260101-20261231",
        "EB*1*IND*30^1^33^35^47^86^88^98^AL^MH*HM*GOLD PLAN",
        "DTP*291*RD8*20260101-20261231",
        "EB*B*IND*98***27*25*****Y",
        "MSG*COPAY APPLIES PER VISIT",
        "EB*A*IND*30*****.2****Y",
        "EB*C*IND*30***23*1500*****Y",
        "EB*F*IND*AD***23***VS*20**Y",
        "HSD*VS*20***23",
        "III*ZZ*11",
        "III*ZZ*22",
        "EB*L",
        "LS*2120",
        "NM1*P3*1*DOCTOR*PAT****XX*1987654320",
        "N3*5 OAK AVE",
        "N4*SPRINGFIELD*IL*62702",
        "PER*IC**TE*8005550101",
        "PRV*PC*PXC*207Q00000X",
        "LE*2120",
        "EB*R**30*MB",
        "LS*2120",
        "NM1*PRP*2*MEDICARE*****PI*00001",
        "NM1*SEP*2*OTHER PLAN*****PI*00002",
        "LE*2120",
        "EB*1**30",
        "AAA*N**62*C",
    ]
    static let request278: [String] = [
        "BHT*0007*13*REQ-DEP-0001*20261124*0930",
        "HL*1**20*1",
        "NM1*X3*2*VALLEY HEALTH IPA*****PI*77001",
        "HL*2*1*21*1",
        "NM1*1P*1*RIVERA*ANA****XX*1234567893",
        "N3*100 MAIN ST",
        "N4*FRESNO*CA*93701",
        "PER*IC*AUTH DESK*TE*5595550100*FX*5595550101",
        "PRV*PC*PXC*207Q00000X",
        "HL*3*2*22*1",
        "NM1*IL*1*QUILL*MORGAN****MI*ZX9000001",
        "REF*6P*GRP4400",
        "HL*4*3*23*1",
        "NM1*QC*1*QUILL*ROBIN",
        "DMG*D8*20150606*F",
        "INS*N*19",
        "HL*5*4*EV*1",
        "TRN*1*EVT20261124A*1999999999",
        "UM*HS*I*AD*11:B**U",
        "DTP*AAH*RD8*20261201-20261231",
        "HI*ABK:M25561*ABF:M2551*ABF:M25562*ABF:S83241A*ABF:M1711*ABF:M545*ABF:G4733*ABF:E119*ABF:I10*ABF:R0789*ABF:N390*ABF:F329",
        "HSD*VS*12*WK**35*6",
        "PWK*09*EL***AC*ATT-20261124-01*PROGRESS NOTES",
        "MSG*INITIAL EVALUATION DONE",
        "NM1*SJ*2*SUNRISE PHYSICAL THERAPY*****XX*1098765432",
        "N3*22 OAK AVE",
        "N4*FRESNO*CA*93702",
        "PRV*PE*PXC*225100000X",
        "HL*6*5*SS*0",
        "TRN*1*EVT20261124A-L1*1999999999",
        "UM*HS*I*AD",
        "DTP*472*RD8*20261201-20261231",
        "SV1*HC:97110:GP:KX**UN*12",
        "HSD*VS*12",
        "HL*7*5*SS*0",
        "TRN*1*EVT20261124A-L2*1999999999",
        "DTP*472*RD8*20261201-20261231",
        "SV1*HC:97140:GP:59:KX**UN*6",
        "HSD*VS*6",
        "PWK*08*FX",
        "HL*8*5*SS*0",
        "TRN*1*EVT20261124A-L3*1999999999",
        "SV1*HC:97035:GP:KX:XU:RT**MJ*90",
        "NM1*SJ*1*TRAN*LEE****XX*1111111112",
        "PRV*PE*PXC*225100000X",
    ]
    static let response278: [String] = [
        "BHT*0007*11*REQ-DEP-0001*20261125*1000*18",
        "HL*1**20*1",
        "NM1*X3*2*VALLEY HEALTH IPA*****PI*77001",
        "PER*IC*UTILIZATION REVIEW*TE*5595550199",
        "HL*2*1*21*1",
        "NM1*1P*1*RIVERA*ANA****XX*1234567893",
        "HL*3*2*22*1",
        "NM1*IL*1*QUILL*MORGAN****MI*ZX9000001",
        "HL*4*3*23*1",
        "NM1*QC*1*QUILL*ROBIN",
        "DMG*D8*20150606*F",
        "INS*N*19",
        "HL*5*4*EV*1",
        "TRN*2*EVT20261124A*1999999999",
        "TRN*1*UMO-778001*9777777777",
        "UM*HS*I*AD*11:B**U",
        "HCR*A1*AUTH0001001",
        "DTP*102*D8*20261125",
        "DTP*036*D8*20261231",
        "DTP*007*RD8*20261201-20261231",
        "HI*ABK:M25561",
        "HSD*VS*12*WK**35*6",
        "NM1*SJ*2*SUNRISE PHYSICAL THERAPY*****XX*1098765432",
        "HL*6*5*SS*0",
        "TRN*2*EVT20261124A-L1*1999999999",
        "UM*HS*I*AD",
        "HCR*A1*AUTH0001001",
        "DTP*472*RD8*20261201-20261231",
        "SV1*HC:97110:GP:KX**UN*12",
        "HL*7*5*SS*0",
        "TRN*2*EVT20261124A-L2*1999999999",
        "HCR*A1*AUTH0001001",
        "SV1*HC:97140:GP:59:KX**UN*6",
    ]
}
