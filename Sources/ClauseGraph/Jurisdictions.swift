/// Who a requesting authority answers to: the Union (`EU`, the Commission and its AI Office) or a
/// country (its ISO 3166-1 alpha-2 code). One definition for the request reader, which refuses
/// anything else, and for the lint, which holds the rules' values of a jurisdiction fact to it.
public enum Jurisdictions {
    /// The Union's own jurisdiction, which no ISO 3166-1 code stands for.
    public static let union = "EU"

    public static func isValid(_ value: String) -> Bool { value == union || CountryCodes.isValid(value) }
}
