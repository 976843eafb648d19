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

    /// The refusal of a declared encoding other than UTF-8 or US-ASCII, or nil when it is one of
    /// them: a wrong declaration silently turns text into mojibake, and ecca compares wording.
    static func encoding(declared: String, at location: XMLSourceLocation) -> XMLReadError? {
        let normalized = declared.uppercased().filter { $0 != "-" && $0 != "_" }
        guard !["UTF8", "USASCII", "ASCII"].contains(normalized) else { return nil }
        return XMLReadError(kind: .forbidden, location: location,
                            message: "the document declares encoding '\(declared)'; ecca reads UTF-8 only (convert the file to UTF-8 and declare encoding=\"UTF-8\")")
    }

    static func tooDeep(at location: XMLSourceLocation) -> XMLReadError {
        XMLReadError(kind: .forbidden, location: location, message: XMLResourceLimit.depthExceeded)
    }

    static func textTooLong(at location: XMLSourceLocation) -> XMLReadError {
        XMLReadError(kind: .forbidden, location: location, message: XMLResourceLimit.textLengthExceeded)
    }
}
