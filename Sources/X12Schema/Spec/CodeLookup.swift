/// The codes of a ``CodeSet`` as plain pointers and counts, so the validator can test a value without touching a
/// class reference: codes of up to seven bytes packed (bytes plus length) into sorted `UInt64`s, longer codes
/// concatenated with their end offsets.
///
/// Valid only while the ``CodeSet`` it came from is alive (the guide keeps it).
struct CodeLookup: @unchecked Sendable {
    /// The sorted packed codes (`nil` for "no code list").
    let base: UnsafePointer<UInt64>?
    /// How many packed codes.
    let count: Int
    /// The codes longer than seven bytes, concatenated; `longEnds[i]` is where code `i` ends.
    let longBytes: UnsafePointer<UInt8>?
    let longEnds: UnsafePointer<Int>?
    let longCount: Int

    /// No code list.
    static let none = CodeLookup(base: nil, count: 0, longBytes: nil, longEnds: nil, longCount: 0)

    /// `true` when there is a code list.
    @inline(__always) var isPresent: Bool { base != nil }

    /// `true` when `b` is one of the codes.
    @inline(__always)
    func contains(_ b: UnsafeRawBufferPointer) -> Bool {
        let n = b.count
        if n > 7 { return containsLong(b) }
        guard let base else { return false }
        let k = PackedKey.pack(b)
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

    private func containsLong(_ b: UnsafeRawBufferPointer) -> Bool {
        guard let longBytes, let longEnds else { return false }
        var start = 0
        for i in 0..<longCount {
            let end = longEnds[i]
            if end - start == b.count {
                var same = true
                for j in 0..<b.count where longBytes[start + j] != b[j] { same = false; break }
                if same { return true }
            }
            start = end
        }
        return false
    }
}
