import FuzzSupport

/// The process entry point (see FuzzSupport/FuzzerDriver.swift).
@_cdecl("FuzzOfficialImport_main")
public func FuzzOfficialImportMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzz)
}
