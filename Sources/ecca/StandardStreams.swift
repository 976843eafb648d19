import Foundation

/// Output helpers: results to standard output, diagnostics to standard error.
enum Output {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
    static var colourAllowed: Bool {
        isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}

/// Exit statuses shared by the subcommands (README, "Exit status").
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let unusableInput: Int32 = 2
    static let internalFailure: Int32 = 3
}
