import EccaFormats

/// What a batch line was made under and from, which the line records so that it can be checked on
/// its own, and by a resumed run against what it is about to add: the digest of the regulations
/// (the reproducibility receipt's `regulationsSHA256`: the rules folders' files and the
/// `--instrument` files, by content) and that of the input record (`BatchRecord.digest()`).
public struct LineProvenance: Sendable, Hashable {
    /// Nil only where a batch is run without rules files (tests); then the line carries neither field.
    public var regulationsSHA256: String?
    /// Nil for a record that could not be read.
    public var recordSHA256: SHA256.Digest?

    public init(regulationsSHA256: String?, recordSHA256: SHA256.Digest?) {
        self.regulationsSHA256 = regulationsSHA256
        self.recordSHA256 = recordSHA256
    }
}
