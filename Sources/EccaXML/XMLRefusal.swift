/// The errors of ecca's XML safety policy (SECURITY.md), worded once for both readers
/// (`XMLStreamReader`, `XMLSAXReader`): what is refused, and why, in words a person can act on.
enum XMLRefusal {
    static func doctype(at location: XMLSourceLocation) -> XMLReadError {
        XMLReadError(kind: .forbidden, location: location,
                     message: "document type declarations are not accepted (no DTD is ever loaded; entities are never expanded)")
    }

    static func entityReference(_ name: String, at location: XMLSourceLocation) -> XMLReadError {
        XMLReadError(kind: .forbidden, location: location,
                     message: "entity reference '&\(name);' is not accepted (entities are never expanded)")
    }

    /// An XInclude is never followed, as an entity is never expanded: the text it would bring in
    /// would be missing from what ecca reads, with nothing to say so (QA 2026-12-07: an
    /// `<xi:include>` in an eCFR paragraph was dropped in silence).
    static func xinclude(_ element: String, at location: XMLSourceLocation) -> XMLReadError {
        XMLReadError(kind: .forbidden, location: location,
                     message: "<\(element)> is not accepted: ecca never follows an XInclude (it fetches and includes no other file), so the text it names would be missing; give the file with that text in place")
    }

    /// Whether `uri` is XInclude's namespace (W3C's, and the 2003 draft's that libxml2 also reads).
    static func isXInclude(_ uri: UnsafePointer<UInt8>) -> Bool {
        uri[0] == UInt8(ascii: "h") && (equal(uri, "http://www.w3.org/2001/XInclude") || equal(uri, "http://www.w3.org/2003/XInclude"))
    }

    /// Whether a C string is `text`; stops at the first byte that differs, so never reads past its end.
    private static func equal(_ string: UnsafePointer<UInt8>, _ text: StaticString) -> Bool {
        let bytes = text.utf8Start
        for index in 0..<text.utf8CodeUnitCount where string[index] != bytes[index] { return false }
        return string[text.utf8CodeUnitCount] == 0
    }

    /// The refusal of a declared encoding other than UTF-8 or US-ASCII, or nil when it is one of
    /// them: a wrong declaration silently turns text into mojibake, and ecca compares wording. The
    /// error stands on line 1, where the XML declaration is (it may only open the document), not
    /// where the reader happens to learn of it (the root element's line).
    static func encoding(declared: String, in file: String) -> XMLReadError? {
        let normalized = declared.uppercased().filter { $0 != "-" && $0 != "_" }
        guard normalized != "UTF8", !isASCII(declared) else { return nil }
        return XMLReadError(kind: .forbidden, location: XMLSourceLocation(file: file, line: 1),
                            message: "the document declares encoding '\(declared)'; ecca reads UTF-8 only (convert the file to UTF-8 and declare encoding=\"UTF-8\")")
    }

    /// Whether a declared encoding is US-ASCII (`US-ASCII`, `ascii`): a subset of UTF-8, read.
    static func isASCII(_ declared: String) -> Bool {
        ["USASCII", "ASCII"].contains(declared.uppercased().filter { $0 != "-" && $0 != "_" })
    }

    /// A byte that is not ASCII in a file that declares US-ASCII: the advice the UTF-8 error gives.
    static func notASCII(byte: UInt8, declared: String, at location: XMLSourceLocation) -> XMLReadError {
        let hex = String(byte, radix: 16, uppercase: true)
        return XMLReadError(kind: .forbidden, location: location,
                            message: "byte 0x\(hex) is not ASCII, which the file declares (encoding '\(declared)'); ecca reads UTF-8 only "
                                + "(if the file is UTF-8, declare encoding=\"UTF-8\"; else convert it to UTF-8, e.g. with iconv -f WINDOWS-1252 -t UTF-8)")
    }

    /// The words for libxml2's "Input is not proper UTF-8, indicate encoding !" (a file in another
    /// encoding that declares UTF-8 or nothing, most often with a Windows-1252 "§"), or nil for any other error: the
    /// same advice as for a declared encoding, with the byte libxml2 stopped at.
    static func notUTF8(_ message: String) -> String? {
        guard message.hasPrefix("Input is not proper UTF-8") else { return nil }
        let bytes = message.firstRange(of: "Bytes: ").map { message[$0.upperBound...].split(separator: " ").first.map(String.init) } ?? nil
        return "the text is not valid UTF-8" + (bytes.map { " (byte \($0) here)" } ?? "")
            + "; ecca reads UTF-8 only (convert a file in another encoding to UTF-8, e.g. with iconv -f WINDOWS-1252 -t UTF-8)"
    }

    /// The limits name the element they were hit in, and the place, column too: libxml2 gives
    /// neither, and in a one-line Formex act line 1 locates nothing.
    static func tooDeep(_ element: String, at location: XMLSourceLocation, inside open: XMLOpenElement?) -> XMLReadError {
        XMLReadError(kind: .forbidden, location: location,
                     message: XMLResourceLimit.depthExceeded + ": <\(element)>" + XMLReadError.inside(open))
    }

    /// `location` is where the text passed the limit.
    static func textTooLong(at location: XMLSourceLocation, inside open: XMLOpenElement?) -> XMLReadError {
        XMLReadError(kind: .forbidden, location: location,
                     message: "a text is longer than \(XMLResourceLimit.maximumTextBytes) bytes, the XML reader's limit" + XMLReadError.inside(open))
    }

    /// `location` is the start tag's `<`.
    static func tooManyAttributes(_ element: String, at location: XMLSourceLocation, inside open: XMLOpenElement?) -> XMLReadError {
        XMLReadError(kind: .forbidden, location: location,
                     message: "the start tag <\(element)> has more than \(XMLResourceLimit.maximumAttributes) attributes, the XML reader's limit"
                        + XMLReadError.inside(open))
    }

    /// A unit read whole past the unit limit (`XMLUnitLimit`); `location` is its start tag's `<`,
    /// `option` the command-line option that raises the limit passed.
    static func unitTooLarge(_ element: String, at location: XMLSourceLocation, reachedOn line: Int, holding what: String,
                             raisedBy option: String) -> XMLReadError {
        XMLReadError(kind: .forbidden, location: location,
                     message: "<\(element)> holds more than \(what), the import's limit for one unit (an element read whole into memory: "
                        + "a section, an article, an annex, a rule); the limit was reached on line \(line); "
                        + "a unit this large that is real can be read with a higher \(option), at some hundreds of bytes of memory per node")
    }
}
