import X12Schema

extension FileProcessor {
    /// A processor for the batch options, with the clock read now (or the options' fixed clock).
    public init(options: BatchOptions, codec: any TransactionCodec) {
        let clock = options.clock ?? .now
        let ackOptions = options.specs.map { AcknowledgmentOptions(library: $0, date: clock.today.compact, time: clock.time) }
            ?? AcknowledgmentOptions(date: clock.today.compact, time: clock.time)
        self.init(codec: codec, authorizations: AuthorizationResponder(rules: options.rules, site: options.site, clock: clock),
                  requireKnownProvider: options.requireKnownProvider, acknowledgmentOptions: ackOptions)
    }

    /// Processes the file at `path` and records it as done (`x12gate respond`): read from the disk in chunks, its
    /// outputs written to hidden temporary files in `outbox` (``FileOutput/temporaryName(_:)`` of each outbox
    /// output's name; the caller copies and removes them), every report line to `reportPath`, the findings spooled
    /// there too. The memory does not grow with the file.
    public static func respond(name: String, path: String, store: any GatewayStore, options: BatchOptions,
                               codec: any TransactionCodec = MappingTransactionCodec(), outbox: String,
                               reportPath: String) throws -> FileResult {
        var input = try ReceivedInput(name: name, path: path)
        if let library = options.specs { try input.validate(with: ReceivedInput.validator(for: library), spoolDirectory: outbox) }
        let processor = FileProcessor(options: options, codec: codec)
        return try store.write { session in
            var (result, row) = try processor.process(input, in: session, temporaryOutbox: outbox, reportPath: reportPath)
            row.state = "done"
            row.doneAt = (options.clock ?? .now).timestamp
            try session.update(row)
            return result
        }
    }

    /// Processes one file held in memory and records it as done (`x12gate respond`): no folders, no renames.
    public static func respond(name: String, bytes: [UInt8], store: any GatewayStore, options: BatchOptions,
                               codec: any TransactionCodec = MappingTransactionCodec()) throws -> FileResult {
        var input = ReceivedInput(name: name, bytes: bytes)
        if let library = options.specs { try input.validate(with: ReceivedInput.validator(for: library)) }
        let processor = FileProcessor(options: options, codec: codec)
        return try store.write { session in
            var (result, row) = try processor.process(input, in: session)
            row.state = "done"
            row.doneAt = (options.clock ?? .now).timestamp
            try session.update(row)
            return result
        }
    }
}
