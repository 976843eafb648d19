import Foundation

/// The JSON of analysis values: sorted keys, so that the same analysis always prints the same
/// bytes. `ecca check --format json` prints it pretty; each `ecca batch` line is the compact form
/// of the very same object.
public enum AnalysisJSON {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
