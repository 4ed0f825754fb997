import X12

/// The streaming validator: reads X12 events, picks a guide for every transaction set, and builds a
/// ``ValidationReport`` (interchange → group → transaction set, each with its findings and verdict).
///
/// ```swift
/// let library = try SpecLibrary.load()
/// let validator = Validator(library: library)
/// let report = try validator.validate(path: "eligibility.x12")
/// print(FindingTextRenderer().render(report))
/// ```
/// Memory: one transaction set's state at a time (bounded by loop depth and HLs per set); with
/// ``Options/keepTransactions`` off, a report keeps only counts and the sets that have findings (none when a
/// ``TransactionHandler`` takes each set as it closes: see ``FindingSpool``).
/// To see each segment with its guide loop while validating (for mapping or conversion), pass `onSegment`.
public final class Validator {
    /// Policy knobs.
    public struct Options: Sendable {
        /// Keep a ``TransactionReport`` for every set (needed for a 999). When `false`, only sets with findings are kept.
        public var keepTransactions: Bool
        /// Reader options.
        public var readerOptions: X12Decoder.Options

        /// Creates options.
        public init(keepTransactions: Bool = true, readerOptions: X12Decoder.Options = .init()) {
            self.keepTransactions = keepTransactions
            self.readerOptions = readerOptions
        }
    }

    /// Called for every segment inside a transaction set after it was validated: the segment, its location,
    /// the guide segment it matched (`nil` when it fits nowhere or no guide applies) and the tracker, whose
    /// ``LoopTracker/currentLoop``, ``LoopTracker/loopPath``, ``LoopTracker/opened`` and ``LoopTracker/closed`` tell the loops.
    public typealias SegmentHandler = (_ segment: SegmentView, _ location: Location, _ spec: SegmentSpec?, _ tracker: LoopTracker?) -> Void

    /// Called for every transaction set as it closes (its SE, or the end of its group or interchange), in input
    /// order, with its report and findings. A set handed to this handler is kept in the ``ValidationReport`` only
    /// when ``Options/keepTransactions`` is on: the caller keeps what it needs (a ``FindingSpool``), and the
    /// report's memory does not grow with the findings.
    public typealias TransactionHandler = (_ transaction: TransactionReport) -> Void

    /// Called for every functional group as it closes (its GE, the next GS or the interchange's end), in input
    /// order, with its report (counts and group findings; its sets as ``Options/keepTransactions`` says) and the
    /// index its interchange will have in ``ValidationReport/interchanges``. A group handed to this handler is not
    /// kept in the report (its interchange's ``InterchangeReport/groups`` stays empty): the caller keeps what it
    /// needs, and the report's memory does not grow with the number of groups.
    public typealias GroupHandler = (_ group: GroupReport, _ interchangeIndex: Int) -> Void

    /// Called for every interchange as it closes (its IEA, the next ISA or the end of the input), in input order,
    /// with its report (its groups as the other handlers left them). An interchange handed to this handler is not
    /// kept in the report (``ValidationReport/interchanges`` stays empty).
    public typealias InterchangeHandler = (_ interchange: InterchangeReport) -> Void

    /// The guides.
    public let library: SpecLibrary
    /// The options.
    public var options: Options
    private var validators: [String: TransactionValidator] = [:]

    /// Creates a validator.
    public init(library: SpecLibrary, options: Options = Options()) {
        self.library = library
        self.options = options
    }

    /// Validates a file (`-` = standard input). Throws only when the input cannot be read.
    public func validate(path: String, onSegment: SegmentHandler? = nil) throws(X12IOError) -> ValidationReport {
        let reader = try X12Reader(path: path, options: options.readerOptions)
        return try validate(reader: reader, onSegment: onSegment)
    }

    /// Validates bytes held in memory.
    public func validate(bytes: [UInt8], name: String = "input", onSegment: SegmentHandler? = nil) -> ValidationReport {
        let reader = X12Reader(bytes: bytes, name: name, options: options.readerOptions)
        // In-memory reading never fails.
        return (try? validate(reader: reader, onSegment: onSegment)) ?? ValidationReport(source: name)
    }

    /// The transaction-set validator for `guide` (kept, one per guide).
    public func transactionValidator(for guide: GuideSpec) -> TransactionValidator {
        if let v = validators[guide.id] { return v }
        let v = TransactionValidator(guide: guide)
        validators[guide.id] = v
        return v
    }

    /// Validates everything `reader` yields; each set goes to `onTransaction` as it closes, each group to
    /// `onGroup` and each interchange to `onInterchange`, when given.
    public func validate(reader: X12Reader, onSegment: SegmentHandler? = nil, onTransaction: TransactionHandler? = nil,
                         onGroup: GroupHandler? = nil, onInterchange: InterchangeHandler? = nil) throws(X12IOError) -> ValidationReport {
        var run = ValidationRun(validator: self, source: reader.name, onSegment: onSegment, onTransaction: onTransaction,
                                onGroup: onGroup, onInterchange: onInterchange)
        while let event = try reader.next() {
            run.handle(event, reader: reader)
        }
        run.report.segmentCount = reader.decoder.segmentsRead
        run.report.byteCount = reader.decoder.bytesFed
        return run.report
    }
}
