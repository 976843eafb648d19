import ClauseGraph

/// The official id of an EU act known only by the number its Formex bibliography gives it
/// (`BIB.INSTANCE/NO.DOC`): `Formex NO.DOC 2024/1689`, scheme `other`.
///
/// An annex (or an act) file read without its package manifest does not say which kind of act it
/// is, and both a CELEX number (`32024R1689`) and an ELI (`…/eli/reg/2024/1689/oj`) name the kind:
/// neither can be written without guessing it. The year and number are what `cite-check` matches a
/// Formex text on (it reads a CELEX number for them alone), so an instrument that carries them is
/// checked against its act's texts; one that carried nothing was matched to none ("nothing was
/// checked" for an annex imported alone, against the very file it was imported from).
struct FormexActNumberID: Sendable, Hashable {
    static let scheme = "other"
    static let prefix = "Formex NO.DOC "

    var number: CELEXNumber

    init(_ number: CELEXNumber) {
        self.number = number
    }

    /// The id in an instrument's official ids; nil for any other id.
    init?(_ official: Instrument.OfficialID) {
        guard official.scheme == Self.scheme, official.value.hasPrefix(Self.prefix) else { return nil }
        let parts = official.value.dropFirst(Self.prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        number = CELEXNumber(year: String(parts[0]), number: Self.bare(parts[1]))
    }

    var officialID: Instrument.OfficialID {
        Instrument.OfficialID(scheme: Self.scheme, value: "\(Self.prefix)\(number.year)/\(Self.bare(Substring(number.number)))")
    }

    /// Whether this is the act a Formex text numbers `year`/`number` (`0825` and `825` alike).
    func names(year: String, number other: String) -> Bool {
        number.year == year && Self.bare(Substring(number.number)) == Self.bare(Substring(other))
    }

    /// A number without the zeros that may pad it, as the Official Journal prints it.
    private static func bare(_ number: Substring) -> String {
        let trimmed = number.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}
