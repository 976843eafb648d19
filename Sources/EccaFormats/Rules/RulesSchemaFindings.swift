import ClauseGraph
import EccaXML

extension RulesReader {
    /// The errors of a rules file the schema refuses (`RelaxNGFindings`: each violation once,
    /// explained), each at its element's line with the id of the provision (else instrument, fact,
    /// set or unit) it is in, and a note that counts the messages left out.
    func schemaFindings(streamed: [XMLReadError], bytes: [UInt8]?, root: XMLElementNode, file: String) -> [Diagnostic] {
        let findings = RelaxNGFindings(streamed: streamed, bytes: bytes, root: root, schema: schema)
        return findings.violations.map { Diagnostic(.error, $0.message, at: SourceLocation($0.location), subject: Self.subject(of: $0.elements)) }
            + (findings.leftOutNote.map { [Diagnostic(.note, $0, at: SourceLocation(file: file, line: 0))] } ?? [])
    }

    /// The innermost element of `elements` (a violation's element, then its ancestors) that is a
    /// clause-graph unit with an id: the `[provision-id]` of `file:line: error: message [provision-id]`.
    private static func subject(of elements: [RelaxNGViolation.Element]) -> String? {
        elements.first { RulesDiagnosticSubject.elements.contains($0.name) && $0.id != nil }?.id
    }
}
