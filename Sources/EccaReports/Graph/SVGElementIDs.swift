/// Makes the element ids of an SVG drawn by Graphviz unique in the page it is embedded in:
/// Graphviz names every drawing's elements alike (`graph0`, `node1`, `edge1`, `clust1`), so a
/// report of two requests held each id twice (32 duplicated ids, invalid HTML, and a fragment
/// link into a picture that could land in another request's). Each id, and each `url(#id)` that
/// refers to one (a gradient, a clip path), gets the same prefix; text is left as it is.
enum SVGElementIDs {
    /// `svg` with `prefix` before every id inside its tags (`id="node1"` → `id="request-2-graph-node1"`).
    static func prefixed(_ svg: String, with prefix: String) -> String {
        var result = ""
        result.reserveCapacity(svg.utf8.count + 64)
        var rest = Substring(svg)
        while let open = rest.firstIndex(of: "<") {
            result += rest[..<open]
            let tagEnd = endOfTag(in: rest[open...])
            result += prefixedTag(rest[open..<tagEnd], with: prefix)
            rest = rest[tagEnd...]
        }
        result += rest
        return result
    }

    /// The index after the `>` that closes the tag `text` starts with (a `>` inside a quoted
    /// attribute value does not), or the end of `text`.
    private static func endOfTag(in text: Substring) -> Substring.Index {
        var quote: Character?
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                return text.index(after: index)
            }
            index = text.index(after: index)
        }
        return text.endIndex
    }

    /// One tag with its `id` attribute's value and its `url(#…)` references prefixed.
    private static func prefixedTag(_ tag: Substring, with prefix: String) -> String {
        var result = ""
        var quote: Character?
        var previous: Character = " "
        var index = tag.startIndex
        while index < tag.endIndex {
            let character = tag[index]
            let rest = tag[index...]
            if quote == nil, previous.isWhitespace, rest.hasPrefix("id=\"") || rest.hasPrefix("id='") {
                result += rest.prefix(4) + prefix
                quote = rest[rest.index(rest.startIndex, offsetBy: 3)]
                previous = quote!
                index = rest.index(rest.startIndex, offsetBy: 4)
                continue
            }
            if quote != nil, rest.hasPrefix("url(#") {
                result += "url(#" + prefix
                previous = "#"
                index = rest.index(rest.startIndex, offsetBy: 5)
                continue
            }
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            }
            result.append(character)
            previous = character
            index = tag.index(after: index)
        }
        return result
    }
}
