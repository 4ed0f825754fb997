/// A ``ControlNumberSource`` that counts up from a start value, separately for interchanges and groups.
///
/// ```swift
/// let numbers = SequentialControlNumbers(start: 1001)
/// numbers.nextInterchangeControlNumber()   // 1001
/// numbers.nextGroupControlNumber()         // 1001
/// numbers.nextGroupControlNumber()         // 1002
/// ```
public final class SequentialControlNumbers: ControlNumberSource {
    /// The interchange number handed out next.
    public private(set) var nextInterchange: Int
    /// The group number handed out next.
    public private(set) var nextGroup: Int

    /// Starts both sequences at `start` (1 to 999 999 999).
    public init(start: Int = 1) {
        nextInterchange = max(1, start)
        nextGroup = max(1, start)
    }

    /// Starts the two sequences at different values.
    public init(interchangeStart: Int, groupStart: Int) {
        nextInterchange = max(1, interchangeStart)
        nextGroup = max(1, groupStart)
    }

    /// The next ISA13; after 999 999 999 it starts again at 1.
    public func nextInterchangeControlNumber() -> Int {
        defer { nextInterchange = nextInterchange >= 999_999_999 ? 1 : nextInterchange + 1 }
        return nextInterchange
    }

    /// The next GS06; after 999 999 999 it starts again at 1.
    public func nextGroupControlNumber() -> Int {
        defer { nextGroup = nextGroup >= 999_999_999 ? 1 : nextGroup + 1 }
        return nextGroup
    }
}
