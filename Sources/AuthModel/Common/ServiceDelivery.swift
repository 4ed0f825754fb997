import Foundation

/// How much of a service, over what period, in what pattern (e.g. 3 visits a week for 2 months; 7 days).
public struct ServiceDelivery: Sendable, Hashable, Codable {
    /// What the quantity counts.
    public enum QuantityKind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Days.
        case days
        /// Units.
        case units
        /// Hours.
        case hours
        /// Months.
        case months
        /// Visits.
        case visits
    }

    /// The unit the pattern is measured in.
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        /// Days.
        case days
        /// Months.
        case months
        /// Visits.
        case visits
        /// Weeks.
        case weeks
        /// Years.
        case years
    }

    /// What ``quantity`` counts.
    public var quantityKind: QuantityKind?
    /// The quantity.
    public var quantity: Decimal?
    /// The unit of the sample selection.
    public var unit: Unit?
    /// Sample selection modulus (e.g. 3 = every third unit).
    public var sampleSelectionModulus: Decimal?
    /// The period.
    public var timePeriod: TimePeriod?
    /// How many periods.
    public var periodCount: Decimal?
    /// Delivery frequency code (e.g. `A` Monday to Friday, `W` whenever necessary).
    public var frequencyCode: String?
    /// Delivery pattern time code (e.g. `D` a.m.).
    public var timeCode: String?

    /// Creates a delivery pattern.
    public init(quantityKind: QuantityKind? = nil, quantity: Decimal? = nil, unit: Unit? = nil,
                sampleSelectionModulus: Decimal? = nil, timePeriod: TimePeriod? = nil, periodCount: Decimal? = nil,
                frequencyCode: String? = nil, timeCode: String? = nil) {
        self.quantityKind = quantityKind
        self.quantity = quantity
        self.unit = unit
        self.sampleSelectionModulus = sampleSelectionModulus
        self.timePeriod = timePeriod
        self.periodCount = periodCount
        self.frequencyCode = frequencyCode
        self.timeCode = timeCode
    }
}
