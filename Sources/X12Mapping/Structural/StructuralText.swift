import X12

/// Byte-level helpers shared by the JSON and XML forms: when a value can be written as text, and the hex
/// form used when it cannot (bytes that are not UTF-8, or characters XML 1.0 forbids).
enum StructuralText {
    /// `true` when `bytes` are valid UTF-8 (and, for XML, hold only characters XML 1.0 allows).
    static func isText(_ bytes: UnsafeRawBufferPointer, xml: Bool) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if xml && b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return false }
                i += 1
                continue
            }
            let len: Int
            var scalar: UInt32
            if b & 0xE0 == 0xC0 { len = 2; scalar = UInt32(b & 0x1F) }
            else if b & 0xF0 == 0xE0 { len = 3; scalar = UInt32(b & 0x0F) }
            else if b & 0xF8 == 0xF0 { len = 4; scalar = UInt32(b & 0x07) }
            else { return false }
            guard i + len <= n else { return false }
            for k in 1..<len {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            let minimum: UInt32 = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000
            if scalar < minimum || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { return false }
            if xml && (scalar == 0xFFFE || scalar == 0xFFFF) { return false }
            i += len
        }
        return true
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends the lower-case hex form of `bytes`.
    static func appendHex(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        for b in bytes {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0x0F)])
        }
    }

    /// Decodes hex digits (either case); `nil` when they are not an even number of hex digits.
    static func decodeHex<C: Collection>(_ text: C) -> [UInt8]? where C.Element == UInt8 {
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x41 + 10
            case 0x61...0x66: return c - 0x61 + 10
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 2)
        var high: UInt8?
        for c in text {
            guard let v = nibble(c) else { return nil }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return high == nil ? out : nil
    }

    /// `true` when a segment ID can be shown as such: 1 to 8 ASCII letters and digits.
    static func isPlainSegmentID(_ id: UnsafeRawBufferPointer) -> Bool {
        id.count >= 1 && id.count <= 8 && id.allSatisfy(\.isAlphanumericASCII)
    }
}
