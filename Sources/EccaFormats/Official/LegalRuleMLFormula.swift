import Foundation

/// Reads one LegalRuleML statement element into a `LegalRuleMLStatement`: each rule as a formula
/// over the `ruleml:Rel` iris, the modalities of its conclusions, and every element ecca does not
/// model, which is shown as written (`Right[…]`, `?Negation[…]` for a name no vocabulary has) and
/// listed so that the adapter reports it. Nothing is rendered "as if absent": an unknown wrapper
/// such as `ruleml:Negation` around an atom would otherwise print the atom, the opposite of the source.
struct LegalRuleMLFormula {
    /// Statement elements, by local name.
    static let statementKinds: [String: LegalRuleMLStatement.Kind] = [
        "PrescriptiveStatement": .prescriptive, "ConstitutiveStatement": .constitutive, "PenaltyStatement": .penalty,
        "ReparationStatement": .reparation, "OverrideStatement": .override, "FactualStatement": .factual,
    ]

    /// Elements of the OASIS LegalRuleML and RuleML vocabularies that ecca does not model: shown by
    /// name (`Right[…]`, `Violation(#statements2Formula1)`) and reported.
    static let standardUnmodelled: Set<String> = [
        "Right", "Violation", "Compliance", "Suborder", "Reparation", "Override", "PenaltyStatement", "Authority", "Role",
        "Actor", "Equal", "Exists", "Forall", "Implies", "Equivalent", "Entails", "Time", "Plex", "Reify", "Skolem", "Uniq",
        "Interval", "Before", "After", "Agent", "Figure", "Defeater", "DefeasibleStrength", "StrictStrength",
    ]

    private var unmodelled: [LegalRuleMLStatement.Unmodelled] = []
    /// What the overrides and reparations rendered say of the statements they name.
    private var ties: [LegalRuleMLStatement.Tie] = []
    /// The line of the statement read, for its ties' notes.
    private let line: Int

    static func statement(_ element: OfficialElement) -> LegalRuleMLStatement? {
        guard let kind = statementKinds[element.name] ?? (element.name == "Override" ? .override : nil) else { return nil }
        var reader = LegalRuleMLFormula(line: element.span.firstLine)
        let rules = element.all(where: { $0.name == "Rule" }, barriers: ["Rule"]).map { reader.rule($0) }
        // The modalities a statement lays down are those of its conclusions: a modality in a
        // condition ("if it is obliged that …") is a premise, not what the rule imposes.
        let modalElements = element.all(where: { LegalRuleMLStatement.Modality(rawValue: $0.name.lowercased()) != nil }, barriers: ["if"])
            .filter { ["Obligation", "Permission", "Prohibition"].contains($0.name) }
        var text = ""
        if rules.isEmpty {
            switch element.name {
            case "Override": text = reader.override(element)
            case "ReparationStatement": text = element.elements().map { reader.render($0) }.joined(separator: "; ")
            default: text = reader.render(element.elements().filter { $0.name != "hasStrength" })
            }
        }
        var key = element["key"] ?? ""
        if key.isEmpty, element.name == "ReparationStatement", let inner = element.element("Reparation")?["key"] { key = inner }
        return LegalRuleMLStatement(key: LegalRuleMLKeyref.bare(key), kind: kind,
                                    modalities: modalElements.compactMap { LegalRuleMLStatement.Modality(rawValue: $0.name.lowercased()) },
                                    modalityIRIs: modalElements.compactMap { $0["iri"] }, rules: rules, text: text,
                                    unmodelled: reader.unmodelled, ties: kind == .override || kind == .reparation ? reader.ties : [],
                                    line: element.span.firstLine)
    }

    private mutating func rule(_ element: OfficialElement) -> LegalRuleMLStatement.Rule {
        var strength = element["strength"].flatMap(LegalRuleMLStatement.Strength.init(rawValue:))
        if let given = element.element("hasStrength")?.elements().first {
            switch given.name {
            case "Defeater": strength = .defeater
            case "DefeasibleStrength": strength = .defeasible
            case "StrictStrength": strength = .strict
            default: _ = render(given)
            }
        }
        let body = element.elements().filter { $0.name != "hasStrength" && $0.name != "if" && $0.name != "then" }
        let condition = element.element("if").map { render($0.elements()) }
        var conclusion = element.element("then").map { render($0.elements()) } ?? ""
        if element.element("then") == nil || !body.isEmpty {
            let rest = render(body)
            conclusion = [conclusion, rest].filter { !$0.isEmpty }.joined(separator: " ∧ ")
        }
        return LegalRuleMLStatement.Rule(condition: condition, conclusion: conclusion, strength: strength)
    }

    /// `lrml:Override over="#cs25" under="#cs22"`: the statement `over` prevails where both apply.
    private mutating func override(_ element: OfficialElement) -> String {
        let over = element["over"].map(LegalRuleMLKeyref.bare) ?? "?"
        let under = element["under"].map(LegalRuleMLKeyref.bare) ?? "?"
        ties.append(.init(statement: under, text: "Overridden by \(over) where both apply (lrml:Override, line \(line))."))
        return "\(over) overrides \(under) (where both apply, \(over) prevails)"
    }

    mutating func render(_ elements: [OfficialElement]) -> String {
        elements.map { render($0) }.filter { !$0.isEmpty }.joined(separator: " ∧ ")
    }

