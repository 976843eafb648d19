/// ISO 3166-1 alpha-2 country codes (officially assigned), for checking sets, facts and requests.
public enum CountryCodes {
    public static let all: Set<String> = Set("""
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
    CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR \
    GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO \
    JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR \
    MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO \
    RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV \
    TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    public static func isValid(_ code: String) -> Bool { all.contains(code) }

    /// Why `code` is refused, with the code meant where it can be told ("'UK' is not an ISO
    /// 3166-1 alpha-2 country code: the United Kingdom's is 'GB'"); nil for a valid code. The EU's
    /// own country codes write Greece "EL" and the United Kingdom "UK", and a code in lower case is
    /// a valid one mistyped.
    public static func problem(_ code: String) -> String? {
        guard !isValid(code) else { return nil }
        let refused = "'\(code)' is not an ISO 3166-1 alpha-2 country code"
        switch code.uppercased() {
        case "UK": return refused + ": the United Kingdom's is 'GB' ('UK' is the EU's own code for it)"
        case "EL": return refused + ": Greece's is 'GR' ('EL' is the EU's own code for it)"
        case let upper where isValid(upper): return refused + ": codes are written in capitals, '\(upper)'"
        default: return refused
        }
    }

    /// English short names, as a clause's running text uses them ("located in the United
    /// States"), for the countries ecca's lists name: the EU and EEA member states, Switzerland,
    /// the United Kingdom, the United States and the other destinations of Supp. No. 5 to Part
    /// 740, paragraph (a).
    static let names: [String: String] = [
        "AT": "Austria", "BE": "Belgium", "BG": "Bulgaria", "HR": "Croatia", "CY": "Cyprus", "CZ": "Czechia",
        "DK": "Denmark", "EE": "Estonia", "FI": "Finland", "FR": "France", "DE": "Germany", "GR": "Greece",
        "HU": "Hungary", "IE": "Ireland", "IT": "Italy", "LV": "Latvia", "LT": "Lithuania", "LU": "Luxembourg",
        "MT": "Malta", "NL": "the Netherlands", "PL": "Poland", "PT": "Portugal", "RO": "Romania", "SK": "Slovakia",
        "SI": "Slovenia", "ES": "Spain", "SE": "Sweden", "IS": "Iceland", "LI": "Liechtenstein", "NO": "Norway",
        "CH": "Switzerland", "GB": "the United Kingdom", "US": "the United States", "AU": "Australia", "CA": "Canada",
        "JP": "Japan", "KR": "the Republic of Korea", "NZ": "New Zealand", "TW": "Taiwan",
    ]

    /// The country's name for running text ("the United States"), or its code where the table
    /// has no name.
    public static func name(_ code: String) -> String { names[code] ?? code }
}
