import Foundation
import Testing
import GRDB
import X12Mapping
@testable import Gateway
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `x12gate batch` on a few hundred small files, kills it with SIGKILL at seeded random moments,
/// restarts it, and checks that every input ended with exactly one set of outputs.
@Suite struct BatchKillTests {
    /// `x12gate` next to the test bundle (both are built by `swift build --build-tests`).
    static var executable: URL? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("x12gate")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    @Test(.enabled(if: executable != nil, "the x12gate executable is not built next to the tests"))
    func killedAtRandomAndRestartedEveryFileIsFinishedExactlyOnce() throws {
        let root = try GatewayTestSupport.temporaryDirectory()
        let inbox = root.appendingPathComponent("inbox").path, outbox = root.appendingPathComponent("outbox").path
        let archive = root.appendingPathComponent("archive").path, errors = root.appendingPathComponent("errors").path
        let storePath = root.appendingPathComponent("store.sqlite").path
        let store = try SQLiteGatewayStore(path: storePath)
        let importer = ReferenceDataImporter(store: store)
        _ = try importer.importProviders(text: GatewayTestSupport.text("providers.csv"))
        _ = try importer.importMembers(text: GatewayTestSupport.text("members.csv"))
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let count = 240
        var kinds: [String: String] = [:]
        for i in 0..<count {
            let (name, text, kind) = Self.input(i)
            try text.write(toFile: inbox + "/" + name, atomically: true, encoding: .utf8)
            kinds[name] = kind
        }

        var rng = SeededGenerator(seed: 20261125)
        var kills = 0, runs = 0
        while runs < 60 {
            runs += 1
            let p = Process()
            p.executableURL = Self.executable
            p.arguments = ["batch", "--inbox", inbox, "--outbox", outbox, "--archive", archive, "--errors", errors,
                           "--store", storePath, "--once", "--settle", "0", "--workers", "2", "--no-validate"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            let delay = 20_000 + Int(rng.next() % 250_000)
            var waited = 0
            while p.isRunning && waited < delay { usleep(5_000); waited += 5_000 }
            if p.isRunning && kills < 12 {
                kill(p.processIdentifier, SIGKILL)
                kills += 1
                p.waitUntilExit()
                continue
            }
            p.waitUntilExit()
            let left = try Self.files(inbox) + Self.files(inbox + "/.x12gate-work")
            if left.isEmpty { break }
        }
        #expect(kills > 0, "the batch finished before any kill; make the files more numerous")

        // Nothing left behind, every input archived once, every output there once.
        #expect(try Self.files(inbox).isEmpty)
        #expect(try Self.files(inbox + "/.x12gate-work").isEmpty)
        let archived = try Self.files(archive)
        #expect(archived.sorted() == kinds.keys.sorted())
        let outputs = try FileManager.default.contentsOfDirectory(atPath: outbox)
        #expect(!outputs.contains { $0.hasPrefix(".") }, "temporary files left in the outbox")
        #expect(!outputs.contains { $0.hasSuffix(".ta1") }, "an input was processed twice (TA1 025)")
        var expected: [String] = []
        for (name, kind) in kinds {
            expected.append(name + ".999")
            // An answer for every set the 999 accepted (all of them, unless the mapping refused one).
            let accepted = (try? String(contentsOfFile: outbox + "/" + name + ".999", encoding: .utf8))?.contains("IK5*A") ?? false
            if accepted { expected.append(name + "." + (kind == "278" ? "278" : "271")) }
            if kind == "278" { #expect(accepted, "\(name) was not accepted") }
        }
        #expect(outputs.sorted() == expected.sorted())
        // The store: one finished journal row, one interchange and (for a 278) one authorization per input.
        let rows = try store.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM receivedFile WHERE state = 'done'") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM receivedFile") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM interchange") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM authorization") ?? -1)
        }
        #expect(rows.0 == count && rows.1 == count && rows.2 == count)
        #expect(rows.3 == kinds.values.filter { $0 == "278" }.count)
        // Each 278 response names the authorization stored for it.
        for (name, kind) in kinds where kind == "278" {
            let text = try String(contentsOfFile: outbox + "/" + name + ".278", encoding: .utf8)
            let hcr = text.split(separator: "~").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.first { $0.hasPrefix("HCR*") }
            let tracking = hcr.map { String($0.split(separator: "*", omittingEmptySubsequences: false)[2]) } ?? ""
            #expect(try store.read { try $0.authorization(trackingNumber: tracking) } != nil, "\(name): \(tracking)")
        }
    }

    static func files(_ dir: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: dir) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }
    }

    /// A small input: every third a 270, the others 278 requests; each with its own ISA13.
    static func input(_ i: Int) -> (String, String, String) {
        let isa13 = String(format: "%09d", 1000 + i)
        let head = "ISA*00*          *00*          *ZZ*CLINICSUBMIT01 *ZZ*VALORIMG       *261125*0930*^*00501*\(isa13)*0*T*:~\n"
        if i % 3 == 0 {
            let body = ["BHT*0022*13*INQ\(i)*20261125*0900", "HL*1**20*1", "NM1*PR*2*VALLEY HEALTH PLAN*****PI*VHP01",
                        "HL*2*1*21*1", "NM1*1P*2*VALORI MEDICAL GROUP*****XX*1234567893", "HL*3*2*22*0",
                        "TRN*1*T\(i)*9876543210", "NM1*IL*1*KAVORA*MELI****MI*W100000001", "EQ*30"]
            return ("in-\(i).x12", envelope(head, "HS", "005010X279A1", "270", body, i), "270")
        }
        let body = ["BHT*0007*13*REQ\(i)*20261125*0930", "HL*1**20*1", "NM1*X3*2*VALORI MEDICAL GROUP*****PI*VMG01",
                    "HL*2*1*21*1", "NM1*1P*1*ORTIZ*ANA****XX*1111111112", "HL*3*2*22*1",
                    "NM1*IL*1*KAVORA*MELI****MI*W100000001", "HL*4*3*EV*0", "TRN*1*TRK\(i)*9CLINIC001",
                    "UM*HS*I*2*24:B", "HI*ABK:M23221", "NM1*SJ*2*KESSLER CARDIOLOGY*****XX*2222222228"]
        return ("in-\(i).x12", envelope(head, "HI", "005010X217", "278", body, i), "278")
    }

    static func envelope(_ isa: String, _ fid: String, _ version: String, _ st01: String, _ body: [String], _ i: Int) -> String {
        var s = isa + "GS*\(fid)*CLINICSUBMIT01*VALORIMG*20261125*0930*\(i + 1)*X*\(version)~\n"
        s += "ST*\(st01)*0001*\(version)~\n" + body.map { $0 + "~\n" }.joined()
        s += "SE*\(body.count + 2)*0001~\nGE*1*\(i + 1)~\nIEA*1*\(isa.split(separator: "*")[13])~\n"
        return s
    }
}
