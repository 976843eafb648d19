/// The whitespace that ends a text a raised or lowered run follows: how much there is, whether it
/// breaks the line (a file's pretty-printing, which is no space in the printed text), and what
/// stands before it. A superscript (`Superscript.placement`) and a subscript (`Subscript.spaces`)
/// both read their place from it.
struct TrailingSpace<Element> {
    var count = 0
    var breaksLine = false
    /// The last element that is not whitespace; nil when the text is all whitespace.
    var before: Element?

    init<Text: BidirectionalCollection>(of text: Text, isSpace: (Element) -> Bool, isLineBreak: (Element) -> Bool) where Text.Element == Element {
        for element in text.reversed() {
            guard isSpace(element) else {
                before = element
                return
            }
            count += 1
            breaksLine = breaksLine || isLineBreak(element)
        }
    }
}
