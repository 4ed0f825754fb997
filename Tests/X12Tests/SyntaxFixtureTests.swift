import Testing
@testable import X12

/// Each file under `TestData/syntax/` has a sidecar `<name>.findings` listing the exact findings the reader must
/// report, one per line: `CODE line segmentIndex [element] [warning]` (an empty sidecar means no finding).
@Suite struct SyntaxFixtureTests {
    /// A finding in the sidecar's form.
    static func line(_ f: Finding) -> String {
        var s = "\(f.code) \(f.location.line) \(f.location.segmentIndex)"
        if let e = f.location.elementPosition { s += " \(e)" }
        if f.severity == .warning { s += " warning" }
        return s
    }

    static func expected(_ file: String) -> [String]? {
        let sidecar = String(file.dropLast(".x12".count)) + ".findings"
        guard Fixtures.allFiles().contains(sidecar) else { return nil }
        return Fixtures.text(sidecar).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    @Test(arguments: Fixtures.syntaxFiles("valid") + Fixtures.syntaxFiles("broken"))
    func findingsMatchTheSidecar(file: String) throws {
        let expected = try #require(Self.expected(file), "\(file) has no .findings sidecar")
        let found = try EventLog.findings(Fixtures.bytes(file))
        #expect(found.map(Self.line) == expected, "\(file): \(found.map(\.description))")
    }

    @Test(arguments: Fixtures.syntaxFiles("valid"))
    func validFilesHaveNoErrors(file: String) throws {
        let found = try EventLog.findings(Fixtures.bytes(file))
        #expect(found.allSatisfy { $0.severity == .warning }, "\(file): \(found.map(\.description))")
    }

    @Test(arguments: Fixtures.syntaxFiles("broken"))
    func brokenFilesHaveAnError(file: String) throws {
        let found = try EventLog.findings(Fixtures.bytes(file))
        #expect(found.contains { $0.severity == .error }, "\(file)")
    }

    @Test func fixturesExist() {
        #expect(Fixtures.syntaxFiles("valid").count >= 10)
        #expect(Fixtures.syntaxFiles("broken").count >= 20)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension Set where Element == Character {
    fileprivate static var whitespaces: Set<Character> { [" ", "\t", "\r"] }
}
