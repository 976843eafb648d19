/// A heading that opens a numbered category of a list printed in the CFR: `Category I—Firearms
/// and Related Articles` (the US Munitions List, 22 CFR 121.1, cited "Category I(a)") and
/// `Category 4—Computers` (the Commerce Control List, Supplement No. 1 to Part 774). The CCL
/// reader ends an ECCN entry at one; the CFR section reader opens a level with one.
struct CategoryHeading: Sendable, Hashable {
    /// The category's number as printed: a roman numeral (`I`, `XV`) or digits (`4`).
    var number: String
    /// The words after the dash (`Firearms and Related Articles`); nil when there are none.
    var title: String?

    init(number: String, title: String?) {
        self.number = number
        self.title = title
    }

    /// Whether the number is written in digits (the CCL's style).
    var isArabic: Bool { number.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }

    /// `Category I—Firearms …`, `Category XV—Spacecraft …`, `Category 4—Computers`, `Category 5—Part 2—…`:
    /// "Category", a space, a roman numeral in capitals or digits, then the end or a dash (em
    /// dash, en dash or hyphen, spaces allowed around it) and the title. Nil for anything else
    /// ("Category of persons", "Categories", "Category I items").
    init?(_ text: String) {
        let trimmed = TextNormalizer.trim(text, also: ".:")
        guard trimmed.hasPrefix("Category ") else { return nil }
        let rest = trimmed.dropFirst("Category ".count)
        let number = rest.prefix { $0.isASCII && ($0.isNumber || "IVXLC".contains($0)) }
        guard !number.isEmpty, number.count <= 6,
              number.allSatisfy({ $0.isNumber }) || number.allSatisfy({ !$0.isNumber }) else { return nil }
        var after = rest.dropFirst(number.count)
        while after.first == " " { after = after.dropFirst() }
        if !after.isEmpty {
            guard let dash = after.first, dash == "—" || dash == "–" || dash == "-" else { return nil }
            after = after.dropFirst()
        }
        self.number = String(number)
        let title = TextNormalizer.trim(String(after))
        self.title = title.isEmpty ? nil : title
    }
}
