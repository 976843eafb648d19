import EccaXML
import Foundation

/// Makes Graphviz's SVG safe to paste into the HTML report: the `<svg>` element alone (no XML
/// declaration, doctype or comments), and nothing that could run or load anything.
///
/// The markup is read as XML by ecca's hardened reader (no DTD, no entities, no network) and kept
/// only if every element is one of the SVG elements Graphviz draws with, in the SVG namespace, and
/// no attribute is an event handler, a link, a style, or a reference outside the picture. A list
/// of what to refuse, searched for in the text, had let through `<svg:script>`, `<set
/// attributeName="onmouseover">` and `fill="url(http://…)"`, and refused a picture whose text
/// said "javascript:" (a request id): an element's text is only ever shown.
public enum SVGEmbedding {
    /// The embeddable `<svg>…</svg>`, or nil when the markup is not one or holds active content.
    public static func embeddable(_ svg: String) -> String? {
        guard let start = svg.range(of: "<svg"), let end = svg.range(of: "</svg>", options: .backwards),
              start.lowerBound < end.lowerBound else { return nil }
        var body = String(svg[start.lowerBound..<end.upperBound])
        while let open = body.range(of: "<!--") {
            guard let close = body.range(of: "-->", range: open.upperBound..<body.endIndex) else { return nil }
            body.removeSubrange(open.lowerBound..<close.upperBound)
        }
        // CDATA sections, declarations and processing instructions, which an HTML page reads
        // otherwise than XML does; Graphviz writes none inside the picture.
        if body.contains("<!") || body.contains("<?") { return nil }
        guard isInert(body) else { return nil }
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            .joined(separator: "\n")
    }

    static let svgNamespace = "http://www.w3.org/2000/svg"

    /// The elements Graphviz's SVG output is drawn with. Anything else is refused: scripts,
    /// animations (`<set>` and `<animate>` can give any attribute any value), links, images,
    /// styles, foreign objects, and the HTML elements that would end the picture in a page.
    static let drawingElements: Set<String> = [
        "svg", "g", "title", "text", "path", "polygon", "polyline", "ellipse", "circle", "rect", "line",
        "defs", "linearGradient", "radialGradient", "stop",
    ]

    /// Whether `body`, read as XML, is a picture only: every element a drawing element in the SVG
    /// namespace (or none, which an HTML page reads as SVG's), and every attribute inert.
    static func isInert(_ body: String) -> Bool {
        do {
            let reader = try XMLStreamReader(bytes: Array(body.utf8), name: "svg")
            while let event = try reader.next() {
                switch event {
                case .start(let element):
                    guard element.namespace == nil || element.namespace == svgNamespace, drawingElements.contains(element.name),
                          element.attributes.allSatisfy({ isInert(attribute: $0.key, value: $0.value) }) else { return false }
                case .processingInstruction, .subtree:
                    return false
                case .end, .text:
                    break
                }
            }
            return true
        } catch {
            return false
        }
    }

    /// Whether an attribute (its qualified name, its value as read) can neither run nor load
    /// anything: not an event handler (`on…`), a link (`href`, `xlink:href`, `src`) or a style,
    /// and its value neither a reference outside the picture (`url(` other than `url(#…)`) nor
    /// written with a CSS escape (`\75rl(` is `url(` to CSS) or a `javascript:` address.
    static func isInert(attribute name: String, value: String) -> Bool {
        let local = name.split(separator: ":").last.map { $0.lowercased() } ?? ""
        if local.hasPrefix("on") || local == "href" || local == "src" || local == "style" { return false }
        let lower = value.lowercased()
        if lower.contains("\\") || lower.contains("javascript:") { return false }
        var rest = lower[...]
        while let call = rest.range(of: "url(") {
            rest = rest[call.upperBound...]
            guard rest.drop(while: { $0.isWhitespace || $0 == "\"" || $0 == "'" }).first == "#" else { return false }
        }
        return true
    }
}
