import CLibXML2

/// Process-wide libxml2 set-up, done once.
public enum LibXML2 {
    private static let initialized: Bool = {
        xmlInitParser()
        // libxml2 2.9 fills its XSD and RELAX NG type tables on first use, without a lock: two
        // schemas compiled at once could see a half-filled table and fail ("type 'token' is not
        // exported"). Fill them here, once, before any thread can compile a schema.
        xmlSchemaInitTypes()
        xmlRelaxNGInitTypes()
        // Nothing libxml2 reports may reach standard error: readers collect their own errors.
        ecca_xml_install_silence()
        return true
    }()

    static func initializeOnce() { _ = initialized }

    /// The libxml2 version the process runs with, for reproducibility receipts.
    public static var version: String {
        initializeOnce()
        return String(cString: ecca_xml_parser_version())
    }
}
