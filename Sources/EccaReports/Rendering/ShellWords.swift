import Foundation

/// Words of a command line printed for a reader to run, each as a POSIX shell reads it back, quoted
/// only where it has to be, so that a path with a space or a quote survives a paste.
enum ShellWords {
    /// A word left as it is when every character is one the shell takes literally; otherwise in
    /// single quotes, a single quote in it written `'\''`.
    static func quoted(_ word: String) -> String {
        if !word.isEmpty, word.unicodeScalars.allSatisfy(isPlain) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        case "_", "-", ".", "/", ":", "@", "%", "+", ",", "=": return true
        default: return false
        }
    }
}
