/// A small deterministic generator (SplitMix64), so that random tests repeat exactly.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Chunk sizes between 1 and `max`, enough to cover `total` bytes.
    mutating func chunkSizes(total: Int, max: Int) -> [Int] {
        var sizes: [Int] = []
        var sum = 0
        while sum < total {
            let n = Int.random(in: 1...max, using: &self)
            sizes.append(n)
            sum += n
        }
        return sizes.isEmpty ? [1] : sizes
    }
}
