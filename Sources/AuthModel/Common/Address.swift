/// A postal address.
public struct Address: Sendable, Hashable, Codable {
    /// First street line.
    public var address1: String
    /// Second street line.
    public var address2: String?
    /// City.
    public var city: String?
    /// State or province code (`CA`).
    public var state: String?
    /// ZIP or postal code.
    public var postalCode: String?
    /// Country code, outside the United States.
    public var countryCode: String?
    /// Country subdivision (province) code, outside the United States.
    public var countrySubdivisionCode: String?

    /// Creates an address.
    public init(address1: String, address2: String? = nil, city: String? = nil, state: String? = nil,
                postalCode: String? = nil, countryCode: String? = nil, countrySubdivisionCode: String? = nil) {
        self.address1 = address1
        self.address2 = address2
        self.city = city
        self.state = state
        self.postalCode = postalCode
        self.countryCode = countryCode
        self.countrySubdivisionCode = countrySubdivisionCode
    }
}
