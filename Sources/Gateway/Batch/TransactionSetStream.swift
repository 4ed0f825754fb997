import X12

/// Pulls a file's transaction sets one at a time from an ``X12Reader``, copying the segments only of the sets
/// the caller wants: the batch processor reads a file set by set and never holds all of its sets at once.
///
/// A set is reported at its SE (or where the reader closes it) when it has an ST inside a group inside an
/// interchange; `interchange` is the index of its interchange and `ordinal` its position among the sets reported
/// for that interchange. ``observe`` sees every event, after the set ending at it has been handed out.
final class TransactionSetStream {
    /// One transaction set.
    struct Item {
        /// Index of its interchange in the file.
        var interchange: Int
        /// Position among the sets of its interchange.
        var ordinal: Int
        /// Its functional group.
        var group: GroupHeader
        /// Its ST.
        var header: TransactionHeader
        /// ST to SE, both included; empty when the set was not wanted.
        var segments: [Segment]
    }

    /// The reader.
    let reader: X12Reader
    /// Sees every event (for the envelope collector).
    var observe: ((X12Event, X12Reader) -> Void)?
    /// Whether the segments of a set are copied, asked at its ST with (interchange, ordinal, header).
    var wants: (Int, Int, TransactionHeader) -> Bool = { _, _, _ in true }

    private var interchanges = 0
    private var ordinal = 0
    private var group: GroupHeader?
    private var header: TransactionHeader?
    private var segments: [Segment] = []
    private var collecting = false
    private var keeping = false
    private var pending: X12Event?

    /// A stream over `bytes`.
    init(bytes: [UInt8], name: String) {
        reader = X12Reader(bytes: bytes, name: name)
    }

    /// The next set, or `nil` at the end of the input.
    func next() throws -> Item? {
        if let event = pending {
            pending = nil
            observe?(event, reader)
        }
        while let event = try reader.next() {
            switch event {
            case .interchangeStart:
                interchanges += 1
                ordinal = 0
            case .groupStart(let gs):
                group = gs
            case .transactionStart(let st):
                header = st
                collecting = true
                keeping = interchanges > 0 && wants(interchanges - 1, ordinal, st)
                segments.removeAll(keepingCapacity: true)
                if keeping { segments.append(reader.segment.copy()) }
            case .segment:
                if keeping { segments.append(reader.segment.copy()) }
            case .transactionEnd:
                if collecting, let header, let group, interchanges > 0 {
                    if keeping, reader.hasSegment { segments.append(reader.segment.copy()) }
                    let item = Item(interchange: interchanges - 1, ordinal: ordinal, group: group, header: header,
                                    segments: keeping ? segments : [])
                    ordinal += 1
                    collecting = false
                    keeping = false
                    segments.removeAll(keepingCapacity: true)
                    pending = event
                    return item
                }
                collecting = false
                keeping = false
                segments.removeAll(keepingCapacity: true)
            case .groupEnd:
                group = nil
            default:
                break
            }
            observe?(event, reader)
        }
        return nil
    }
}
