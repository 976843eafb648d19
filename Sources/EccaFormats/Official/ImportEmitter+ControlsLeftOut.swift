import ClauseGraph

/// Every dialect's provisions and instruments come through the emitter, so the characters a rules
/// file may not hold (`ControlsLeftOut`) are left out here, once for all importers, and the
/// output always passes `ecca validate`. `cite-check` imports the official file the same way, and
/// its comparison leaves them out too (`TextNormalizer.comparable`).
extension ImportEmitter {
    /// `provision` without such characters in any text that is written (wording, heading,
    /// citation, source id, eid, notes), and with a note saying which were left out; the place of
    /// each is recorded for its warning.
    func leavingOutControls(_ provision: ImportedProvision) -> ImportedProvision {
        guard Self.mayHoldControls(provision) else { return provision }
        var provision = provision
        var removed: [ControlsLeftOut.Removal] = []
        func leaveOut(_ text: inout String, _ field: String) { ControlsLeftOut.leaveOut(of: &text, field: field, into: &removed) }
        // The wording first: a character the heading, citation or id copies from it is warned of
        // once, as the wording's.
        leaveOut(&provision.wording, "wording")
        if provision.heading != nil { leaveOut(&provision.heading!, "heading") }
        leaveOut(&provision.citation, "citation")
        if provision.sourceID != nil { leaveOut(&provision.sourceID!, "source id") }
        leaveOut(&provision.canonicalID, "number")
        if provision.parentID != nil {
            // The parent's id is its canonical id, which its own pass left out the same way.
            provision.parentID = ControlsLeftOut.removing(from: provision.parentID!, field: "number").text
        }
        for index in provision.notes.indices { leaveOut(&provision.notes[index].text, "note") }
        guard !removed.isEmpty else { return provision }
        provision.notes.append(ControlsLeftOut.note(for: removed))
        controlFindings.record(removed, subject: provision.citation, subjectID: provision.canonicalID, file: provision.span.file,
                               lines: provision.span.firstLine...max(provision.span.firstLine, provision.span.lastLine))
        return provision
    }

    /// `instrument` without such characters in its title, official ids, version label and
    /// attribution, noted and recorded as a provision's are. Its notes are ecca's own words about
    /// the file (its name among them, which is no official text and which the writer's notes
    /// print as given), so they are left as they are.
    func leavingOutControls(_ instrument: ImportedInstrument) -> ImportedInstrument {
        let texts = [instrument.title, instrument.versionLabel ?? "", instrument.attribution ?? ""] + instrument.officialIDs.map(\.value)
        guard texts.contains(where: ControlsLeftOut.mayHold) else { return instrument }
        var instrument = instrument
        var removed: [ControlsLeftOut.Removal] = []
        func leaveOut(_ text: inout String, _ field: String) { ControlsLeftOut.leaveOut(of: &text, field: field, into: &removed) }
        leaveOut(&instrument.title, "title")
        for index in instrument.officialIDs.indices { leaveOut(&instrument.officialIDs[index].value, "official id") }
        if instrument.versionLabel != nil { leaveOut(&instrument.versionLabel!, "version label") }
        if instrument.attribution != nil { leaveOut(&instrument.attribution!, "attribution") }
        guard !removed.isEmpty else { return instrument }
        instrument.notes.append(ControlsLeftOut.note(for: removed))
        // Its header: from the line it starts on to the first provision, which is not known yet;
        // the characters are looked for in its first lines.
        let first = instrument.line > 0 ? instrument.line : max(1, rootLine)
        controlFindings.record(removed, subject: "the instrument \(instrument.id)", subjectID: instrument.id,
                               noted: "the instrument", file: instrument.file, lines: 1...(first + 200))
        return instrument
    }

    /// Warns of each place recorded for the instrument that ends, and counts the characters.
    func reportControlsLeftOut() {
        guard !controlFindings.isEmpty else { return }
        let (diagnostics, characters) = controlFindings.drain()
        for diagnostic in diagnostics { report(diagnostic) }
        count(.controlCharactersLeftOut, by: characters)
    }

    /// Whether any written text of `provision` may hold such a character (a few bytes each looked at).
    private static func mayHoldControls(_ provision: ImportedProvision) -> Bool {
        ControlsLeftOut.mayHold(provision.wording) || ControlsLeftOut.mayHold(provision.citation)
            || provision.heading.map(ControlsLeftOut.mayHold) == true || provision.sourceID.map(ControlsLeftOut.mayHold) == true
            || ControlsLeftOut.mayHold(provision.canonicalID) || provision.notes.contains { ControlsLeftOut.mayHold($0.text) }
    }
}

extension CFRSectionLayout {
    /// Whether any text of the section or its paragraphs holds a character a rules file may not
    /// hold: the wording's bytes 32 at a time, then the few strings that are not in it. A
    /// paragraph's address is not looked at: it is made from its marker or defined term, which its
    /// wording holds as read (and an address is what the section reader read there).
    var mayHoldControls: Bool {
        if text.withUnsafeBufferPointer(ControlsLeftOut.mayHold(bytes:)) { return true }
        if ControlsLeftOut.mayHold(header.number) || ControlsLeftOut.mayHold(header.sourceID) { return true }
        if let title = header.title, ControlsLeftOut.mayHold(title) { return true }
        if let heading = header.heading, ControlsLeftOut.mayHold(heading) { return true }
        if header.notes.contains(where: { ControlsLeftOut.mayHold($0.text) }) { return true }
        for index in records.indices {
            if let heading = records[index].heading, ControlsLeftOut.mayHold(heading) { return true }
            if !records[index].notes.isEmpty, records[index].notes.contains(where: { ControlsLeftOut.mayHold($0.text) }) { return true }
        }
        return false
    }
}
