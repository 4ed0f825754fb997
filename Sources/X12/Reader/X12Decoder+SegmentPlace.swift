extension X12Decoder {
    /// Where the current segment is, as plain integers: the part of ``location`` that changes from one segment
    /// of a transaction set to the next. Cheaper than ``location`` (no control-number strings are copied), for
    /// callers that keep a position now and build a ``Location`` only if they later report something.
    package var segmentPlace: (byteOffset: Int, line: Int, segmentIndex: Int) {
        guard locationIsFast else {
            let l = queuedLocation
            return (l.byteOffset, l.line, l.segmentIndex)
        }
        return (fastOffset, fastLine, fastIndex)
    }
}
