import ClauseGraph

/// What flattening a text read without certainty, for the reader to report where it happens: a
/// `file:line` warning, a count in the summary and a `note kind="unresolved"` on the provision
/// whose wording holds it.
struct TextFinding: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A numeric superscript after a number and a space read as a footnote mark (`Superscript`).
        case superscript(Superscript.Dropped)
        /// A table row whose cell spans columns or rows, or a header with levels (`TableText.Span`).
        case span(TableText.Span)
        /// A formula or picture printed as an image, its id left out (`OmittedImage`).
        case image(OmittedImage)
        /// A footnote (`FTNT`) outside a section (an appendix's), carried as a note, not in the wording (`CFRFootnote`).
        case footnote(CFRFootnote)
    }

    var kind: Kind
    var line: Int

    static func superscript(number: String, superscript: String, line: Int, linked: Bool) -> TextFinding {
        TextFinding(kind: .superscript(Superscript.Dropped(number: number, superscript: superscript, linked: linked)), line: line)
    }

    /// The formula or picture whose id element (`MID`, `GID`) is `name`, its id `text`.
    static func image(named name: String, id text: String, line: Int) -> TextFinding {
        TextFinding(kind: .image(OmittedImage(id: TextNormalizer.trim(TextNormalizer.collapse(text)), isFormula: name == "MID")), line: line)
    }

    /// The warning's text, `subject` naming the provision (`§ 774.9(a)`, `Supplement No. 1 to Part 738`).
    func message(subject: String) -> String {
        switch kind {
        case .superscript(let mark): mark.message(subject: subject)
        case .span(let span): span.message(subject: subject)
        case .image(let image): image.message(subject: subject)
        case .footnote(let footnote): "\(subject): footnote\(footnote.mark.map { " " + $0 } ?? "") is carried as a note, not in the wording"
        }
    }

    /// Whether it is warned of where it happens: a footnote carried as a note is only counted and
    /// noted, as a section's are.
    var warns: Bool {
        if case .footnote = kind { return false }
        return true
    }

    var note: Note {
        switch kind {
        case .superscript(let mark): mark.note
        case .span(let span): span.note
        case .image(let image): image.note
        case .footnote(let footnote): footnote.note
        }
    }

    /// What the wording does not carry, for `cite-check` to name on a pass (an image's); nil for
    /// what the wording holds, read without certainty (a mark, a table span).
    var notCarried: String? {
        switch kind {
        case .image(let image): image.notCarried
        case .footnote(let footnote): footnote.notCarried
        default: nil
        }
    }

    var counter: ImportSummary.Counter {
        switch kind {
        case .superscript(let mark): mark.counter
        case .span(let span): span.isHeader ? .tableHeadersNotAligned : .tableSpans
        case .image: .imagesNotCarried
        case .footnote: .footnotesAsNotes
        }
    }
}

extension Collection<TextFinding> {
    /// The findings' notes for their provision, each once: a table whose rows span alike gives one.
    var notes: [Note] {
        var notes: [Note] = []
        for finding in self where !notes.contains(finding.note) { notes.append(finding.note) }
        return notes
    }
}
