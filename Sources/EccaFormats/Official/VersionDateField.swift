import ClauseGraph

/// The field a file dates its text by (eCFR bulk `AMDDATE`, the annual CFR's `REVISED`, the
/// `/on/DATE/` of a versioner file's path, a Federal Register issue's `DATE`, an Akoma Ntoso
/// `FRBRdate`) as read: the dates it gives, and what of it could not be read with certainty.
///
/// A field that is there but is not a date (`Feb. 30, 2025`, `2026-02-30`) leaves the text
/// undated, as a missing field does, but that is said, not hidden behind "undated" (QA dates7 #5,
/// #6): a warning that names the field and its value, a counter in the summary, and an
/// unresolved note on the instrument. A field that gives more than one date gives the first, and
/// that is said the same way. An empty field is no field. Which dates are read is the caller's
/// reader's (`USDates`, `LegalDate(iso:)`); this only tells what the reading left unsaid.
struct VersionDateField: Sendable, Hashable {
    /// How the field is named in messages: `AMDDATE`, `expression FRBRdate`.
    var field: String
    /// The field's text, whitespace collapsed.
    var value: String
    var file: String
    var line: Int
    /// Every date read in the field, in order.
    var dates: [LegalDate]

    /// Nil for an empty field: the file gives none.
    init?(field: String, value: String, file: String, line: Int, dates: [LegalDate]) {
        let value = TextNormalizer.collapse(value)
        guard !value.isEmpty else { return nil }
        self.field = field
        self.value = value
        self.file = file
        self.line = line
        self.dates = dates
    }

    /// The date of the text: the field's first date; nil when it gives none.
    var date: LegalDate? { dates.first }

    /// The longest value quoted: a damaged or hostile file's field is not copied whole into
    /// every message.
    static let longestQuoted = 80

    /// The value as messages give it, cut at `longestQuoted` characters.
    private var shown: String { value.count > Self.longestQuoted ? value.prefix(Self.longestQuoted) + "…" : value }

    /// The value as quoted: `'Feb. 30, 2025'`.
    private var quoted: String { "'" + shown + "'" }

    /// What a reader of a dated text is told that "undated" or the date alone does not say:
    /// `AMDDATE 'Feb. 30, 2025' is not a date`, `AMDDATE '…' gives 2 dates: the first, 2025-01-02, is taken`;
    /// nil when the field gives one date.
    var remark: String? {
        switch dates.count {
        case 0: "\(field) \(quoted) is not a date"
        case 1: nil
        default: "\(field) \(quoted) gives \(dates.count) dates: the first, \(dates[0].iso), is taken"
        }
    }

    /// The warning: `AMDDATE 'Feb. 30, 2025' is not a date: the text is undated`.
    var warning: Diagnostic? {
        guard let remark else { return nil }
        return Diagnostic(.warning, remark + (date == nil ? ": the text is undated" : " as the text's date"),
                          at: SourceLocation(file: file, line: line))
    }

    /// The unresolved note on the instrument, for report readers.
    var note: Note? {
        guard dates.count != 1 else { return nil }
        let named = "The file's \(field), “\(shown)”,"
        guard let date else {
            return Note(kind: .unresolved, text: "\(named) is not a date: this text is taken as undated, so it cannot be placed before or after a dated text of the same provisions. Check the date of the official text.")
        }
        return Note(kind: .unresolved, text: "\(named) gives \(dates.count) dates: the first, \(date.iso), is taken as the date of this text. Check the date of the official text.")
    }

    /// The warning and the summary's count; called once the instrument has begun.
    func report(to emitter: ImportEmitter) {
        guard let warning else { return }
        emitter.report(warning)
        emitter.count(.unreadDates)
    }
}

extension ImportedInstrument {
    /// Sets the version date from `field` and carries what it leaves unsaid: the remark
    /// (`versionDateRemark`) and the note.
    mutating func dated(by field: VersionDateField?) {
        versionDate = field?.date
        versionDateRemark = field?.remark
        if let note = field?.note { notes.append(note) }
    }
}
