/// Postures in reading order: `text` (the law in force) first, then the others by name. Every
/// report lists postures in this order.
public enum PostureOrder {
    public static func sorted(_ postures: some Sequence<String>) -> [String] {
        Array(Set(postures)).sorted { $0 == "text" ? $1 != "text" : $1 == "text" ? false : $0 < $1 }
    }
}
