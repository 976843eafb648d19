import ClauseGraph

/// Files that are parts of one legal text join one instrument: sections or parts of one CFR title
/// imported one by one from the ecfr.gov versioner, or eCFR bulk, versioner and annual CFR files
/// of the same title. Each part's provisions keep the ids they would have in the whole title
/// (`us.ear.734.3.b.3`, not `us.ear-2.734.3.b.3`), so an import lines up with a shipped encoding.
///
/// The joined instrument's header is known before its first provision is written (the writer
/// streams), so the files are looked at first as far as their header (`OfficialAdapter.preview`).
struct InstrumentJoin: Sendable {
    /// Dialect, instrument id and text (`ecfr|us.cfr-15|15 CFR`): files with the same key join.
    let key: String
    /// The files, in the order given.
    let files: [String]
    /// The instrument begun for the first file.
    let header: ImportedInstrument

    /// The key of the text `instrument` is part of; nil for one that joins nothing.
    static func key(of instrument: ImportedInstrument) -> String? {
        instrument.joinKey.map { "\(instrument.dialect)|\(instrument.id)|\($0)" }
    }

    /// The order to read `files` in, and the joins among them: each file whose preview has a join
    /// key shared with another file's is read together with the others, at the place of the first
    /// of them; the rest keep their places.
    static func plan(_ files: [String], previews: [ImportedInstrument?]) -> (order: [String], joins: [String: InstrumentJoin]) {
        let keys = previews.map { $0.flatMap(key(of:)) }
        var members: [String: [Int]] = [:]
        for (index, key) in keys.enumerated() { if let key { members[key, default: []].append(index) } }
        var joins: [String: InstrumentJoin] = [:]
        var order: [String] = []
        var placed: Set<String> = []
        for (index, file) in files.enumerated() {
            guard let key = keys[index], let group = members[key], group.count > 1 else {
                order.append(file)
                continue
            }
            guard placed.insert(key).inserted else { continue }
            let join = InstrumentJoin(key: key, files: group.map { files[$0] }, header: joined(group.compactMap { previews[$0] }))
            for member in group {
                order.append(files[member])
                joins[files[member]] = join
            }
        }
        return (order, joins)
    }

    /// One header for the parts, read in this order. The version is theirs when they share it;
    /// otherwise it says that they differ, has no date, and a note gives each file's.
    static func joined(_ parts: [ImportedInstrument]) -> ImportedInstrument {
        var joined = parts[0]
        func distinct<T: Hashable>(_ values: [T]) -> [T] {
            var seen = Set<T>()
            return values.filter { seen.insert($0).inserted }
        }
        joined.title = distinct(parts.map(\.title)).joined(separator: "; ")
        joined.officialIDs = distinct(parts.flatMap(\.officialIDs))
        if distinct(parts.map(\.kind)).count > 1 { joined.kind = .regulation }
        if distinct(parts.map(\.variant)).count > 1 { joined.variant = distinct(parts.map(\.variant)).joined(separator: "+") }
        struct Version: Hashable { var label: String?, date: LegalDate? }
        if distinct(parts.map { Version(label: $0.versionLabel, date: $0.versionDate) }).count > 1 {
            joined.versionLabel = "Joined from files of different versions: "
                + distinct(parts.map { $0.versionLabel ?? "no version given" }).joined(separator: "; ")
            joined.versionDate = nil
        }
        if distinct(parts.map(\.sourceURL)).count > 1 { joined.sourceURL = parts[0].joinSourceURL }
        let listed = parts.enumerated().map { index, part in
            "\(index + 1). \(SourceFileName.name(of: part.file)): \(part.title), "
                + (part.versionLabel ?? "no version given")
                // A date field that is not a date is said as such, not as no date (`VersionDateField`).
                + (part.versionDateRemark.map { " (\($0))" } ?? (part.versionDate == nil ? ", no date in the file" : ""))
        }
        joined.notes.append(Note(kind: .editorial, text: "One instrument joined from \(parts.count) files of \(parts[0].joinKey ?? "one text"), "
            + "their provisions in this order: " + listed.joined(separator: "; ")
            + ". A provision from a file other than the first names its file in its source note (“… of FILE”)."))
        return joined
    }
}
