/// Exact conversion of decimal strings to rationals.
///
/// Regulatory thresholds are written as decimals ("0.1", "2.5e25"). `Double` cannot hold most of
/// them exactly, and Z3's own numeral parser silently reads scientific notation such as "1e26" as
/// 0, so the wrapper converts the text itself by shifting the decimal point, digit by digit.
public enum SMTNumeral {
    /// Largest accepted exponent magnitude; bigger ones would build strings of unbounded length
    /// and are not meaningful thresholds.
    public static let maximumExponent = 10_000

    /// Converts an exact decimal ("-12", "0.1", ".5", "1e26", "2.5E-3", with optional sign and
    /// surrounding whitespace) to "num/den" in lowest power-of-ten terms or an integer string.
    /// "-0" gives "0". Throws ``SMTError/invalidNumeral(_:)`` for anything else, including
    /// "NaN", "inf", "1e", "1.2.3" and hexadecimal.
    public static func rational(fromDecimal text: String) throws -> String {
        let bytes = Array(text.utf8).trimmingASCIIWhitespace()
        func invalid(_ why: String) -> SMTError {
            .invalidNumeral("'\(text)' \(why)")
        }
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }

        var integerDigits: [UInt8] = []
        while index < bytes.count, bytes[index].isASCIIDigit {
            integerDigits.append(bytes[index])
            index += 1
        }
        var fractionDigits: [UInt8] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, bytes[index].isASCIIDigit {
                fractionDigits.append(bytes[index])
                index += 1
            }
        }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else {
            throw invalid("is not a decimal number")
        }

        var exponent = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var sawDigit = false
            while index < bytes.count, bytes[index].isASCIIDigit {
                sawDigit = true
                exponent = exponent * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                guard exponent <= maximumExponent else {
                    throw invalid("has an exponent beyond ±\(maximumExponent)")
                }
                index += 1
            }
            guard sawDigit else { throw invalid("has an exponent without digits") }
            if exponentNegative { exponent = -exponent }
        }
        guard index == bytes.count else {
            throw invalid("is not a decimal number")
        }

        // value = digits × 10^(exponent − fractionDigits.count)
        var digits = integerDigits + fractionDigits
        var scale = fractionDigits.count - exponent  // power of ten in the denominator
        if let firstNonZero = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }) {
            digits.removeFirst(firstNonZero)
        } else {
            return "0"
        }
        while scale > 0, digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            scale -= 1
        }
        var numerator = String(decoding: digits, as: UTF8.self)
        if scale < 0 {
            numerator += String(repeating: "0", count: -scale)
        }
        if negative { numerator = "-" + numerator }
        return scale > 0 ? "\(numerator)/1\(String(repeating: "0", count: scale))" : numerator
    }
}

extension UInt8 {
    fileprivate var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    fileprivate var isASCIIWhitespace: Bool {
        self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") || self == UInt8(ascii: "\n")
            || self == UInt8(ascii: "\r")
    }
}

extension Array where Element == UInt8 {
    fileprivate func trimmingASCIIWhitespace() -> [UInt8] {
        guard let first = firstIndex(where: { !$0.isASCIIWhitespace }),
            let last = lastIndex(where: { !$0.isASCIIWhitespace })
        else { return [] }
        return Array(self[first...last])
    }
}
