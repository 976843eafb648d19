import EccaXML

extension RequestError {
    /// The error of a document (a request, an MoU) that its schema refuses: every violation,
    /// each once, at its line (`RelaxNGFindings`), the first first and the rest as its further
    /// problems, up to `listedLimit`; the messages left out as repeats are said on the first.
    /// - Parameter document: what the document is ("request", "MoU"), for "not a valid request: …".
    init(schema findings: RelaxNGFindings, document: String, requestID: String? = nil) {
        var problems = RequestProblems()
        problems.requestID = requestID
        for violation in findings.violations {
            problems.record(RequestError(file: violation.location.file, line: violation.location.line,
                                         message: "not a valid \(document): \(violation.message)"))
        }
        self = problems.error!
        if let note = findings.leftOutNote { message += " (\(note))" }
    }
}
