import FuzzSupport

/// The process entry point (see FuzzSupport/FuzzerDriver.swift).
@_cdecl("FuzzRequestJSON_main")
public func FuzzRequestJSONMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzz)
}
