import ClauseGraph

/// Paragraphs of an article that the adapter's walk does not reach: a Formex `PARAG` or an Akoma
/// Ntoso `paragraph` inside an element that the adapter does not read as holding paragraphs (a
/// `<WEIRD>` wrapper, an AKN `hcontainer` set inside the article). They are not provisions of their
/// own, and their text is only in the article's wording; nothing said so, and the paragraph count
/// was one short with the output presented as complete (importer QA 2026-12-07, H1: Art. 92(3)
/// wrapped so was missing, and cite-check passed it). Reported as the CFR reader reports an element
/// it does not know (`UnknownSectionElement`): a warning each, a count, and a note on the article.
/// Not read as paragraphs: what the wrapper means is not known, and guessing could misnumber them.
struct WrappedProvisionElements {
    /// The paragraph elements found, each with the outermost element between it and the article
    /// that is not a container the adapter reads.
    var found: [(element: OfficialElement, wrapper: String)] = []

    /// The `name` elements below `unit` reached only through an element outside `containers`, not
    /// looking inside `barriers` (quoted amendments to other acts) nor inside a `name` element.
    init(_ name: String, in unit: OfficialElement, containers: Set<String>, barriers: Set<String>) {
        func walk(_ element: OfficialElement, wrapper: String?) {
            for child in element.elements() {
                if child.name == name {
                    if let wrapper { found.append((child, wrapper)) }
                } else if !barriers.contains(child.name) {
                    walk(child, wrapper: wrapper ?? (containers.contains(child.name) ? nil : child.name))
                }
            }
        }
        walk(unit, wrapper: nil)
    }

    var isEmpty: Bool { found.isEmpty }

    /// A warning for each, counted, and the note the article's provision carries.
    func report(article citation: String, sourceID: (OfficialElement) -> String?, to emitter: ImportEmitter) -> Note {
        for (element, wrapper) in found {
            let named = sourceID(element).map { " (\($0))" } ?? ""
            emitter.report(Diagnostic(.warning, "\(citation): a paragraph\(named) inside <\(wrapper)>, which ecca does not read as holding an article's paragraphs, is not imported as a provision of its own; its text is in the wording of \(citation)",
                                      at: SourceLocation(file: element.span.file, line: element.span.firstLine), subject: citation))
        }
        emitter.count(.wrappedParagraphs, by: found.count)
        // By the source's id where it has one: a Formex act is one line long.
        let named = found.map { sourceID($0.element) ?? "at line \($0.element.span.firstLine)" }.joined(separator: ", ")
        let wrappers = Set(found.map(\.wrapper)).sorted().map { "<\($0)>" }.joined(separator: ", ")
        let one = found.count == 1
        return Note(kind: .unresolved, text: "\(one ? "A paragraph" : "Paragraphs") of this article (\(named)) \(one ? "stands" : "stand") inside \(wrappers), which ecca does not read as holding an article's paragraphs: \(one ? "it is" : "they are") not imported as \(one ? "a provision of its own" : "provisions of their own"), and \(one ? "its" : "their") text is in this wording. Check the official text.")
    }
}
