import FuzzSupport

/// The process entry point (see FuzzSupport/FuzzerDriver.swift).
@_cdecl("FuzzConditionEvaluator_main")
public func FuzzConditionEvaluatorMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzz)
}
