import Testing
import X12
@testable import X12Mapping

/// Shared elements are equal to new ones.
@Suite struct SharedElementsTests {
    @Test func equalToNewElements() {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var values = ["", "a", "é", "1a", "ABC", "D8", "RD8", "*", " ", "Z9"]
        for a in alphabet { values.append(String(a)); for b in alphabet { values.append(String([a, b])) } }
        for v in values { #expect(SharedElements.element(v) == Element(v)) }
    }
}
