/// Hands out the control numbers of the acknowledgments we send: ISA13 and GS06.
///
/// The caller owns the counter (a file, a database sequence, a test's fixed start), so that numbers stay unique per
/// sender over time. ``SequentialControlNumbers`` is the in-memory implementation.
public protocol ControlNumberSource: AnyObject {
    /// The next interchange control number (ISA13, written as nine digits).
    func nextInterchangeControlNumber() -> Int
    /// The next functional group control number (GS06).
    func nextGroupControlNumber() -> Int
}
