/// The kinds of paragraph marker in CFR text, in the order of their levels (FORMATS.md §1.4):
/// `(a)` → `(1)` → `(i)` → `(A)` → italic `(1)` → italic `(i)`.
public enum MarkerKind: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case lower = 0, digit, roman, upper, italicDigit, italicRoman

    /// The level (0 = `(a)`): the kind fixes it.
    public var depth: Int { rawValue }

    public var description: String {
        switch self {
        case .lower: "letter"
        case .digit: "number"
        case .roman: "roman numeral"
        case .upper: "capital letter"
        case .italicDigit: "italic number"
        case .italicRoman: "italic roman numeral"
        }
    }

    public static func < (lhs: MarkerKind, rhs: MarkerKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The marker's position in its sequence (`c` → 3, `iv` → 4, `aa` → 27), or nil when the label
    /// cannot be of this kind.
    public func ordinal(of label: String) -> Int? {
        switch self {
        case .lower: MarkerKind.letterOrdinal(label, base: UInt8(ascii: "a"))
        case .upper: MarkerKind.letterOrdinal(label, base: UInt8(ascii: "A"))
        case .digit, .italicDigit: MarkerKind.digitOrdinal(label)
        case .roman, .italicRoman: MarkerKind.romanValue(label)
        }
    }

    /// `1`…`999` (up to three ASCII digits), read from the bytes: the solver asks for ordinals of
    /// every marker it tries, and `Int(String)` cost ten times as much.
    static func digitOrdinal(_ label: String) -> Int? {
        let bytes = label.utf8
        guard !bytes.isEmpty, bytes.count <= MarkedParagraph.longestNumber else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// `a`…`z` → 1…26, then doubled letters `aa`…`zz` → 27…52 (the CFR's continuation).
    static func letterOrdinal(_ label: String, base: UInt8) -> Int? {
        let bytes = label.utf8
        guard let first = bytes.first, first >= base, first < base + 26 else { return nil }
        if bytes.count == 1 { return Int(first - base) + 1 }
        if bytes.count == 2, bytes.last == first { return 26 + Int(first - base) + 1 }
        return nil
    }

    /// Lower-case roman numerals up to 89 (`i`, `iv`, `xiv`, `lxxx`), strictly formed.
    static func romanValue(_ label: String) -> Int? {
        let bytes = label.utf8
        guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
        var total = 0
        var previous = 0
        for byte in bytes.reversed() {
            let value: Int
            switch byte {
            case UInt8(ascii: "i"): value = 1
            case UInt8(ascii: "v"): value = 5
            case UInt8(ascii: "x"): value = 10
            case UInt8(ascii: "l"): value = 50
            default: return nil
            }
            if value < previous { total -= value } else { total += value; previous = value }
        }
        return total > 0 && total < strictNumerals.count && strictNumerals[total] == label ? total : nil
    }

    /// The strictly formed numerals, 1…89: without `c`, `xc` (90) cannot be written, and `ll` is
    /// not a numeral (it is the doubled letter after `(z)`).
    private static let strictNumerals: [String] = (0...89).map(romanNumeral)

    static func romanNumeral(_ number: Int) -> String {
        guard number > 0 else { return "" }
        let table: [(Int, String)] = [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = number
        var output = ""
        for (value, symbol) in table {
            while rest >= value {
                output += symbol
                rest -= value
            }
        }
        return output
    }
}

/// One paragraph marker as printed at the start of a CFR paragraph: `(a)`, `(2)`, italic `(3)`,
/// or a reserved range `(c)-(w)`.
public struct ParagraphMarker: Sendable, Hashable, CustomStringConvertible {
    /// The label inside the parentheses (`a`, `2`, `iv`); a range's first label.
    public var label: String
    /// A range's last label: `w` in `(c)-(w) [Reserved]` (also `(c) through (w)`, an en dash),
    /// the CFR's way of reserving several paragraphs at once (every USML category has one). The
    /// range stands for its first to its last marker: the next paragraph follows `w`.
    public let through: String?
    /// Whether the label is printed in italics (levels 5 and 6).
    public var italic: Bool
    /// The paragraph heading printed in italics right after the marker (`In general.`).
    public var heading: String?
    /// True when the marker follows another paragraph's heading inside the same `P`
    /// (`(c) <I>Effective date</I>—(1) …`).
    public var embedded: Bool

    public init(label: String, italic: Bool, heading: String? = nil, embedded: Bool = false, through: String? = nil) {
        self.label = label
        self.italic = italic
        self.heading = heading
        self.embedded = embedded
        self.through = through
        candidates = through.map { Self.rangeKinds(from: label, through: $0, italic: italic) } ?? Self.kinds(label: label, italic: italic)
    }

    /// `(a)`, or a range as the CFR cites it: `(c)-(w)`.
    public var description: String { through.map { "(\(label))-(\($0))" } ?? "(\(label))" }

    /// The rules-XML id segment: the label (letters or digits, already safe), or `c-w` for a range.
    var idSegment: String { through.map { "\(label)-\($0)" } ?? label }

    /// The kinds this marker can be. `(i)`, `(v)`, `(x)` can be a letter or a roman numeral; an
    /// italic number is level 5 and an italic roman numeral level 6. A range is of the kinds both
    /// its labels can be, where the first comes before the last: `(i)-(v)` letters or romans,
    /// `(i)-(k)` letters only.
    public let candidates: MarkerKinds

    /// The value the range ends at when read as `kind` (the label's own value for one marker).
    func lastOrdinal(as kind: MarkerKind) -> Int? { kind.ordinal(of: through ?? label) }

    /// The kinds of a range `(first)-(last)`: empty when no kind orders the two labels.
    static func rangeKinds(from first: String, through last: String, italic: Bool) -> MarkerKinds {
        var kinds = MarkerKinds()
        let lastKinds = Self.kinds(label: last, italic: italic)
        for kind in Self.kinds(label: first, italic: italic) where lastKinds.contains(kind) {
            if let start = kind.ordinal(of: first), let end = kind.ordinal(of: last), start < end { kinds.insert(kind) }
        }
        return kinds
    }

    /// Whether the label's bytes can be a marker of any kind (`kinds` is not empty), without
    /// making the list: a label is read at every `(` that opens a paragraph, and most are answered
    /// without a string (digits, one letter, a doubled letter).
    static func isLabel<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first else { return false }
        if bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return true }
        let isLetter = (first >= 97 && first <= 122) || (first >= 65 && first <= 90)
        if isLetter, bytes.count == 1 || (bytes.count == 2 && bytes.allSatisfy { $0 == first }) { return true }
        return MarkerKind.roman.ordinal(of: String(decoding: bytes, as: UTF8.self)) != nil
    }

    static func kinds(label: String, italic: Bool) -> MarkerKinds {
        var kinds = MarkerKinds()
        let isDigits = label.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        if isDigits {
            kinds.insert(italic ? .italicDigit : .digit)
            return kinds
        }
        if MarkerKind.lower.ordinal(of: label) != nil { kinds.insert(.lower) }
        if MarkerKind.roman.ordinal(of: label) != nil { kinds.insert(italic ? .italicRoman : .roman) }
        if MarkerKind.upper.ordinal(of: label) != nil { kinds.insert(.upper) }
        return kinds
    }

    /// Candidates when the italics cannot be trusted (used only when no reading fits otherwise).
    var relaxedCandidates: MarkerKinds {
        var kinds = candidates
        if kinds.contains(.digit) || kinds.contains(.italicDigit) { kinds.insert(.digit); kinds.insert(.italicDigit) }
        if kinds.contains(.roman) || kinds.contains(.italicRoman) { kinds.insert(.roman); kinds.insert(.italicRoman) }
        return kinds
    }
}
