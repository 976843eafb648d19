import Foundation

/// A command line written so that a POSIX shell runs exactly these arguments again.
public enum ShellCommand {
    /// Joins `arguments` with spaces, quoting each one that needs it.
    public static func line(_ arguments: [String]) -> String {
        arguments.map(quote).joined(separator: " ")
    }

    private static let plain = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@%+=:,./_-".unicodeScalars)

    /// Unquoted when it is only safe characters; single-quoted otherwise; ANSI-C quoted (`$'…'`)
    /// when it holds control characters, so the command stays on one line.
    public static func quote(_ argument: String) -> String {
        if !argument.isEmpty, argument.unicodeScalars.allSatisfy(plain.contains) { return argument }
        if argument.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            var quoted = "$'"
            for scalar in argument.unicodeScalars {
                switch scalar {
                case "\\": quoted += "\\\\"
                case "'": quoted += "\\'"
                case "\n": quoted += "\\n"
                case "\t": quoted += "\\t"
                case "\r": quoted += "\\r"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        let hex = String(scalar.value, radix: 16)
                        quoted += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                    } else {
                        quoted.unicodeScalars.append(scalar)
                    }
                }
            }
            return quoted + "'"
        }
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
