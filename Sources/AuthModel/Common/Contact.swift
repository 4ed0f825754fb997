/// A contact person or office and how to reach it (up to three methods, in order).
public struct Contact: Sendable, Hashable, Codable {
    /// The contact's name.
    public var name: String?
    /// Numbers and addresses, in the order given.
    public var methods: [ContactMethod]

    /// Creates a contact.
    public init(name: String? = nil, methods: [ContactMethod] = []) {
        self.name = name
        self.methods = methods
    }

    /// The first telephone number.
    public var phone: String? { methods.first { $0.kind == .phone }?.value }
    /// The first e-mail address.
    public var email: String? { methods.first { $0.kind == .email }?.value }
    /// The first fax number.
    public var fax: String? { methods.first { $0.kind == .fax }?.value }
}
