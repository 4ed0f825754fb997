import AuthModel
import Foundation
import Testing
import X12
@testable import X12Mapping

/// Generated files of every type validate clean, map both ways, and are deterministic.
@Suite struct GeneratedDataTests {
    static func generate(_ type: GeneratedType, count: Int, seed: UInt64 = 11) throws -> [UInt8] {
        let writer = X12Writer.inMemory(suffix: .lf)
        try TestDataGenerator(seed: seed).write(type, count: count, to: writer)
        return writer.bytes
    }

    @Test(arguments: GeneratedType.allCases)
    func validatesCleanAndRoundTrips(_ type: GeneratedType) throws {
        let bytes = try Self.generate(type, count: 150)
        #expect(try MappingTestSupport.validationErrors(bytes) == [])
        // Generated files are in normalized form: X12 → model → X12 is byte-exact.
        let rewritten = try MappingTestSupport.rewrite(bytes)
        #expect(rewritten == bytes)
        let models = try MappingTestSupport.models(bytes).map { try $0.result.get() }
        #expect(models.count == 150)
        for (i, m) in models.enumerated() {
            #expect(m == TestDataGenerator(seed: 11).transaction(type, index: i))
            #expect(try ModelJSON.decode(try ModelJSON.encode(m)) == m)
        }
    }

    @Test func deterministicAndCoversTheCases() throws {
        #expect(try Self.generate(.authorizationDecision, count: 40) == (try Self.generate(.authorizationDecision, count: 40)))
        #expect(try Self.generate(.authorizationDecision, count: 40, seed: 12) != (try Self.generate(.authorizationDecision, count: 40)))
        let gen = TestDataGenerator(seed: 3)
        var actions = Set<DecisionAction>()
        var rejected = 0, dependents = 0, twelve = 0, fourModifiers = 0
        for i in 0..<400 {
            guard case .authorizationDecision(let d) = gen.transaction(.authorizationDecision, index: i),
                  case .authorizationRequest(let r) = gen.transaction(.authorizationRequest, index: i) else { continue }
            if let a = d.action { actions.insert(a) }
            if d.isRejection { rejected += 1 }
            if r.dependent != nil { dependents += 1 }
            if r.diagnoses.count == 12 { twelve += 1 }
            if r.serviceLines.contains(where: { $0.procedure?.modifiers.count == 4 }) { fourModifiers += 1 }
        }
        #expect(actions.isSuperset(of: [.certifiedInTotal, .certifiedPartially, .notCertified, .pended, .modified]))
        #expect(rejected > 0 && dependents > 0 && twelve > 0 && fourModifiers > 0)
    }

    @Test func sizeLimitStopsTheFile() throws {
        let writer = X12Writer.inMemory()
        let n = try TestDataGenerator(seed: 5).write(.eligibilityResponse, count: 0, sizeBytes: 100_000, to: writer)
        #expect(n > 10 && writer.bytes.count >= 100_000 && writer.bytes.count < 110_000)
    }
}
