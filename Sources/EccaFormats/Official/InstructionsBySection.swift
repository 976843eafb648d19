/// The amendatory instructions of one REGTEXT read so far, by the CFR sections they name: a
/// section the rule sets out is "set out by" the instructions that name it, else by the last one
/// read. Kept as an index as the instructions come, since a rule can hold thousands of
/// instructions each followed by its section: looking through every instruction before it for each
/// section took time that grows with their number squared (4,000 instructions, 9.6 s in a debug
/// build).
struct InstructionsBySection {
    private var bySection: [String: [Amendment]] = [:]
    private var lastNumber: String?

    mutating func append(_ amendment: Amendment) {
        // `sections` names each section once, so an instruction is listed once for it.
        for section in amendment.sections { bySection[section, default: []].append(amendment) }
        lastNumber = amendment.number
    }

    /// The instructions that name `section`, in the order read (none if none does).
    func instructions(naming section: String) -> [Amendment] { bySection[section] ?? [] }

    /// The numbers of the instructions that name `section`, in the order read; if none does, the
    /// last instruction's (none before the first).
    func numbers(naming section: String) -> [String] {
        bySection[section]?.map(\.number) ?? (lastNumber.map { [$0] } ?? [])
    }
}
