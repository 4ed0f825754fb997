import X12

/// Reads an input to its end and writes its acknowledgments (TA1 and 999s).
///
/// With a ``Validator`` every set is checked against its guide (SNIP 1–2) and the 999s carry the findings; without
/// one only the envelope is checked (what the reader finds).
///
/// ```swift
/// let out = X12Writer.inMemory()
/// let run = try Acknowledger(options: AcknowledgmentOptions(date: "20261125", time: "1200"),
///                            controlNumbers: SequentialControlNumbers(start: 1))
///     .acknowledge(X12Reader(path: "in.x12"), to: out)
/// run.isAccepted
/// ```
/// Memory without a validator: the findings and HL levels of one interchange at a time; with one, the validator's
/// report of the whole input.
public struct Acknowledger {
    /// Date, time and support table.
    public var options: AcknowledgmentOptions
    /// ISA13 and GS06 of the acknowledgments.
    public var controlNumbers: ControlNumberSource

    /// Creates an acknowledger.
    public init(options: AcknowledgmentOptions = AcknowledgmentOptions(), controlNumbers: ControlNumberSource) {
        self.options = options
        self.controlNumbers = controlNumbers
    }

    /// Reads every event of `reader` and writes the acknowledgments to `writer` (which it flushes, not closes).
    public func acknowledge(_ reader: X12Reader, to writer: X12Writer) throws(X12IOError) -> AcknowledgmentRun {
        let collector = EnvelopeCollector()
        let acks = AcknowledgmentWriter(writer: writer, controlNumbers: controlNumbers, options: options)
        var run = AcknowledgmentRun()
        while let event = try reader.next() {
            collector.consume(event, from: reader)
            if collector.completedCount > 0 {
                for interchange in collector.takeCompleted() { run.outcomes.append(try acks.write(interchange)) }
            }
        }
        for interchange in collector.takeCompleted() { run.outcomes.append(try acks.write(interchange)) }
        run.unattached = collector.unattached
        try writer.flush()
        return run
    }

    /// Validates everything `reader` yields with `validator`, then writes the acknowledgments to `writer`.
    public func acknowledge(_ reader: X12Reader, validator: Validator, to writer: X12Writer) throws(X12IOError) -> AcknowledgmentRun {
        let recorder = HierarchyRecorder(reader: reader)
        let report = try validator.validate(reader: reader) { segment, location, _, _ in recorder.record(segment, location) }
        let acks = AcknowledgmentWriter(writer: writer, controlNumbers: controlNumbers, options: options)
        var run = AcknowledgmentRun(unattached: report.findings)
        for interchange in report.interchanges {
            run.outcomes.append(try acks.write(InterchangeSummary(report: interchange, recorder: recorder)))
        }
        try writer.flush()
        return run
    }
}
