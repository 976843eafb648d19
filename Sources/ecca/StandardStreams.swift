import ArgumentParser
import EccaFormats
import Foundation

/// Output helpers: results to standard output, diagnostics to standard error.
enum Output {
    /// Results to standard output. A write that fails (a full disk behind `> FILE`) is said in
    /// words and ends the command with `status`, never with a trap.
    static func write(_ text: String, failing status: Int32 = ExitStatus.internalFailure) throws {
        do {
            try OutputFile.standardOutput().write(text.utf8)
        } catch {
            Output.error("error: \(error)")
            throw ExitCode(status)
        }
    }

    /// Diagnostics to standard error, which end with a newline. Control characters other than
    /// the line breaks of the text itself are escaped (a terminal escape or a bidirectional
    /// override from an input is shown, not obeyed); what an input could break into lines is
    /// escaped where it is put into the text. A failed write is ignored: there is nowhere left
    /// to say so.
    static func error(_ text: String) {
        let safe = ControlCharacters.escaped(text, keeping: ["\n"])
        toStandardError(safe.hasSuffix("\n") ? safe : safe + "\n")
    }

    /// `text` to standard error as it is (progress lines rewrite themselves with `\r`).
    static func toStandardError(_ text: String) {
        try? OutputFile.standardError().write(text.utf8)
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
