extension X12Decoder {
    /// ST02 as a `String` (what `ElementView.string` gives), made in place when it is 1 to 15 ASCII bytes
    /// (``SmallASCIIString``); those bytes are kept so that SE02 is compared without the `String`.
    func transactionControlNumber(_ b: UnsafeRawBufferPointer) -> String {
        st02Count = -1
        let n = b.count
        guard n > 0, n <= 15, let p = b.baseAddress else { return String(decoding: b, as: UTF8.self) }
        let (low, high) = Self.words(p, n)
        guard SmallASCIIString.isASCII(low, high) else { return String(decoding: b, as: UTF8.self) }
        st02Words = (low, high)
        st02Count = n
        return makesSmallASCII ? SmallASCIIString.make(low: low, high: high, count: n) : String(decoding: b, as: UTF8.self)
    }

    /// Whether SE02 has exactly the bytes of the open set's ST02 (`se02.equals(header.controlNumber)`: for an
    /// ASCII ST02 its `String`'s bytes are the element's bytes).
    func closesTransaction(_ se02: ElementView) -> Bool {
        guard st02Count >= 0 else { return se02.equals(transaction!.header.controlNumber) }
        let n = se02.bytes.count
        guard n == st02Count, let p = se02.bytes.baseAddress else { return false }
        return Self.words(p, n) == st02Words
    }

    /// The `n` (1–15) bytes at `p` as two little-endian words, the bytes past `n` zero (copied: nothing past them
    /// is read).
    @inline(__always) static func words(_ p: UnsafeRawPointer, _ n: Int) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.baseAddress!.copyMemory(from: p, byteCount: n) }
        return (UInt64(littleEndian: words.0), UInt64(littleEndian: words.1))
    }
}
