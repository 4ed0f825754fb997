/// The packed codes of a ``CodeSet`` as a plain pointer and count, so the validator can test a value without
/// touching a class reference: codes of up to seven bytes, packed (bytes plus length) into sorted `UInt64`s.
///
/// Valid only while the ``CodeSet`` it came from is alive (the guide keeps it).
struct CodeLookup: @unchecked Sendable {
    /// The sorted packed codes (`nil` for "no code list").
    let base: UnsafePointer<UInt64>?
    /// How many packed codes.
    let count: Int
    /// `true` when the set also holds codes longer than seven bytes (not in this lookup).
    let hasLong: Bool

    /// No code list.
    static let none = CodeLookup(base: nil, count: 0, hasLong: false)

    /// `true` when there is a code list.
    @inline(__always) var isPresent: Bool { base != nil }

    /// `true`/`false` when the answer is known from the packed codes; `nil` when a long code must be compared.
    @inline(__always)
    func contains(_ b: UnsafeRawBufferPointer) -> Bool? {
        let n = b.count
        if n > 7 { return hasLong ? nil : false }
        guard let base else { return false }
        var k = UInt64(n) << 56
        var i = 0
        while i < n { k |= UInt64(b[i]) << (8 * UInt64(i)); i += 1 }
        if count <= 16 {
            var j = 0
            while j < count { if base[j] == k { return true }; j += 1 }
            return false
        }
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) >> 1
            let v = base[mid]
            if v == k { return true }
            if v < k { lo = mid + 1 } else { hi = mid }
        }
        return false
    }
}
