import ClauseGraph
import EccaXML

extension RulesReader {
    /// The errors of a rules file the schema refuses, each violation once, at its element's line,
    /// with the id of the provision (else instrument, fact, set or unit) it is in. The streaming
    /// validator that found them loses its place after a violation inside an element and refuses
    /// all that follows in it (110 errors for one stray element, 28 of them "Did not expect text in
    /// element TODO content", and a second mistake among them not found), so the document (`root`,
    /// read from `bytes`) is validated again as a tree, the messages libxml2 gives twice for one
    /// violation are said once, with a note that counts those left out, and its messages about
    /// attributes say the value given and those allowed.
    func schemaFindings(streamed: [XMLReadError], bytes: [UInt8]?, root: XMLElementNode, file: String) -> [Diagnostic] {
        if let schema, let bytes, let violations = schema.violations(inDocument: bytes, name: file), !violations.isEmpty {
            let distinct = RelaxNGDistinctViolations(violations)
            let explained = (try? RelaxNGAttributeVocabulary(schemaPath: schema.name)).map { distinct.explained(by: $0, in: root) }
                ?? distinct.violations
            return explained.map { Diagnostic(.error, $0.message, at: SourceLocation($0.location), subject: Self.subject(of: $0.elements)) }
                + Self.leftOut(distinct.repeats, file: file, why: distinct.repeats == 1 ? "it repeats an error above" : "each repeats an error above")
        }
        // The tree validator disagrees (not seen): the streaming validator's first message, the
        // one that is not a consequence of an earlier one.
        let first = streamed[0]
        return [Diagnostic(.error, RelaxNGDistinctViolations.withoutPlaceholders(first.message), at: SourceLocation(first.location))]
            + Self.leftOut(streamed.count - 1, file: file, why: "the streaming validator refuses what follows a violation")
    }

    /// The innermost element of `elements` (a violation's element, then its ancestors) that is a
    /// clause-graph unit with an id: the `[provision-id]` of `file:line: error: message [provision-id]`.
    private static func subject(of elements: [RelaxNGViolation.Element]) -> String? {
        elements.first { subjects.contains($0.name) && $0.id != nil }?.id
    }

    private static let subjects: Set<String> = ["provision", "instrument", "fact", "set", "unit"]

    /// A note counting the schema messages not listed, or none.
    private static func leftOut(_ count: Int, file: String, why: String) -> [Diagnostic] {
        guard count > 0 else { return [] }
        let messages = count == 1 ? "1 further schema message" : "\(count) further schema messages"
        return [Diagnostic(.note, "\(messages) left out: \(why)", at: SourceLocation(file: file, line: 0))]
    }
}
