/// What the reader saw next.
///
/// Envelope events carry the segment that caused them in ``X12Decoder/segment`` (check
/// ``X12Decoder/hasSegment``: an end made up for a missing trailer has none). Findings arrive in the
/// stream, just before the event they are about.
///
/// Payloads are boxed (`indirect`), so an event is one word to copy on the hot path; a plain
/// ``segment`` event allocates nothing.
public enum X12Event: Sendable {
    /// An ISA segment opened an interchange.
    indirect case interchangeStart(InterchangeHeader)
    /// An IEA segment (or a missing one, made up) closed the interchange.
    case interchangeEnd
    /// A TA1 segment inside an interchange (between ISA and GS).
    case interchangeAcknowledgment
    /// A GS segment opened a functional group.
    indirect case groupStart(GroupHeader)
    /// A GE segment (or a missing one, made up) closed the group.
    case groupEnd
    /// An ST segment opened a transaction set.
    indirect case transactionStart(TransactionHeader)
    /// An SE segment (or a missing one, made up) closed the transaction set.
    case transactionEnd
    /// Any other segment.
    case segment
    /// A problem with the input at this point.
    indirect case finding(Finding)
    /// No more input; ``X12Decoder/leading`` holds any bytes after the last segment.
    case endOfInput
}
