/// The conflict graph in the HTML report: the SVG when it was drawn, else the reason and the DOT
/// source to draw it elsewhere.
struct PictureView {
    /// Checked by `SVGEmbedding`: the only markup a template inserts unescaped.
    var svgMarkup: String?
    var pictureNote: String?
    var dotSource: String?

    /// `idPrefix` makes the picture's element ids unique in the report (`SVGElementIDs`).
    init(_ picture: ConflictPicture, graph: ConflictGraph, idPrefix: String) {
        switch picture {
        case .svg(let svg):
            if let safe = SVGEmbedding.embeddable(svg) {
                svgMarkup = SVGElementIDs.prefixed(safe, with: idPrefix)
            } else {
                pictureNote = "The SVG drawn by Graphviz was not embeddable; the conflict graph's DOT source follows."
                dotSource = graph.dot()
            }
        case .notDrawn(let reason):
            pictureNote = reason
            dotSource = graph.dot()
        }
    }
}
