import ClauseGraph
import EccaXML

extension DeclaredIDs {
    /// The ids a rules file's elements declare, read from its tree even when the file is not
    /// schema-valid (and so not used), so that references to them elsewhere are not reported as
    /// errors of their own.
    init(rulesTree root: XMLElementNode) {
        self.init()
        var pending = [root]
        while let element = pending.popLast() {
            if let kind = Self.kinds[element.name], let id = element["id"] { insert(kind, id) }
            pending += element.elements()
        }
    }

    /// The ids a rules file that is not well-formed still shows to libxml2's recovering parse, so
    /// that references to them elsewhere are not reported as errors of their own.
    init(recoveredFrom bytes: [UInt8], name: String) {
        self.init()
        for (element, id) in XMLRecovery.attributeValues(in: bytes, name: name, elements: Set(Self.kinds.keys), attribute: "id") {
            if let kind = Self.kinds[element] { insert(kind, id) }
        }
    }

    /// The element that declares each kind of id (docs/rules-format.md).
    private static let kinds: [String: UnresolvedReference.Kind] = [
        "instrument": .instrument, "provision": .provision, "fact": .fact, "counts-as": .rule, "set": .set, "unit": .unit,
    ]
}
