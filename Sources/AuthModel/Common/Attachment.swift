/// Supporting documentation for a request (chart notes, orders, reports), or documentation an answer asks for.
public struct Attachment: Sendable, Hashable, Codable {
    /// How the documentation travels.
    public enum Transmission: String, Sendable, Hashable, Codable, CaseIterable {
        /// Available on request at the provider's site.
        case availableOnRequest
        /// By mail.
        case mail
        /// Electronically only.
        case electronic
        /// By e-mail.
        case email
        /// By fax.
        case fax
        /// By voice (telephone).
        case voice
    }

    /// The report type code (e.g. `09` progress report, `OB` operative note, `AS` admission summary).
    public var reportType: String
    /// How it is sent.
    public var transmission: Transmission
    /// The attachment control number that links a separately sent attachment to this request.
    public var controlNumber: String?
    /// A description.
    public var description: String?

    /// Creates an attachment.
    public init(reportType: String, transmission: Transmission, controlNumber: String? = nil, description: String? = nil) {
        self.reportType = reportType
        self.transmission = transmission
        self.controlNumber = controlNumber
        self.description = description
    }
}
