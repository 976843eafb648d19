/// libxml2's RELAX NG messages with those that only repeat another left out and counted, so that
/// one mistake reads as one error: libxml2 says a stray element twice ("Did not expect element foo
/// there", then "Element provision has extra content: foo" of its parent), an attribute it refuses
/// twice ("Element compare failed to validate attributes", with no line, then "Invalid attribute op
/// for element compare"), and an element too many in an interleave, or one it does not allow
/// ("Invalid sequence in interleave", which names it only by its node, then "Element request failed
/// to validate content" of its parent), twice. Every other message is kept, each a violation of its
/// own.
public struct RelaxNGDistinctViolations: Sendable, Hashable {
    /// The violations, in libxml2's order, without placeholder text.
    public var violations: [RelaxNGViolation]
    /// How many messages were left out, each repeating one kept.
    public var repeats: Int

    public init(_ all: [RelaxNGViolation]) {
        violations = []
        repeats = 0
        var index = all.startIndex
        while index < all.endIndex {
            var violation = all[index]
            let next = index + 1 < all.endIndex ? all[index + 1] : nil
            switch (RelaxNGMessageKind(violation.message), next.map { RelaxNGMessageKind($0.message) }) {
            case (.unexpectedElement(let name), .extraContent(_, let child)?) where child == name && next?.elements == violation.elements:
                // The parent's "has extra content" repeats it: keep the first, which names the element.
                repeats += 1
                index += 1
            case (.attributesNotValid(let element), .invalidAttribute(_, let named)?)
                where element == named && (violation.elements.isEmpty || violation.elements == next?.elements):
                // The next names the attribute (and has a line): keep it instead.
                repeats += 1
                index += 1
                continue
            case (.invalidInterleave, .contentNotValid(let parent)?)
                where violation.elements.count > 1 && violation.elements[1].name == parent && next?.elements.first == violation.elements[1]:
                // An element the interleave does not allow, which libxml2 names only by its node:
                // said as a stray element is, and its parent's "failed to validate content" counted.
                if let element = violation.elements.first { violation.message = "Did not expect element \(element.name) there" }
                repeats += 1
                index += 1
            case (.extraInInterleave(let name), .contentNotValid?) where next?.elements.first?.name == name:
                // The next places it: keep this message, at its place.
                if let next {
                    violation.location = next.location
                    violation.elements = next.elements
                    violation.attributes = next.attributes
                }
                repeats += 1
                index += 1
            default:
                break
            }
            violation.message = Self.withoutPlaceholders(violation.message)
            violations.append(violation)
            index += 1
        }
        let explained = Self.explainedByAnother(violations)
        repeats += explained.count
        violations = violations.indices.filter { !explained.contains($0) }.map { violations[$0] }
    }

    /// The violations another one explains, by place: a message that says only that an element's
    /// content (or an interleave in it) did not validate, where a violation inside that element
    /// says what is wrong; and "Element P has extra content: E" after "Expecting element E, got X"
    /// on its line. A stray element inside a request's recipient had given six messages, one with
    /// no line and one that blamed a valid element (QA s27 M5); it gives the one that names it.
    static func explainedByAnother(_ violations: [RelaxNGViolation]) -> Set<Int> {
        let kinds = violations.map { RelaxNGMessageKind($0.message) }
        let specific = violations.indices.filter { kinds[$0].namesTheMistake }
        var explained: Set<Int> = []
        for index in violations.indices {
            let violation = violations[index]
            switch kinds[index] {
            case let kind where kind.summarisesContent:
                let inside = specific.contains { other in
                    let path = violations[other].elements
                    if violation.elements.isEmpty, case .extraInInterleave(let name) = kind { return path.contains { $0.name == name } }
                    return !violation.elements.isEmpty && path.count >= violation.elements.count
                        && Array(path.suffix(violation.elements.count)) == violation.elements
                }
                if inside { explained.insert(index) }
            case .extraContent(_, let child):
                let before = specific.contains { other in
                    guard other < index, violations[other].location.line == violation.location.line,
                          case .expectedInstead(let expected, _) = kinds[other] else { return false }
                    return expected == child
                }
                if before { explained.insert(index) }
            default:
                break
            }
        }
        return explained
    }

    /// libxml2's streaming validator names no element in some messages ("Did not expect text in
    /// element  TODO  content"), and the tree validator leaves an empty name ("Expecting an element
    /// , got nothing"): neither placeholder is for a person to read.
    public static func withoutPlaceholders(_ message: String) -> String {
        var words = message.split(separator: " ").filter { $0 != "TODO" }.map(String.init)
        if words == ["Did", "not", "expect", "text", "in", "element", "content"] {
            words = ["Did", "not", "expect", "text", "here"]
        }
        return words.joined(separator: " ").replacing(" ,", with: ",")
    }
}
