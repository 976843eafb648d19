import FuzzSupport

/// The process entry point (see FuzzSupport/FuzzerDriver.swift).
@_cdecl("FuzzRequestXML_main")
public func FuzzRequestXMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzz)
}
