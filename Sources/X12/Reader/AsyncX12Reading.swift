/// Reading X12 from an `AsyncSequence` of byte chunks (a socket, an HTTP body, a file read asynchronously).
///
/// Events are handed to `body` synchronously, with the decoder, so that segment views stay valid inside it.
///
/// ```swift
/// try await X12AsyncReading.forEachEvent(in: request.body) { event, decoder in … }
/// ```
public enum X12AsyncReading {
    /// Feeds every chunk of `chunks` to a decoder and calls `body` for each event, the last being ``X12Event/endOfInput``.
    public static func forEachEvent<S: AsyncSequence>(
        in chunks: S, options: X12Decoder.Options = .init(),
        _ body: (X12Event, X12Decoder) throws -> Void
    ) async throws where S.Element == [UInt8] {
        let decoder = X12Decoder(options: options)
        for try await chunk in chunks {
            decoder.feed(chunk)
            while let e = decoder.next() { try body(e, decoder) }
        }
        decoder.finish()
        while let e = decoder.next() { try body(e, decoder) }
    }
}
