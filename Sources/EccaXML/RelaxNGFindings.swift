/// What a schema refuses in a document that the streaming validator found invalid, each violation
/// once, at its element, for a person to read: shared by every reader of a format ecca validates
/// (rules files, requests, MoUs), so that one mistake reads alike in each.
///
/// The streaming validator loses its place after a violation inside an element and refuses all
/// that follows in it (110 messages for one stray element, 28 of them "Did not expect text in
/// element TODO content", and a second mistake among them not found), so the document is validated
/// again as a tree, the messages libxml2 gives twice for one violation are counted rather than
/// said twice, and its messages about attributes say the value given and those allowed. Past
/// `treeValidationLimit` messages the document is not validated again: the first message stands
/// for them all.
public struct RelaxNGFindings: Sendable {
    /// The violations, in libxml2's order, explained where the schema's vocabulary can be read.
    public var violations: [RelaxNGViolation]
    /// Messages not listed, and why; 0 and nil when none was left out.
    public var leftOut = 0
    public var whyLeftOut: String?

    /// - Parameters:
    ///   - streamed: the streaming validator's messages (not empty).
    ///   - bytes: the document, to validate again as a tree; nil when it cannot be had.
    ///   - root: the document as read, to place and explain the messages.
    public init(streamed: [XMLReadError], bytes: [UInt8]?, root: XMLElementNode, schema: RelaxNGSchema?) {
        precondition(!streamed.isEmpty, "only a document the streaming validator refused")
        let distinct: RelaxNGDistinctViolations
        if streamed.count <= Self.treeValidationLimit, let schema, let bytes,
           let all = schema.violations(inDocument: bytes, name: streamed[0].location.file), !all.isEmpty {
            let (violations, untrue) = Self.withoutExpectationsMet(all, in: root)
            distinct = RelaxNGDistinctViolations(violations)
            leftOut = distinct.repeats + untrue
            let untrueWhy = "libxml2 says so once it has stopped reading an interleave at an element it does not allow"
            switch (distinct.repeats, untrue) {
            case (0, 0): whyLeftOut = nil
            case (_, 0): whyLeftOut = distinct.repeats == 1 ? "it repeats an error above" : "each repeats an error above"
            case (0, _): whyLeftOut = (untrue == 1 ? "it expects an element" : "each expects an element") + " that is there (\(untrueWhy))"
            default:
                whyLeftOut = "\(distinct.repeats) \(distinct.repeats == 1 ? "repeats" : "repeat") an error above, and \(untrue) \(untrue == 1 ? "expects" : "expect")"
                    + " an element that is there (\(untrueWhy))"
            }
        } else {
            // Too many to validate again, or the tree validator disagrees (not seen): the streaming
            // validator's first message, the one that is not a consequence of an earlier one.
            distinct = RelaxNGDistinctViolations([RelaxNGViolation(streamed: streamed[0], in: root)])
            leftOut = streamed.count - 1
            if leftOut > 0 {
                whyLeftOut = streamed.count > Self.treeValidationLimit
                    ? "there are more than \(Self.treeValidationLimit), too many to tell those that follow from an earlier one from the rest; mend the first and validate again"
                    : "the streaming validator refuses what follows a violation"
            }
        }
        violations = schema.flatMap { try? RelaxNGAttributeVocabulary(schemaPath: $0.name) }.map { distinct.explained(by: $0, in: root) }
            ?? distinct.violations
    }

    /// The violations without "Expecting an element E, got nothing" said of an element that has
    /// a child E: libxml2 says it of every element an interleave still required when it stopped
    /// reading the interleave at one it does not allow, so it names the other mistake, not this
    /// one, and would send the reader looking for an element that is there. The count left out.
    static func withoutExpectationsMet(_ violations: [RelaxNGViolation], in root: XMLElementNode) -> ([RelaxNGViolation], Int) {
        var kept: [RelaxNGViolation] = []
        var untrue = 0
        for violation in violations {
            if case .expectedElement(let name) = RelaxNGMessageKind(violation.message), let element = violation.elements.first,
               let node = Self.node(element, path: violation.elements, in: root), !node.elements(name).isEmpty {
                untrue += 1
            } else {
                kept.append(violation)
            }
        }
        return (kept, untrue)
    }

    /// The node a violation is about: found from the root down its path (the element, then its
    /// ancestors), each step the child of that name on that line.
    private static func node(_ element: RelaxNGViolation.Element, path: [RelaxNGViolation.Element], in root: XMLElementNode) -> XMLElementNode? {
        let steps = path.reversed()
        guard let top = steps.first, top.name == root.name, top.line == root.location.line else { return nil }
        var node = root
        for step in steps.dropFirst() {
            guard let child = node.elements(step.name).first(where: { $0.location.line == step.line }) else { return nil }
            node = child
        }
        return node
    }

    /// "N further schema messages left out: why", or nil when none was.
    public var leftOutNote: String? {
        guard leftOut > 0, let whyLeftOut else { return nil }
        return (leftOut == 1 ? "1 further schema message" : "\(leftOut) further schema messages") + " left out: \(whyLeftOut)"
    }

    /// The most schema messages for which a document is validated again as a tree. libxml2's tree
    /// validator takes time that grows with the square of its messages and more (for 5,000 of
    /// them 0.4 s, 20,000 10 s, 40,000 110 s on the machine the tests run on), so a file of a
    /// systematic mistake, or one made to stall `validate`, is not validated again.
    public static let treeValidationLimit = 5_000
}
