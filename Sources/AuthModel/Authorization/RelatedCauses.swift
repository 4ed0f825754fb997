/// What the condition is related to: an auto accident, another party, employment.
public struct RelatedCauses: Sendable, Hashable, Codable {
    /// Cause codes in order (`AA` auto accident, `AP` another party responsible, `EM` employment).
    public var causeCodes: [String]
    /// The state of an auto accident.
    public var state: String?
    /// The country of an accident outside the United States.
    public var country: String?

    /// Creates related causes.
    public init(causeCodes: [String], state: String? = nil, country: String? = nil) {
        self.causeCodes = causeCodes
        self.state = state
        self.country = country
    }
}
