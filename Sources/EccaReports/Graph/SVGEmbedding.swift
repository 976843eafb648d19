import Foundation

/// Makes Graphviz's SVG safe to paste into the HTML report: the `<svg>` element alone (no XML
/// declaration, doctype or comments), and nothing that could run or load anything.
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
        let lower = body.lowercased()
        let forbidden = ["<script", "javascript:", "<foreignobject", "<iframe", "<object", "<embed", "<image", "href=", "<use", "<style", "<!"]
        if forbidden.contains(where: lower.contains) { return nil }
        // Event handler attributes (onload=, onclick=, …).
        var previous: Character = " "
        var index = lower.startIndex
        while index < lower.endIndex {
            let character = lower[index]
            if previous.isWhitespace, lower[index...].hasPrefix("on") {
                let name = lower[lower.index(index, offsetBy: 2)...].prefix { $0.isLetter }
                let after = lower[lower.index(index, offsetBy: 2 + name.count)...].drop { $0.isWhitespace }
                if !name.isEmpty, after.first == "=" { return nil }
            }
            previous = character
            index = lower.index(after: index)
        }
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            .joined(separator: "\n")
    }
}
