/// The conflict graph in the HTML report: the SVG when it was drawn, else the reason and the DOT
/// source to draw it elsewhere.
struct PictureView {
    /// Checked by `SVGEmbedding`: the only markup a template inserts unescaped.
    var svgMarkup: String?
    var pictureNote: String?
    var dotSource: String?

    init(_ picture: ConflictPicture, graph: ConflictGraph) {
        switch picture {
        case .svg(let svg):
            if let safe = SVGEmbedding.embeddable(svg) {
                svgMarkup = safe
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
