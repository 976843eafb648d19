/// Text the rules-XML writer copies into its file: a `String`, or runs of bytes it did not have
/// to make a string of (`ByteRuns`).
protocol WritableText {
    /// Calls `body` with each run of UTF-8 bytes, in order.
    func withRuns(_ body: (UnsafeBufferPointer<UInt8>) -> Void)
    /// What escaping the bytes still need.
    var escaping: TextEscaping { get }
}

/// What escaping a `WritableText` still needs when it is written.
enum TextEscaping {
    /// Any byte may be special: escape it for where it goes.
    case needed
    /// Already escaped for XML character data (an attribute still escapes it).
    case escapedForCharacterData
    /// No byte is special anywhere (no control character, `"`, `&`, `<` or `>`): copy it as it is.
    case none
}

extension String: WritableText {
    func withRuns(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = self
        text.withUTF8(body)
    }

    var escaping: TextEscaping { .needed }
}

/// Up to four runs of bytes written one after another: a CFR provision's fields are its section's
/// bytes and its own address (`734.13` then `(b)(1)`), so none of them is joined into a string.
///
/// The runs point into a buffer the writer holds for the duration of one section
/// (`RulesXMLWriter.write(_:instrumentID:)`); a `ByteRuns` must not outlive that call.
struct ByteRuns: WritableText {
    private static var none: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: nil, count: 0) }
    var runs: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>)
    var escaping: TextEscaping
    /// Written as a URL (`XMLOutput.append(url:)`): how many of the leading runs are a URI already;
    /// the others are a paragraph's address, encoded as they are written.
    var uriRuns: Int

    init(_ first: UnsafeBufferPointer<UInt8> = none, _ second: UnsafeBufferPointer<UInt8> = none,
         _ third: UnsafeBufferPointer<UInt8> = none, _ fourth: UnsafeBufferPointer<UInt8> = none, escaping: TextEscaping = .needed,
         uriRuns: Int = 4) {
        runs = (first, second, third, fourth)
        self.escaping = escaping
        self.uriRuns = uriRuns
    }

    func withRuns(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if !runs.0.isEmpty { body(runs.0) }
        if !runs.1.isEmpty { body(runs.1) }
        if !runs.2.isEmpty { body(runs.2) }
        if !runs.3.isEmpty { body(runs.3) }
    }
}
