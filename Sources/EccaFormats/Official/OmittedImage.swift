import ClauseGraph

/// A formula or picture the GPO prints as an image (`<MATH><MID>EC14NO91.003</MID></MATH>`,
/// `<GPH><GID>EC09SE91.009</GID></GPH>`): the XML holds only the image's file id, which is not
/// legal text, so it is left out of the wording; what the image says is not carried, and that is
/// reported (a warning at its line, a count, a `note kind="unresolved"` naming the id), so a
/// charge formula never silently reads as the sentence around it.
struct OmittedImage: Sendable, Hashable {
    /// The image's file id (`EC14NO91.003`), as printed in the XML.
    var id: String
    /// `MATH` (a formula set as an image) or `GPH` (a graphic).
    var isFormula: Bool

    /// What the official text prints there, for a reader of a report.
    private var what: String { isFormula ? "a formula as an image" : "a picture" }

    func message(subject: String) -> String {
        "\(subject): the official text prints \(what) (\(id)), which is not carried: the id is left out of the wording and what the image shows is not imported"
    }

    /// What a `cite-check` pass names as not compared: `formula printed as an image (EC14NO91.003)`.
    var notCarried: String { "\(isFormula ? "formula printed as an image" : "picture") (\(id))" }

    var note: Note {
        Note(kind: .unresolved, text: "The official text here prints \(what) (\(id)); it is not carried in this wording. Check the official text.")
    }
}
