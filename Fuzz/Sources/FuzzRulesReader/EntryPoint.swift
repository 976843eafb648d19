import FuzzSupport

/// The process entry point (see FuzzSupport/FuzzerDriver.swift).
@_cdecl("FuzzRulesReader_main")
public func FuzzRulesReaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzz)
}
