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
    /// attributes say the value given and those allowed. Past `treeValidationLimit` messages the
    /// file is not validated again (see there): the first message stands for them all.
    func schemaFindings(streamed: [XMLReadError], bytes: [UInt8]?, root: XMLElementNode, file: String) -> [Diagnostic] {
        if streamed.count <= Self.treeValidationLimit, let schema, let bytes,
           let violations = schema.violations(inDocument: bytes, name: file), !violations.isEmpty {
            let distinct = RelaxNGDistinctViolations(violations)
            return explained(distinct, in: root)
                + Self.leftOut(distinct.repeats, file: file, why: distinct.repeats == 1 ? "it repeats an error above" : "each repeats an error above")
        }
        // Too many to validate again, or the tree validator disagrees (not seen): the streaming
        // validator's first message, the one that is not a consequence of an earlier one.
        let why = streamed.count > Self.treeValidationLimit
            ? "there are more than \(Self.treeValidationLimit), too many to tell those that follow from an earlier one from the rest; mend the first and validate again"
            : "the streaming validator refuses what follows a violation"
        return explained(RelaxNGDistinctViolations([RelaxNGViolation(streamed: streamed[0], in: root)]), in: root)
            + Self.leftOut(streamed.count - 1, file: file, why: why)
    }

    /// The violations as errors, attributes explained by the schema's vocabulary where it can be read.
    private func explained(_ distinct: RelaxNGDistinctViolations, in root: XMLElementNode) -> [Diagnostic] {
        let explained = schema.flatMap { try? RelaxNGAttributeVocabulary(schemaPath: $0.name) }.map { distinct.explained(by: $0, in: root) }
            ?? distinct.violations
        return explained.map { Diagnostic(.error, $0.message, at: SourceLocation($0.location), subject: Self.subject(of: $0.elements)) }
    }

    /// The most schema messages for which a file is validated again as a tree. libxml2's tree
    /// validator takes time that grows with the square of its messages and more (for 5,000 of
    /// them 0.4 s, 20,000 10 s, 40,000 110 s on the machine the tests run on), so a file of a
    /// systematic mistake, or one made to stall `validate`, is not validated again.
    static let treeValidationLimit = 5_000

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
