/// Why a report could not be made: values, for the command line to print.
public enum ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A file to hash or read could not be read.
    case unreadableFile(path: String)
    /// A folder was given where a file was expected.
    case directory(path: String)
    /// A results file (JSON, a JSON array or NDJSON of analyses) that does not decode.
    case invalidResults(file: String, line: Int?, message: String)
    /// A report template is missing or malformed: the installation is broken.
    case template(name: String, message: String)
    /// The report, or the scratch file its requests are kept in until it is written, could not be
    /// written (a full disk, no permission); `path` nil is standard output.
    case unwritable(path: String?, reason: String)

    /// Whether ecca itself is at fault (its installation), rather than the input or the disk.
    public var isInstallationFault: Bool {
        if case .template = self { true } else { false }
    }

    public var description: String {
        switch self {
        case .unreadableFile(let path):
            "\(path): error: cannot read file"
        case .directory(let path):
            "\(path): error: is a directory, not a request or results file"
        case .invalidResults(let file, let line, let message):
            "\(file)\(line.map { ":\($0)" } ?? ""): error: not analysis results: \(message)"
        case .template(let name, let message):
            "error: report template '\(name)': \(message) (the ecca installation is incomplete)"
        case .unwritable(let path?, let reason):
            "\(path): error: cannot write the report: \(reason)"
        case .unwritable(nil, let reason):
            "error: cannot write standard output: \(reason)"
        }
    }
}
