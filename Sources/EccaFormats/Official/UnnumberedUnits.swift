import ClauseGraph

/// Units the file prints without their number (an article whose `num` is missing or empty, a CFR
/// section whose `SECTNO` is empty): damaged or retyped input, as an official file never is.
///
/// No number is made up that reads as a citation: an empty one gave `14 CFR (a)` and `Art. (1)`,
/// and a heading taken for one gave `Art. Statementoffees` (importer audit D2), all written without
/// a word. The unit is imported, as nothing is dropped, but cited as the file's "unnumbered article
/// 2", numbered by its place among the unnumbered units of its kind: a warning at its line, a
/// `note kind="unresolved"` on it and on every part of it (their citations hang on the missing
/// number), and a count in the summary. Refusing the file would lose every numbered unit with it.
struct UnnumberedUnits: Sendable {
    private var counts: [String: Int] = [:]

    /// How an unnumbered unit is cited and noted.
    struct StandIn: Sendable {
        /// `unnumbered section 2`: its number in citations and ids.
        var number: String
        /// `nn2`: its number where an id segment is minted from it (`art_nn2`).
        var segment: String
        /// The unresolved note on it and on its parts.
        var note: Note
    }

    /// The place of the next unnumbered `kind` ("article", "schedule") among those of its kind.
    mutating func next(_ kind: String) -> Int {
        counts[kind, default: 0] += 1
        return counts[kind]!
    }

    /// The next unnumbered `kind` ("article", "section"), cited by its place.
    mutating func standIn(_ kind: String) -> StandIn {
        let place = next(kind)
        return StandIn(number: "unnumbered \(kind) \(place)", segment: "nn\(place)",
                       note: Note(kind: .unresolved, text: "This \(kind) carries no number in the official file; ecca numbers it by its place among the unnumbered \(kind)s of the file (\(place)), so its citation and id, and those of its parts, are not the official ones. Check the official text."))
    }

    /// The number a unit is cited by: its own, read by `citation`, or, where it has none, a
    /// stand-in by its place, whose unresolved note is added to `notes` (its parts inherit them).
    mutating func number<Number>(_ parsed: Number?, kind: String, clean: (Number) -> String, citation: (Number) -> String,
                                 notes: inout [Note]) -> (segment: String, cited: String) {
        if let parsed { return (clean(parsed), citation(parsed)) }
        let standIn = standIn(kind)
        notes.append(standIn.note)
        return (standIn.segment, standIn.number)
    }

    /// The warning at the unit's line, naming it by its heading where it has one, and the count.
    /// `label`: what its number's element holds instead of a number, where that is not the heading.
    static func report(_ kind: String, citation: String, heading: String?, label: String? = nil, at location: SourceLocation, to emitter: ImportEmitter) {
        let named = heading.map { " (“\($0)”)" } ?? ""
        let read = label.map { " (its num reads “\($0)”, which is no number)" } ?? ""
        emitter.report(Diagnostic(.warning, "\(kind == "article" ? "an" : "a") \(kind)\(named) has no number\(read); it is cited as \"\(citation)\", and it and its parts are marked unresolved",
                                  at: location))
        emitter.count(.unnumberedUnits)
    }
}
