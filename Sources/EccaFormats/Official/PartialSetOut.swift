import ClauseGraph

/// What a Federal Register rule prints of a CFR section it amends is often not the whole of any
/// provision: `(c) <E>Failure to maintain records.</E> * * *` adds a heading and elides the text,
/// `<STARS/>` leaves out the paragraphs between a lead-in and (c), and a revised heading is printed
/// with no text at all (importer audit, finding 3: such wordings were imported, and compared, as a
/// provision's full text, so cite-check reported shipped text the rule never touched as deleted).
///
/// A provision whose wording holds `* * *` (its own elided text, or paragraphs left out inside it),
/// and a section the rule prints no paragraph of, is set out in part: it is marked so
/// (`ImportedProvision.setOutInPart`, and a note in the rules XML), and `cite-check` compares only
/// the words set out.
enum PartialSetOut {
    static let stars = Array("* * *".utf8)

    static let note = Note(kind: .editorial, text: "Set out only in part: the rule prints this provision with text left out (* * *), so this wording is not its full text; cite-check compares only the words set out.")
    static let headingOnlyNote = Note(kind: .editorial, text: "Set out only in part: the rule prints only this section's heading, so its wording here is the heading, not the section's text; cite-check compares none of it.")

    /// `batch` with each provision set out in part marked, and its note. A paragraph whose
    /// introductory text alone the instructions revise (`introductoryTexts`: "Revising paragraph
    /// (a) introductory text", paths such as `(a)`) takes the stars printed right after its words:
    /// they stand for its own text left out, its points, not for its siblings (import audit D2:
    /// 45 CFR 310.20(a) was read whole, and cite-check took its points as removed).
    static func mark(_ batch: ProvisionBatch, introductoryTexts: [String] = []) -> ProvisionBatch {
        var layout = batch.section
        if !introductoryTexts.isEmpty {
            for index in layout.records.indices where !layout.records[index].elided
                && introductoryTexts.contains(CFRSectionReader.canonicalPath(of: index, in: layout.records)) {
                layout.records[index].endsOnElision = true
            }
        }
        for index in layout.records.indices where !layout.records[index].elided {
            guard let bytes = layout.wordingBytes(layout.records[index].firstPiece..<layout.records[index].endPiece,
                                                  endingOnElision: layout.records[index].endsOnElision),
                  holdsStars(layout.text[bytes]) else { continue }
            layout.records[index].setOutInPart = true
            layout.records[index].notes.append(note)
        }
        if let bytes = layout.wordingBytes(0..<layout.pieces.count, endingOnElision: true) {
            if holdsStars(layout.text[bytes]) {
                layout.header.setOutInPart = true
                layout.header.notes.append(note)
            }
        } else {
            layout.header.setOutInPart = true
            layout.header.notes.append(headingOnlyNote)
        }
        return ProvisionBatch(layout)
    }

    private static func holdsStars(_ text: ArraySlice<UInt8>) -> Bool {
        guard text.count >= stars.count else { return false }
        return text.indices.dropLast(stars.count - 1).contains { text[$0..<($0 + stars.count)].elementsEqual(stars) }
    }

    /// What `cite-check` compares of a wording set out in part: the words set out, with `…` where
    /// the rule left text out, so that they are found, in order and whole, in the shipped wording
    /// (`ElidedWording`). Nil when no words of the wording are set out (a heading alone, whose
    /// wording is the heading; a section of nothing but `<STARS/>`, 24 CFR 1006.235 in the corpus).
    static func setOutWords(_ wording: String) -> String? {
        guard wording.contains("* * *") else { return nil }
        let words = wording.replacingOccurrences(of: "* * *", with: "…")
        return words.contains { $0.isLetter || $0.isNumber } ? words : nil
    }
}
