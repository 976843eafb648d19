import ClauseGraph
import EccaXML

/// Why an official file could not be imported. Every case reads as a sentence and names the place.
public enum OfficialImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not well-formed, truncated, unreadable, or a forbidden construct (DTD, entity): the XML
    /// reader's error, with file, line and column.
    case unreadable(XMLReadError)
    case noRootElement(file: String)
    /// The root element belongs to no dialect ecca reads.
    case unknownDialect(root: String, location: XMLSourceLocation)
    /// `--format` named one dialect, the file is another.
    case wrongDialect(expected: OfficialDialect, found: OfficialDialect, location: XMLSourceLocation)
    /// The file is of the right dialect but holds nothing ecca can turn into a provision; `why`
    /// says what the file is instead, where the reader can tell (an Akoma Ntoso `amendment`).
    case nothingToImport(file: String, dialect: OfficialDialect, why: String? = nil)
    /// The output file could not be written; nothing is left at the output path.
    case output(path: String, message: String)
    /// `cite-check` was given a file that is not an official text (LegalRuleML: an encoding of the law).
    case notOfficialText(file: String, dialect: OfficialDialect)
    /// `cite-check` was given a Federal Register file whose documents are all proposed rules
    /// (`PRORULE`, named by their FR Doc. numbers): a proposal is not law.
    case proposedRuleOnly(file: String, documents: [String])
    /// `cite-check` was given an Akoma Ntoso `bill` (named by its official id): a proposal is not law.
    case billOnly(file: String, documents: [String])
    /// Two files that join one instrument both hold this section (or appendix).
    case givenTwice(citation: String, instrument: String, first: SourceLocation, again: SourceLocation)
    /// One file named twice among the inputs (perhaps by two paths): its provisions would be
    /// imported twice, their ids told apart by a suffix.
    case fileGivenTwice(file: String, first: String)
    /// A pipe, FIFO or device: it can be read once only, and `XMLSAXReader` reads a file's start
    /// twice (its prolog is scanned, then the file rewound); LegalRuleML, joined CFR files and
    /// `cite-check`'s detection read more. libxml2 said "Extra content at the end of the document".
    case notRegularFile(file: String)
    /// A unit's number longer than any official numbering (`ImportEmitter.longestNumber`).
    case numberTooLong(start: String, bytes: Int, limit: Int, location: SourceLocation)
    /// The output named is one of the files read (by any path, link or hard link): writing it
    /// would replace the official text with ecca's output.
    case outputIsInput(output: String, input: String)
    /// The output named is a file of the package an input belongs to, not named but found beside
    /// it (its manifest, its act, one of its annexes) or named by an input manifest without being
    /// read (its table of contents): writing it would replace official text the manifest lists
    /// (QA verify11 N5, importer audit D3).
    case outputIsPackageFile(output: String, file: String, manifest: String, input: String)
    /// A Formex package manifest names a member (`element`'s `FILE`) outside its own folder.
    case manifestMemberOutside(name: String, element: String, location: SourceLocation)

    public var description: String {
        switch self {
        case .unreadable(let error):
            return "\(error.location): error: \(error.message)"
        case .noRootElement(let file):
            return "\(shown(file)): error: no root element (empty or not XML)"
        case .unknownDialect(let root, let location):
            return "\(location): error: root element <\(root)> is not a format ecca imports (eCFR, CFR, Federal Register, Formex, Akoma Ntoso, LegalRuleML)"
        case .wrongDialect(let expected, let found, let location):
            return "\(location): error: --format \(expected) was given, but this file is \(found) XML"
        case .nothingToImport(let file, let dialect, let why):
            return "\(shown(file)): error: no provisions found in this \(dialect) file" + (why.map { ": \($0)" } ?? "")
        case .output(let path, let message):
            return "\(shown(path)): error: cannot write the output: \(message)"
        case .notOfficialText(let file, let dialect):
            let name = dialect == .legalruleml ? "LegalRuleML" : dialect.description
            return "\(shown(file)): error: this \(name) file is an encoding of the law, not its official text; check against Formex, eCFR or annual CFR, Federal Register or Akoma Ntoso XML"
        case .proposedRuleOnly(let file, let documents):
            let named = documents.isEmpty ? "" : " (" + documents.map { "FR Doc. \($0)" }.joined(separator: ", ") + ")"
            return "\(shown(file)): error: this Federal Register file holds only \(documents.count > 1 ? "proposed rules" : "a proposed rule")\(named): "
                + "a proposal is not law, and the text it sets out is not the official text of any provision; check against the final rule, the eCFR or the annual CFR"
        case .billOnly(let file, let documents):
            return "\(shown(file)): error: this Akoma Ntoso file is a bill (\(documents.joined(separator: ", "))), a proposal or a draft of one: "
                + "a proposal is not law, and its text is not the official text of any provision; check against the act adopted"
        case .fileGivenTwice(let file, let first):
            return "\(shown(file)): error: this file is given twice (also as \(shown(first))): each file is imported once"
        case .notRegularFile(let file):
            return "\(shown(file)): error: not a regular file (a pipe, FIFO or device): ecca reads the start of an official file twice (to refuse "
                + "DTDs and entities before parsing it), and some files twice over, which a pipe does not allow; save it to a file first"
        case .numberTooLong(let start, let bytes, let limit, let location):
            return "\(location): error: a unit is numbered “\(ControlCharacters.escaped(start))…”, \(bytes) bytes long: no official numbering is longer than \(limit) bytes, "
                + "and this one would be copied into every id, citation and link of its provisions; the file is damaged or not official text"
        case .outputIsInput(let output, let input):
            return "error: the output \(shown(output)) is the input \(shown(input)): writing it would replace the official text with ecca's output (give another -o)"
        case .outputIsPackageFile(let output, let file, let manifest, let input):
            let what = file == manifest ? "the package manifest read beside the input \(shown(input))"
                : manifest == input ? "a file the package manifest \(shown(input)) names"
                : "a file of the package of the input \(shown(input)) (its manifest \(shown(manifest)), read beside it, lists it)"
            return "error: the output \(shown(output)) is \(shown(file)), \(what): writing it would replace the official text with ecca's output (give another -o)"
        case .manifestMemberOutside(let name, let element, let location):
            return "\(location): error: the package manifest names the member file '\(ControlCharacters.escaped(name))' (\(element) FILE), which is not in the manifest's folder; "
                + "a member is named by its bare file name, so a name holding '/', '\\' or '..' is refused and nothing outside the package is read"
        case .givenTwice(let citation, let instrument, let first, let again):
            return "\(again): error: \(citation) was already imported from \(first); files of one CFR title join one instrument (\(instrument)), "
                + "so a section may come from one file only: leave one of them out, or import them separately"
        }
    }

    /// Refuses a path that names a pipe, FIFO, socket or device (through symbolic links). A path
    /// with nothing behind it is left to the reader, which says so.
    static func requireRegularFile(_ file: String) throws(OfficialImportError) {
        switch FileKind(path: file) {
        case .stream?, .other?: throw .notRegularFile(file: file)
        default: return
        }
    }

    /// A path as printed: control and bidirectional characters escaped (a file name holding a
    /// newline cannot forge a line of output).
    private func shown(_ path: String) -> String { ControlCharacters.escaped(path) }

    /// The location of the error, when it has one (tests and exit-status decisions).
    public var location: XMLSourceLocation? {
        switch self {
        case .unreadable(let error): error.location
        case .unknownDialect(_, let location), .wrongDialect(_, _, let location): location
        default: nil
        }
    }
}
