/// An element the parser is inside, as error messages name it: its qualified name as the file
/// writes it, and where its start tag is (a line of nil and a column of 0: not known).
struct XMLOpenElement: Sendable, Hashable {
    var name: String
    var line: Int?
    var column: Int
}
