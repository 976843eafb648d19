/// An exact decimal number such as `1e26`, `2.5e25` or `0.25`, compared without rounding.
///
/// Thresholds in law are exact ("greater than 10^25"); a `Double` cannot tell 10^26 from
/// 10^26 + 1, so facts and thresholds are kept exact and handed to the solver as rationals.
public struct ExactDecimal: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Significant digits without leading or trailing zeros ("" for zero).
    public let digits: String
    /// Value = digits × 10^exponent.
    public let exponent: Int
    public let isNegative: Bool

    /// The largest decimal exponent accepted; beyond it a figure is not a plausible quantity.
    public static let maximumExponent = 100

    public static let zero = ExactDecimal(digits: "", exponent: 0, isNegative: false)

    private init(digits: String, exponent: Int, isNegative: Bool) {
        self.digits = digits
        self.exponent = exponent
        self.isNegative = digits.isEmpty ? false : isNegative
    }

    /// Parses `[-+]digits[.digits][e[-+]digits]`. Rejects NaN, infinities, hex and empty strings.
    /// `-0` is zero.
    public init?(_ text: String) {
        var scalars = Substring(text.trimmingCharactersASCII())
        guard !scalars.isEmpty else { return nil }
        var negative = false
        if scalars.first == "-" || scalars.first == "+" {
            negative = scalars.first == "-"
            scalars = scalars.dropFirst()
        }
        var mantissa = scalars
        var exponentValue = 0
        if let eIndex = scalars.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = scalars[..<eIndex]
            var exponentText = scalars[scalars.index(after: eIndex)...]
            var exponentNegative = false
            if exponentText.first == "-" || exponentText.first == "+" {
                exponentNegative = exponentText.first == "-"
                exponentText = exponentText.dropFirst()
            }
            guard !exponentText.isEmpty, exponentText.count <= 6, exponentText.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let parsed = Int(exponentText) else { return nil }
            exponentValue = exponentNegative ? -parsed : parsed
        }
        let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerPart = pieces[0]
        let fractionPart = pieces.count > 1 ? pieces[1] : ""
        guard !(integerPart.isEmpty && fractionPart.isEmpty),
              integerPart.allSatisfy({ $0.isASCII && $0.isNumber }),
              fractionPart.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var all = String(integerPart) + String(fractionPart)
        var exp = exponentValue - fractionPart.count
        while all.first == "0" { all.removeFirst() }
        while all.last == "0" { all.removeLast(); exp += 1 }
        if all.isEmpty {
            self = .zero
            return
        }
        guard exp + all.count - 1 <= ExactDecimal.maximumExponent, exp >= -ExactDecimal.maximumExponent - 40 else { return nil }
        self.init(digits: all, exponent: exp, isNegative: negative)
    }

    public init(_ value: Int) {
        self.init(String(value))!
    }

    public var isZero: Bool { digits.isEmpty }

    /// The exact value as a rational numeral for Z3: `"123000"` or `"-25/10"`.
    public var rationalString: String {
        if digits.isEmpty { return "0" }
        let sign = isNegative ? "-" : ""
        if exponent >= 0 { return sign + digits + String(repeating: "0", count: exponent) }
        return sign + digits + "/1" + String(repeating: "0", count: -exponent)
    }

    /// Scientific form for people: `1e26`, `2.5e25`, `0` (exact, no rounding).
    public var description: String {
        if digits.isEmpty { return "0" }
        let sign = isNegative ? "-" : ""
        let magnitude = exponent + digits.count - 1
        if (-4...6).contains(magnitude) && exponent < 0 || (0...6).contains(magnitude) && exponent >= 0 {
            // Plain notation for everyday numbers.
            if exponent >= 0 { return sign + digits + String(repeating: "0", count: exponent) }
            let point = digits.count + exponent
            if point > 0 {
                let index = digits.index(digits.startIndex, offsetBy: point)
                return sign + digits[..<index] + "." + digits[index...]
            }
            return sign + "0." + String(repeating: "0", count: -point) + digits
        }
        let head = digits.prefix(1)
        let tail = digits.dropFirst()
        return sign + head + (tail.isEmpty ? "" : "." + tail) + "e" + String(magnitude)
    }

    /// Order of magnitude of the leading digit (for comparison).
    private var magnitude: Int { exponent + digits.count - 1 }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        if lhs.isZero || rhs.isZero {
            if lhs.isZero && rhs.isZero { return false }
            return lhs.isZero ? !rhs.isNegative : rhs.isNegative ? false : lhs.isNegative
        }
        let magnitudeLess: Bool
        if lhs.magnitude != rhs.magnitude {
            magnitudeLess = lhs.magnitude < rhs.magnitude
        } else {
            let width = max(lhs.digits.count, rhs.digits.count)
            let l = lhs.digits + String(repeating: "0", count: width - lhs.digits.count)
            let r = rhs.digits + String(repeating: "0", count: width - rhs.digits.count)
            if l == r { return false }
            magnitudeLess = l < r
        }
        return lhs.isNegative ? !magnitudeLess : magnitudeLess
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), let value = ExactDecimal(text) {
            self = value
            return
        }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a finite decimal number"))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension String {
    func trimmingCharactersASCII() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\n" || first == "\r" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\n" || last == "\r" { slice = slice.dropLast() }
        return String(slice)
    }
}
