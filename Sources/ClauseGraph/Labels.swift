/// The labels of rules and exceptions are written "name: explanation" ("License Exception AIA (15
/// CFR 740.27): recipient located in …"). Where a label stands in running text, or on a node of a
/// drawn graph, its name alone is given.
public enum Labels {
    /// The part of a label before its explanation; the whole label where it has none.
    public static func head(_ label: String) -> String {
        guard let colon = label.range(of: ": ") else { return label }
        return String(label[..<colon.lowerBound])
    }
}
