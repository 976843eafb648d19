import CZ3

/// Reads a Z3 statistics object into a dictionary (key → value) for reproducibility receipts.
extension SMTContext {
    func statistics(_ stats: OpaquePointer?) throws -> [String: Double] {
        try checkError("statistics")
        guard let stats else { return [:] }
        Z3_stats_inc_ref(raw, stats)
        defer { Z3_stats_dec_ref(raw, stats) }
        var result: [String: Double] = [:]
        for index in 0..<Z3_stats_size(raw, stats) {
            let key = string(Z3_stats_get_key(raw, stats, index))
            let value = Z3_stats_is_uint(raw, stats, index)
                ? Double(Z3_stats_get_uint_value(raw, stats, index))
                : Z3_stats_get_double_value(raw, stats, index)
            result[key] = value
        }
        return result
    }
}
