/// The conflict graph's picture for the HTML report: an SVG drawn by Graphviz, or the reason
/// there is none (the report then gives the DOT source to draw it elsewhere).
public enum ConflictPicture: Sendable, Hashable {
    /// SVG markup as `dot -Tsvg` printed it (`SVGEmbedding` checks it before it is embedded).
    case svg(String)
    case notDrawn(reason: String)

    /// When Graphviz's `dot` is not installed.
    public static let graphvizMissing = ConflictPicture.notDrawn(
        reason: "Graphviz (dot) is not installed, so the conflict graph is not drawn here; its DOT source follows (draw it with dot -Tsvg).")
    /// When drawing was turned off (`--no-svg`).
    public static let turnedOff = ConflictPicture.notDrawn(
        reason: "Drawing was turned off (--no-svg); the conflict graph's DOT source follows (draw it with dot -Tsvg).")
}
