import CLibXML2

/// Process-wide libxml2 set-up, done once.
public enum LibXML2 {
    private static let initialized: Bool = {
        xmlInitParser()
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
