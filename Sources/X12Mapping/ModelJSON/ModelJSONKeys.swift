/// The property names of one model type (or the raw values of one enumeration), matched against the bytes of a
/// JSON string as packed 8-byte words: no `String`s, no `memcmp` calls.
///
/// Each name is stored as its bytes followed by the closing quote (`kind"`), zero-padded to whole words. Matching
/// at the byte after an opening quote compares those words with the input (the last one masked): equal words mean
/// the input string is exactly the name and unescaped (a name holds no quote or backslash). A name not found at
/// the expected place is found through a small open-addressing hash of its length and first and last word.
final class ModelJSONKeys: @unchecked Sendable {
    /// The names' patterns, `words[k]` words from `offsets[k]`.
    private let patterns: UnsafeMutablePointer<UInt64>
    private let offsets: UnsafeMutablePointer<Int32>
    private let lengths: UnsafeMutablePointer<Int32>
    /// The mask of the last word of each pattern (its bytes up to and with the quote).
    private let lastMasks: UnsafeMutablePointer<UInt64>
    private let wordCounts: UnsafeMutablePointer<Int32>
    /// Hash slots: a name's index + 1, 0 for empty.
    private let slots: UnsafeMutablePointer<Int16>
    private let slotMask: Int
    /// The number of names.
    let count: Int

    /// The longest name a table takes: its pattern is read as whole words, so the input must stay readable that
    /// far past its end (``ModelJSONReader/padding``).
    static let maxLength = 47

    /// The names in property (or case) order (immutable; lives as long as the program, like the type's static).
    init(_ names: [StaticString]) {
        count = names.count
        var total = 0
        for n in names {
            precondition(n.utf8CodeUnitCount <= Self.maxLength, "model JSON name longer than \(Self.maxLength) bytes")
            total += (n.utf8CodeUnitCount + 1 + 7) / 8
        }
        patterns = .allocate(capacity: max(total, 1))
        patterns.initialize(repeating: 0, count: max(total, 1))
        offsets = .allocate(capacity: max(count, 1))
        lengths = .allocate(capacity: max(count, 1))
        lastMasks = .allocate(capacity: max(count, 1))
        wordCounts = .allocate(capacity: max(count, 1))
        var size = 8
        while size < count * 4 { size <<= 1 }
        slotMask = size - 1
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        var at = 0
        for (k, n) in names.enumerated() {
            let len = n.utf8CodeUnitCount
            let words = (len + 1 + 7) / 8
            let raw = UnsafeMutableRawPointer(patterns + at)
            for b in 0..<len {
                let c = n.utf8Start[b]
                precondition(c >= 0x20 && c != 0x22 && c != 0x5C, "model JSON name with a byte that needs escaping")
                raw.storeBytes(of: c, toByteOffset: b, as: UInt8.self)
            }
            raw.storeBytes(of: 0x22, toByteOffset: len, as: UInt8.self)
            offsets[k] = Int32(at)
            lengths[k] = Int32(len)
            wordCounts[k] = Int32(words)
            let tail = (len + 1) - (words - 1) * 8   // 1...8 bytes in the last word
            lastMasks[k] = tail == 8 ? ~0 : (1 << (UInt64(tail) * 8)) - 1
            var h = Self.hash(UnsafeRawPointer(raw), len) & slotMask
            while slots[h] != 0 { h = (h + 1) & slotMask }
            slots[h] = Int16(k + 1)
            at += words
        }
    }

    deinit {
        patterns.deallocate()
        offsets.deallocate()
        lengths.deallocate()
        lastMasks.deallocate()
        wordCounts.deallocate()
        slots.deallocate()
    }

    /// The length in bytes of name `k`.
    @inline(__always) func length(_ k: Int) -> Int { Int(lengths[k]) }

    /// Whether the input at `p` (just after an opening quote) is name `k` and its closing quote.
    @inline(__always) func matches(_ p: UnsafeRawPointer, _ k: Int) -> Bool {
        let w = Int(wordCounts[k])
        let pattern = patterns + Int(offsets[k])
        var j = 0
        while j < w - 1 {
            if p.loadUnaligned(fromByteOffset: j * 8, as: UInt64.self) != pattern[j] { return false }
            j += 1
        }
        return p.loadUnaligned(fromByteOffset: j * 8, as: UInt64.self) & lastMasks[k] == pattern[j]
    }

    /// The index of the name whose bytes are the `length` bytes at `p` (an unescaped string, followed by its
    /// closing quote), or -1.
    @inline(__always) func lookup(_ p: UnsafeRawPointer, length: Int) -> Int {
        var h = Self.hash(p, length) & slotMask
        while true {
            let s = Int(slots[h])
            if s == 0 { return -1 }
            if Int(lengths[s - 1]) == length && matches(p, s - 1) { return s - 1 }
            h = (h + 1) & slotMask
        }
    }

    /// A hash of a name's length and its first and last (up to) eight bytes; the bytes after the name are not read
    /// into it (masked), so the stored pattern and the input hash alike.
    @inline(__always) private static func hash(_ p: UnsafeRawPointer, _ length: Int) -> Int {
        var a: UInt64
        var b: UInt64 = 0
        if length >= 8 {
            a = p.loadUnaligned(as: UInt64.self)
            b = p.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
        } else {
            a = p.loadUnaligned(as: UInt64.self) & ((1 << (UInt64(length) * 8)) - 1)
        }
        a = (a ^ (b &* 0xFF51_AFD7_ED55_8CCD) ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: a >> 40)
    }
}
