/// Where a service is given: a place-of-service code (`11` office, `21` inpatient hospital, `22` outpatient
/// hospital …) or the first two positions of an institutional bill type.
public struct ServiceLocation: Sendable, Hashable, Codable {
    /// How ``code`` is to be read.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// CMS place-of-service code.
        case placeOfService
        /// The first two positions of a UB bill type (facility type).
        case billType
    }

    /// The code.
    public var code: String
    /// Place of service or bill type.
    public var kind: Kind

    /// Creates a location.
    public init(code: String, kind: Kind = .placeOfService) {
        self.code = code
        self.kind = kind
    }
}
