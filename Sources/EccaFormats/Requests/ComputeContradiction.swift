import ClauseGraph

extension DisclosureRequest.Model {
    /// Where the training-compute figures contradict ecca's counting, the smallest FLOP figure
    /// and the largest operations figure they allow. ecca counts every FLOP as an operation (the
    /// FLOP unit counts toward operations in Regulations/facts.xml), so it cannot take more FLOP
    /// than operations: that is its reading, not the law's (Art. 3(67) also counts assignments).
    /// Refused by the request readers, checked by the engine before anything is cached, and
    /// avoided by threshold probes.
    public var computeContradiction: ComputeContradiction? {
        guard let figures = trainingCompute, let flop = figures.first(where: { $0.unit == .flop }),
              let operations = figures.first(where: { $0.unit == .operations }),
              let fewest = flop.value ?? flop.min, let most = operations.value ?? operations.max, fewest > most else { return nil }
        return ComputeContradiction(fewestFLOP: fewest, fewestIsBound: flop.value == nil, mostOperations: most, mostIsBound: operations.value == nil)
    }
}

/// FLOP and operations figures ecca cannot take together (`DisclosureRequest.Model.computeContradiction`).
public struct ComputeContradiction: Sendable, Hashable {
    public var fewestFLOP: ExactDecimal
    /// The FLOP figure is a range, and this its lower bound.
    public var fewestIsBound: Bool
    public var mostOperations: ExactDecimal
    public var mostIsBound: Bool

    public var description: String {
        "the FLOP figure (\(fewestIsBound ? "at least " : "")\(fewestFLOP)) is above the operations figure (\(mostIsBound ? "at most " : "")\(mostOperations)); "
            + "ecca counts every FLOP as an operation, so it cannot analyse the two together: give figures counted the same way, or one of them"
    }
}
