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
