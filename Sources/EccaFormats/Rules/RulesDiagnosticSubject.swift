/// The elements of a rules file whose id a diagnostic found inside them is given with
/// (`file:line: error: message [provision-id]`): the innermost of them. One list for every check
/// of a rules file (the schema's findings, control characters), so that they name alike.
enum RulesDiagnosticSubject {
    static let elements: Set<String> = ["instrument", "provision", "fact", "set", "unit"]
}
