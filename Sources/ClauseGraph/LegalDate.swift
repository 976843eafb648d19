/// A calendar date (no time, no zone), as legal texts state them. Ordered; ISO 8601 in and out.
public struct LegalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (proleptic Gregorian); the solver encodes dates as this integer.
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= LegalDate.daysIn(month: month, year: year) else { return nil }
        dayNumber = LegalDate.days(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` strictly (no times, no two-digit years).
    public init?(iso: String) {
        guard let (year, month, day) = Self.fields(iso: iso) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Why `iso` is not a date, for an error message ("is not an ISO date (YYYY-MM-DD)", "is not a
    /// calendar date: 2026-02 has 28 days"); nil when it is one.
    public static func problem(iso: String) -> String? {
        guard let (year, month, day) = fields(iso: iso) else { return "is not an ISO date (YYYY-MM-DD)" }
        if LegalDate(year: year, month: month, day: day) != nil { return nil }
        guard year >= 1 else { return "is not a calendar date: there is no year 0 (the years run from 0001)" }
        guard (1...12).contains(month) else { return "is not a calendar date: there is no month \(month)" }
        return "is not a calendar date: \(iso.prefix(7)) has \(daysIn(month: month, year: year)) days"
    }

    /// Year, month and day of `YYYY-MM-DD` (ASCII digits only), not yet checked against the calendar.
    private static func fields(iso: String) -> (Int, Int, Int)? {
        var text = iso
        let parsed: (Int, Int, Int)? = text.withUTF8 { bytes in
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
        return parsed
    }

    public var components: (year: Int, month: Int, day: Int) {
        // Civil-from-days (H. Hinnant's algorithm).
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    public var iso: String {
        let (y, m, d) = components
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    public var description: String { iso }

    public func adding(days: Int) -> LegalDate { LegalDate(dayNumber: dayNumber + days) }

    public static func < (lhs: LegalDate, rhs: LegalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LegalDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO date (YYYY-MM-DD): \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
