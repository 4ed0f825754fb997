import ArgumentParser
import Foundation
import Gateway
import X12Schema
#if canImport(Glibc)
import Glibc
#endif

/// `x12bench gateway`: the batch processor end to end on generated files, release build.
///
/// Imports `--members` generated members, then runs `x12gate batch` logic (read, validate, 999, map, answer,
/// store, write outputs, archive) on one file of `--inquiries` 270s and one file of `--requests` 278 requests.
struct GatewayBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Batch processing end to end: N 270s answered with 271s, M 278 requests answered with 278 responses.")

    @Option(help: "270 transaction sets in the eligibility file.") var inquiries: Int = 100_000
    @Option(help: "278 requests in the authorization file.") var requests: Int = 10_000
    @Option(help: "Members in the store.") var members: Int = 20_000
    @Flag(help: "Skip validation against the guides (envelope checks only).") var noValidate = false
    @Option(help: "The Specs/ folder.") var specs: String?
    @Option(help: "Keep the work folder here instead of a temporary one.") var directory: String?

    func run() throws {
        let root = directory ?? NSTemporaryDirectory() + "x12bench-gateway-\(getpid())"
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root + "/inbox", withIntermediateDirectories: true)
        let store = try SQLiteGatewayStore(path: root + "/store.sqlite")
        let importer = ReferenceDataImporter(store: store)
        _ = try importer.importProviders(text: Self.providers)
        var csv = "member_id,last_name,first_name,birth_date,gender,plan_id,plan_name,line_of_business,coverage_start,pcp_npi,pcp_name,medical_group\n"
        for i in 0..<members {
            csv += "W\(200_000_000 + i),\(Self.last[i % Self.last.count]),\(Self.first[i % Self.first.count]),19\(50 + i % 50)-0\(1 + i % 9)-1\(i % 10),"
                + "\(i % 2 == 0 ? "F" : "M"),PLAN-COMM-01,Valley Gold PPO,\(i % 5 == 0 ? "MEDICARE-ADVANTAGE" : "COMMERCIAL"),2025-01-01,1111111112,\"ORTIZ, ANA\",VALORI MEDICAL GROUP\n"
        }
        let t0 = Date()
        let imported = try importer.importMembers(text: csv)
        _ = try importer.importBenefits(text: Self.benefits)
        print("import: \(imported.imported) members in \(Self.seconds(t0))")
        let library = noValidate ? nil : try SpecLibrary.load(directory: specs, checkSchema: false)
        let options = BatchOptions(workers: 1, settleSeconds: 0, specs: library)
        let processor = try BatchProcessor(folders: BatchFolders(inbox: root + "/inbox", outbox: root + "/outbox"),
                                           store: store, options: options)
        for (name, sets) in [("eligibility.x12", inquiries), ("authorizations.x12", requests)] {
            // The generated text is written to the inbox in chunks of 1 MB, so the peak RSS is the processor's.
            let (size, segments): (Int, Int) = try {
                FileManager.default.createFile(atPath: root + "/inbox/." + name, contents: nil)
                let out = ChunkedText(handle: try FileHandle(forWritingTo: URL(fileURLWithPath: root + "/inbox/." + name)))
                if name == "eligibility.x12" { eligibilityFile(out) } else { authorizationFile(out) }
                try out.close()
                try FileManager.default.moveItem(atPath: root + "/inbox/." + name, toPath: root + "/inbox/" + name)
                return (out.bytes, out.segments)
            }()
            print("peak RSS before processing \(name): \(Self.peakRSSMB()) MB")
            let start = Date(), cpuStart = Self.cpuSeconds(), threadStart = Self.cpuSeconds(thread: true)
            let summary = try processor.runOnce()
            let elapsed = Date().timeIntervalSince(start), cpu = Self.cpuSeconds() - cpuStart
            let own = Self.cpuSeconds(thread: true) - threadStart
            let f = summary.files.first
            let out = (f?.outputs ?? []).map { "\($0.name) \(Self.mb($0.byteCount))" }.joined(separator: ", ")
            print("""
                \(name): \(sets) sets, \(Self.mb(size)), \(segments) segments → \(String(format: "%.2f", elapsed)) s \
                (CPU \(String(format: "%.2f", cpu)) s, of which the reading thread \(String(format: "%.2f", own)) s), \
                \(String(format: "%.1f", Double(size) / 1_048_576 / elapsed)) MB/s, \
                \(Int(Double(segments) / elapsed)) segments/s, \(Int(Double(sets) / elapsed)) sets/s; \
                accepted \(f?.accepted ?? 0), rejected \(f?.rejected ?? 0), answered with AAA \(f?.answeredWithRejection ?? 0); outputs: \(out)
                """)
        }
        print("peak RSS: \(Self.peakRSSMB()) MB\(noValidate ? " (no validation)" : " (validated against Specs/)")")
        if directory == nil { try? FileManager.default.removeItem(atPath: root) }
    }

    private func eligibilityFile(_ s: ChunkedText) {
        s += Self.isa("HS", "005010X279A1", 1)
        for i in 0..<inquiries {
            let m = i % members
            let body = ["BHT*0022*13*INQ\(i)*20261125*0900", "HL*1**20*1", "NM1*PR*2*VALLEY HEALTH PLAN*****PI*VHP01",
                        "HL*2*1*21*1", "NM1*1P*2*VALORI MEDICAL GROUP*****XX*1234567893", "HL*3*2*22*0",
                        "TRN*1*T\(i)*9876543210", "NM1*IL*1*\(Self.last[m % Self.last.count])*\(Self.first[m % Self.first.count])****MI*W\(200_000_000 + m)",
                        i % 4 == 0 ? "EQ*98" : "EQ*30"]
            s += Self.set("270", "005010X279A1", body, i + 1)
        }
        s += "GE*\(inquiries)*1~\nIEA*1*000000001~\n"
    }

    private func authorizationFile(_ s: ChunkedText) {
        s += Self.isa("HI", "005010X217", 2)
        let specialists = ["2222222228", "6666666667", "7777777773", "8888888889", "3333333334"]
        for i in 0..<requests {
            let m = i % members
            let referral = i % 2 == 0
            var body = ["BHT*0007*13*REQ\(i)*20261125*0930", "HL*1**20*1", "NM1*X3*2*VALORI MEDICAL GROUP*****PI*VMG01",
                        "HL*2*1*21*1", "NM1*1P*1*ORTIZ*ANA****XX*1111111112", "HL*3*2*22*1",
                        "NM1*IL*1*\(Self.last[m % Self.last.count])*\(Self.first[m % Self.first.count])****MI*W\(200_000_000 + m)",
                        "HL*4*3*EV*\(referral ? 1 : 0)", "TRN*1*TRK\(i)*9CLINIC001"]
            if referral {
                body += ["UM*SC*I*3*11:B*****Y", "HI*ABK:I\(100 + i % 800)", "HSD*VS*1",
                         "NM1*SJ*2*SPECIALIST*****XX*\(specialists[i / 2 % specialists.count])",
                         "HL*5*4*SS*0", "TRN*1*TRK\(i)-1*9CLINIC001", "SV1*HC:9920\(1 + i % 3)**UN*1"]
            } else {
                body += ["UM*HS*I*2*24:B\(i % 10 == 1 ? "**U" : "")", "DTP*AAH*D8*20261215", "HI*ABK:M23221",
                         "NM1*SJ*2*SURGERY CENTER*****XX*2222222228"]
            }
            s += Self.set("278", "005010X217", body, i + 1)
        }
        s += "GE*\(requests)*2~\nIEA*1*000000002~\n"
    }

    static func isa(_ fid: String, _ version: String, _ n: Int) -> String {
        "ISA*00*          *00*          *ZZ*CLINICSUBMIT01 *ZZ*VALORIMG       *261125*0930*^*00501*00000000\(n)*0*T*:~\n"
            + "GS*\(fid)*CLINICSUBMIT01*VALORIMG*20261125*0930*\(n)*X*\(version)~\n"
    }

    static func set(_ id: String, _ version: String, _ body: [String], _ n: Int) -> String {
        let st = String(format: "%04d", n)
        return "ST*\(id)*\(st)*\(version)~\n" + body.map { $0 + "~\n" }.joined() + "SE*\(body.count + 2)*\(st)~\n"
    }

    static let last = ["KAVORA", "TANAVO", "SORIVEN", "ORVANE", "MELISO", "QUARTE", "BENTILO", "DASKOV", "FERANO", "HOLLIS"]
    static let first = ["MELI", "RELI", "PALO", "TESA", "ANA", "JON", "LIA", "OMAR", "NINA", "TEO", "SAM"]
    static let providers = """
        npi,name,specialty,contracted,tertiary
        1234567893,VALORI MEDICAL GROUP,Family Medicine,Y,N
        1111111112,"ORTIZ, ANA",Family Medicine,Y,N
        2222222228,KESSLER CARDIOLOGY,Cardiology,Y,N
        3333333334,DUNMORE DERMATOLOGY,Dermatology,N,N
        6666666667,ENDO ASSOCIATES,Endocrinology,Y,N
        7777777773,BAYSIDE PHYSICAL THERAPY,Physical Therapy,Y,N
        8888888889,HARBOR ENT,ENT,Y,N

        """
    static let benefits = """
        plan_id,service_type,kind,coverage_level,network,time_period,amount,percent
        PLAN-COMM-01,30,deductible,IND,in,calendar_year,1500,
        PLAN-COMM-01,30,coinsurance,IND,in,,,0.2
        PLAN-COMM-01,98,copay,IND,in,visit,25,

        """

    static func seconds(_ since: Date) -> String { String(format: "%.2f s", Date().timeIntervalSince(since)) }
    static func mb(_ n: Int) -> String { String(format: "%.1f MB", Double(n) / 1_048_576) }
    /// User + system CPU time of this process (or of the calling thread: the batch reads, maps and answers on it,
    /// the answers are written on another) so far: a figure the other processes on the machine do not change. On a
    /// quiet machine the wall time of a file is about the larger of the two threads' shares.
    static func cpuSeconds(thread: Bool = false) -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(thread ? 1 : RUSAGE_SELF.rawValue), &usage)   // 1: RUSAGE_THREAD
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func peakRSSMB() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss / 1_048_576
        #endif
    }
}
