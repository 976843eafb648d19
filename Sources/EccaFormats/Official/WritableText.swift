/// Text the rules-XML writer copies into its file: a `String`, or runs of bytes it did not have
/// to make a string of (`ByteRuns`).
protocol WritableText {
    /// Calls `body` with each run of UTF-8 bytes, in order.
    func withRuns(_ body: (UnsafeBufferPointer<UInt8>) -> Void)
    /// Whether the bytes are already escaped for XML character data.
    var isEscaped: Bool { get }
}

extension String: WritableText {
    func withRuns(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = self
        text.withUTF8(body)
    }

    var isEscaped: Bool { false }
}

/// Up to four runs of bytes written one after another: a CFR provision's fields are its section's
/// bytes and its own address (`734.13` then `(b)(1)`), so none of them is joined into a string.
struct ByteRuns: WritableText {
    var runs: (ArraySlice<UInt8>, ArraySlice<UInt8>, ArraySlice<UInt8>, ArraySlice<UInt8>)
    var isEscaped: Bool

    init(_ first: ArraySlice<UInt8> = [], _ second: ArraySlice<UInt8> = [], _ third: ArraySlice<UInt8> = [],
         _ fourth: ArraySlice<UInt8> = [], isEscaped: Bool = false) {
        runs = (first, second, third, fourth)
        self.isEscaped = isEscaped
    }

    func withRuns(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if !runs.0.isEmpty { runs.0.withUnsafeBufferPointer(body) }
        if !runs.1.isEmpty { runs.1.withUnsafeBufferPointer(body) }
        if !runs.2.isEmpty { runs.2.withUnsafeBufferPointer(body) }
        if !runs.3.isEmpty { runs.3.withUnsafeBufferPointer(body) }
    }
}
