/// An X12 simple data element type.
public enum ElementType: String, Sendable, Hashable, Codable, CaseIterable {
    /// String.
    case an = "AN"
    /// Code from a list.
    case id = "ID"
    /// Date (`CCYYMMDD`, or `YYMMDD` when max length is 6).
    case dt = "DT"
    /// Time (`HHMM`, `HHMMSS`, `HHMMSSD`, `HHMMSSDD`).
    case tm = "TM"
    /// Integer (no implied decimals).
    case n0 = "N0"
    /// Integer with one implied decimal.
    case n1 = "N1"
    /// Integer with two implied decimals.
    case n2 = "N2"
    /// Decimal number (explicit point when needed).
    case r = "R"
    /// Binary.
    case b = "B"

    /// `true` for the numeric types, whose length counts digits only.
    public var isNumeric: Bool { self == .n0 || self == .n1 || self == .n2 || self == .r }
}
