extension X12Decoder {
    /// The last String decoded from up to 15 bytes, with those bytes: the same bytes give the same String back
    /// without decoding (ST01 and ST03 repeat set after set).
    struct StringCache {
        private var bytes: (UInt64, UInt64) = (0, 0)
        private var count = -1
        private var value = ""

        /// `String(decoding: raw, as: UTF8.self)`, reused when `raw` equals the last bytes.
        mutating func string(_ raw: UnsafeRawBufferPointer) -> String {
            let n = raw.count
            guard n <= 15 else { return String(decoding: raw, as: UTF8.self) }
            var key: (UInt64, UInt64) = (0, 0)
            if n > 0 { withUnsafeMutableBytes(of: &key) { $0.baseAddress!.copyMemory(from: raw.baseAddress!, byteCount: n) } }
            if n == count && key == bytes { return value }
            let s = String(decoding: raw, as: UTF8.self)
            bytes = key
            count = n
            value = s
            return s
        }
    }
}
