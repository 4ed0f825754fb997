/// A tooth a dental service applies to, with its surfaces.
public struct Tooth: Sendable, Hashable, Codable {
    /// Tooth number (universal/national designation).
    public var code: String
    /// Surfaces (`B`, `D`, `F`, `I`, `L`, `M`, `O`).
    public var surfaces: [String]

    /// Creates a tooth.
    public init(code: String, surfaces: [String] = []) {
        self.code = code
        self.surfaces = surfaces
    }
}
