import EccaXML

/// The official XML families ecca imports, told apart by their root element (docs/importers.md).
public enum OfficialDialect: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// eCFR XML: GovInfo bulk (`DLPSTEXTCLASS`), an ecfr.gov versioner node (`DIV1`…`DIV9` as root),
    /// or the annual CFR (`CFRDOC`).
    case ecfr
    /// Federal Register XML (`FEDREG`, or a single `RULE`/`PRORULE`/`NOTICE` document).
    case fr
    /// EUR-Lex Formex 4 (`ACT`, `CONS.ACT`, an `ANNEX`, or the `DOC` manifest of a package).
    case formex
    /// Akoma Ntoso 3.0, including the AKN4EU profile (`akomaNtoso`).
    case akn
    /// OASIS LegalRuleML (`lrml:LegalRuleML`).
    case legalruleml

    public var description: String { rawValue }

    static let aknNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    static let legalRuleMLNamespace = "http://docs.oasis-open.org/legalruleml/ns/v1.0/"

    /// The dialect a document with this root element belongs to, or nil for a root ecca does not read.
    public static func detect(root: XMLElementStart) -> OfficialDialect? {
        switch root.name {
        case "DLPSTEXTCLASS", "CFRDOC", "ECFR": return .ecfr
        case "DIV1", "DIV2", "DIV3", "DIV4", "DIV5", "DIV6", "DIV7", "DIV8", "DIV9":
            return root["TYPE"] != nil ? .ecfr : nil
        case "FEDREG", "RULE", "PRORULE", "NOTICE", "RULES", "PRORULES": return .fr
        case "ACT", "CONS.ACT", "ANNEX", "DOC", "CONS.ANNEX": return .formex
        case "akomaNtoso": return .akn
        case "LegalRuleML": return root.namespace == legalRuleMLNamespace || root.namespace == nil ? .legalruleml : nil
        default: return nil
        }
    }

    /// Reads only as far as the root element of `path` and names its dialect.
    public static func detect(path: String) throws(OfficialImportError) -> (dialect: OfficialDialect, root: XMLElementStart) {
        let reader: XMLSAXReader
        do { reader = try XMLSAXReader(path: path) } catch { throw .unreadable(error) }
        while true {
            let event: XMLEvent?
            do { event = try reader.next() } catch { throw .unreadable(error) }
            guard let event else { throw .noRootElement(file: path) }
            if case .start(let root) = event {
                guard let dialect = detect(root: root) else { throw .unknownDialect(root: root.name, location: root.location) }
                return (dialect, root)
            }
        }
    }
}
