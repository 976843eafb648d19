import EccaAnalysis

/// Deterministic JSON (sorted keys) of analysis values: what `--format json` and batch lines print.
public enum JSONReport {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        AnalysisJSON.encode(value, pretty: pretty)
    }
}
