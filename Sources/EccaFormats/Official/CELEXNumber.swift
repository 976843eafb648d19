/// The year and number a CELEX number of an act gives: `32016R1036` (sector 3, legislation) →
/// 2016/1036, and a consolidation's `CONSLEG.REF`, `2016R1036`, the same without the sector. The
/// fallback where a Formex header has no `NO.DOC`: the act is still named by its number, not by a
/// placeholder.
struct CELEXNumber: Sendable, Hashable {
    var year: String
    /// Without the zeros that pad it to four digits (`0825` → `825`), as the Official Journal prints it.
    var number: String

    init(year: String, number: String) {
        self.year = year
        self.number = number
    }

    init?(_ celex: String) {
        var text = Substring(celex)
        if text.count == 10, text.first == "3" { text = text.dropFirst() }
        let year = text.prefix(4)
        let rest = text.dropFirst(4)
        let letters = rest.prefix { $0.isASCII && $0.isUppercase }
        let digits = rest.dropFirst(letters.count)
        guard year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }), (1...2).contains(letters.count),
              !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        self.year = String(year)
        let trimmed = digits.drop { $0 == "0" }
        number = trimmed.isEmpty ? "0" : String(trimmed)
    }
}