    mutating func render(_ element: OfficialElement) -> String {
        switch element.name {
        case "And": return "(" + element.elements().map { render($0) }.joined(separator: " ∧ ") + ")"
        case "Or": return "(" + element.elements().map { render($0) }.joined(separator: " ∨ ") + ")"
        case "Naf": return "not " + render(element.elements())
        case "Neg": return "¬" + render(element.elements())
        case "Obligation", "Permission", "Prohibition", "SuborderList":
            return "\(element.name)[\(render(element.elements()))]"
        case "Atom":
            let relation = element.element("Rel").map { $0["iri"] ?? $0.plainText }
            let arguments = element.elements().filter { $0.name != "Rel" }.map { render($0) }
            guard let relation else { return arguments.count == 1 ? arguments[0] : "(\(arguments.joined(separator: ", ")))" }
            return "\(relation)(\(arguments.joined(separator: ", ")))"
        case "Expr":
            let function = element.element("Fun").map { $0["iri"] ?? $0.plainText } ?? "?"
            let arguments = element.elements().filter { $0.name != "Fun" }.map { render($0) }
            return "\(function)(\(arguments.joined(separator: ", ")))"
        case "Fun", "Rel":
            let name = element["iri"] ?? (element.elements().isEmpty ? element.plainText : "")
            let arguments = element.elements().map { render($0) }
            return arguments.isEmpty ? name : "\(name)(\(arguments.joined(separator: ", ")))"
        case "Var":
            let text = element.plainText
            if !text.isEmpty { return text }
            return (element["keyref"] ?? element["key"] ?? "?").droppingPrefix(":")
        case "Ind", "Data": return element["iri"] ?? element.plainText
        case "slot", "arg", "Paraphrase", "Comment", "Rule":
            return element.elements().isEmpty ? element.plainText : render(element.elements())
        case "Reparation":
            let penalty = element.element("appliesPenalty")?["keyref"].map(LegalRuleMLKeyref.bare) ?? "?"
            let statement = (element.element("toPrescriptiveStatement") ?? element.element("toStatement"))?["keyref"].map(LegalRuleMLKeyref.bare) ?? "?"
            ties.append(.init(statement: statement, text: "When it is violated, penalty \(penalty) applies (lrml:ReparationStatement, line \(line))."))
            return "penalty \(penalty) applies when \(statement) is violated"
        case "Override": return override(element)
        default:
            let standard = Self.standardUnmodelled.contains(element.name)
            let name = (standard ? "" : "?") + element.name
            let inner = element.elements().isEmpty ? element.plainText : render(element.elements())
            var shown = name
            if let target = element["keyref"] ?? element["iri"] { shown += "(\(target))" }
            // Messages show the wrapper, not a whole formula.
            var short = shown
            if !inner.isEmpty || element["keyref"] == nil && element["iri"] == nil {
                shown += "[\(inner)]"
                short += inner.count > 60 ? "[…]" : "[\(inner)]"
            }
            unmodelled.append(.init(name: Self.prefixed(element), shownAs: short, standard: standard, line: element.span.firstLine))
            return shown
        }
    }

    /// `ruleml:Negation`, `lrml:Right`: the element's name with the prefix its vocabulary is known by.
    static func prefixed(_ element: OfficialElement) -> String {
        prefixed(name: element.name, namespace: element.namespace)
    }

    static func prefixed(name: String, namespace: String?) -> String {
        guard let namespace else { return name }
        if namespace.contains("legalruleml") { return "lrml:" + name }
        if namespace.contains("ruleml") { return "ruleml:" + name }
        return name
    }
}

/// Keys and key references (`keyref="#statements1"`) as LegalRuleML files write them.
enum LegalRuleMLKeyref {
    /// `#statements1` → `statements1`, surrounding spaces dropped (`under="#cs46 "`).
    static func bare(_ reference: String) -> String {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
    }

    /// The key a key reference names, read as an IRI reference: `#key`, a bare `key`,
    /// `prefix:key` through a declared `lrml:Prefix`, or a full IRI's fragment. Every reference
    /// names one: whether its document is this file is `foreignDocument`'s question.
    static func local(_ reference: String, prefixes: [String: String]) -> String {
        key(reference, prefixes: prefixes).key
    }

    /// The document part of a full IRI reference that is not this file (its name, or the root's
    /// `xml:base`); nil for a reference within the file.
    static func foreignDocument(_ reference: String, prefixes: [String: String], file: String, base: String?) -> String? {
        guard let document = key(reference, prefixes: prefixes).document, !document.isEmpty, document != base else { return nil }
        let name = SourceFileName.name(of: file)
        return document == name || document.hasSuffix("/" + name) ? nil : document
    }

    private static func key(_ reference: String, prefixes: [String: String]) -> (key: String, document: String?) {
        var iri = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        if let colon = iri.firstIndex(of: ":"), let expansion = prefixes[String(iri[..<colon])] {
            iri = expansion + iri[iri.index(after: colon)...]
        }
        guard let hash = iri.lastIndex(of: "#") else { return (iri, nil) }
        return (String(iri[iri.index(after: hash)...]), String(iri[..<hash]))
    }
}

private extension String {
    func droppingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
