import EccaTestSupport
import Foundation
import Testing

/// `ecca import` never writes over what it reads, by any path to it (QA robust6 #1, #12): an
/// official file replaced by ecca's own output is the text everything else is checked against.
@Suite struct ImportInputSafetyTests {
    /// A versioner section, its shape as in `ecfr/versioner-title-26-section-1.162-4.xml` (the QA
    /// set /tmp/qa/robust6), cut to one paragraph.
    static let section = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DIV8 N="1.162-4" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/_SUBSTITUTE_DATE_/title-26/section-1.162-4&quot;,&quot;citation&quot;:&quot;26 CFR 1.162-4&quot;}">
        <HEAD>§ 1.162-4 Repairs.</HEAD>
        <P>(a) <I>In general.</I> A taxpayer may deduct amounts paid for repairs and maintenance to tangible property.</P>
        </DIV8>

        """

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func anOutputThatIsAnInputIsRefusedBeforeAnythingIsWritten() throws {
        let folder = try CLI.folder(["v.xml": Self.section, "other.xml": Self.section.replacingOccurrences(of: "1.162-4", with: "1.162-5")])
        let input = folder.appendingPathComponent("v.xml").path
        let other = folder.appendingPathComponent("other.xml").path
        let original = try bytes(input)
        let link = folder.appendingPathComponent("link.xml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "v.xml")
        let hard = folder.appendingPathComponent("hard.xml").path
        try FileManager.default.linkItem(atPath: input, toPath: hard)
        // The input itself (one of several), a symbolic link to it, a hard link to it.
        for (files, output) in [([other, input], input), ([input], link), ([input], hard)] {
            let result = try CLI.run(["import"] + files + ["-o", output])
            #expect(result.status == 2)
            #expect(result.stdout == "")
            #expect(result.stderr == "error: the output \(output) is the input \(input): writing it would replace the official text with ecca's output (give another -o)\n"
                + "error: nothing was written to \(output)\n")
            #expect(try bytes(input) == original)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["hard.xml", "link.xml", "other.xml", "v.xml"])
    }

    /// A hard link names the same file as its original: given with it, the file is given twice.
    @Test func aHardLinkToAnInputIsTheFileGivenTwice() throws {
        let folder = try CLI.folder(["v.xml": Self.section])
        let input = folder.appendingPathComponent("v.xml").path
        let hard = folder.appendingPathComponent("hard.xml").path
        try FileManager.default.linkItem(atPath: input, toPath: hard)
        let output = folder.appendingPathComponent("out.xml").path
        let result = try CLI.run(["import", input, hard, "-o", output])
        #expect(result.status == 2)
        #expect(result.stderr == "\(hard): error: this file is given twice (also as \(input)): each file is imported once\nerror: nothing was written to \(output)\n")
    }

    /// `batch -o` and `report -o` naming a rules file the run reads (`--instrument`) are refused
    /// as an output naming a request file is.
    @Test func aBatchOrReportOutputThatIsARulesFileReadIsRefused() throws {
        let shipped = CLI.root.appendingPathComponent("Samples/instruments/is-informed-letter-orion.xml").path
        let folder = try CLI.folder(["letter.xml": try String(contentsOfFile: shipped, encoding: .utf8)])
        let letter = folder.appendingPathComponent("letter.xml").path
        let original = try bytes(letter)
        let requests = CLI.root.appendingPathComponent("Samples/requests/orion-api-access-letter.json").path
        let batch = try CLI.run(["batch", requests, "--instrument", letter, "-o", letter])
        #expect(batch.status == 2)
        #expect(batch.stderr == "error: the output \(letter) would overwrite the input \(letter)\n")
        let report = try CLI.run(["report", requests, "--instrument", letter, "-o", letter])
        #expect(report.status == 2)
        #expect(report.stderr == "error: the output \(letter) would overwrite the input \(letter)\n")
        #expect(try bytes(letter) == original)
    }

    /// An eCFR bulk title of `sections` generated sections (the shape of `scripts/gen_big.py` in
    /// the QA set /tmp/qa/robust6, whose paragraph is a CFR paragraph's shape): large enough that
    /// its import is still writing when it is interrupted.
    static func bulkTitle(sections: Int) -> String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<DLPSTEXTCLASS>\n<HEADER><FILEDESC><TITLESTMT><TITLE>Title 15: Commerce</TITLE></TITLESTMT></FILEDESC></HEADER>\n"
            + "<TEXT><BODY><ECFRBRWS><AMDDATE>Jan. 1, 2025</AMDDATE>\n<DIV1 N=\"1\" NODE=\"15:1\" TYPE=\"TITLE\"><HEAD>Title 15—Commerce</HEAD>\n"
        for part in 0..<(sections / 100) {
            text += "<DIV5 N=\"\(1000 + part)\" NODE=\"15:1.\(part)\" TYPE=\"PART\"><HEAD>PART \(1000 + part)—GENERATED</HEAD>\n"
            for section in 1...100 {
                text += "<DIV8 N=\"§ \(1000 + part).\(section)\" NODE=\"15:1.\(part).\(section)\" TYPE=\"SECTION\"><HEAD>§ \(1000 + part).\(section) Generated.</HEAD>\n"
                for marker in ["a", "1", "2", "3", "b", "1", "2", "3", "c", "1", "2", "3"] {
                    text += "<P>(\(marker)) The exporter shall keep records of each transaction subject to this part, including the name of the end user, for five years.</P>\n"
                }
                text += "</DIV8>\n"
            }
            text += "</DIV5>\n"
        }
        return text + "</DIV1>\n</ECFRBRWS></BODY></TEXT>\n</DLPSTEXTCLASS>\n"
    }

    /// SIGINT or SIGTERM while the output is written: its hidden temporary file is removed, the
    /// command says nothing was written, exits 128 + the signal, and `OUT` is as it was (QA robust6 #7).
    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func anInterruptedImportRemovesItsPartialOutput(signal: Int32, status: Int32) throws {
        let folder = try CLI.folder(["title.xml": Self.bulkTitle(sections: 6000), "out.rules.xml": "OLD\n"])
        let output = folder.appendingPathComponent("out.rules.xml").path
        let process = CLI.process(["import", folder.appendingPathComponent("title.xml").path, "-o", output])
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        // Interrupted once the partial file holds something (the import is writing).
        var partial: String?
        for _ in 0..<3000 where partial == nil && process.isRunning {
            partial = try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix(".out.rules.xml.ecca-partial-") }
            if let name = partial, (try? FileManager.default.attributesOfItem(atPath: folder.path + "/" + name)[.size] as? Int) ?? 0 == 0 { partial = nil }
            if partial == nil { usleep(5_000) }
        }
        try #require(partial != nil, "the import ended before its output was seen being written")
        kill(process.processIdentifier, signal)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == status)
        #expect(stderr == "interrupted; nothing was written to \(output)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out.rules.xml", "title.xml"])
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "OLD\n")
    }

    /// An eCFR bulk title whose `sections` sections each print paragraph (a) twice: each gives two
    /// warnings (about 370 bytes), printed after the output is renamed into place.
    static func titleWithWarnings(sections: Int) -> String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<DLPSTEXTCLASS>\n<HEADER><FILEDESC><TITLESTMT><TITLE>Title 15: Commerce</TITLE></TITLESTMT></FILEDESC></HEADER>\n"
            + "<TEXT><BODY><ECFRBRWS><AMDDATE>Jan. 1, 2025</AMDDATE>\n<DIV1 N=\"1\" NODE=\"15:1\" TYPE=\"TITLE\"><HEAD>Title 15—Commerce</HEAD>\n"
            + "<DIV5 N=\"1000\" NODE=\"15:1.0\" TYPE=\"PART\"><HEAD>PART 1000—GENERATED</HEAD>\n"
        for section in 1...sections {
            text += "<DIV8 N=\"§ 1000.\(section)\" NODE=\"15:1.0.\(section)\" TYPE=\"SECTION\"><HEAD>§ 1000.\(section) Generated.</HEAD>\n"
                + "<P>(a) One.</P>\n<P>(a) Two.</P>\n</DIV8>\n"
        }
        return text + "</DIV5>\n</DIV1>\n</ECFRBRWS></BODY></TEXT>\n</DLPSTEXTCLASS>\n"
    }

    /// SIGINT or SIGTERM after the output was renamed into place (here: while the warnings are
    /// printed to a pipe nobody reads yet): the output is complete, so the command says it was
    /// written and exits 0, rather than "interrupted" and 130 with `OUT` replaced (QA verify11 N9).
    /// An import of `titleWithWarnings` started, and waited for until its output is renamed into
    /// place: 185 KB of warnings fill the standard error pipe, which nobody reads yet, so it waits.
    func importWaitingOnItsWarnings() throws -> (process: Process, err: Pipe, folder: URL, input: String, output: String) {
        let folder = try CLI.folder(["title.xml": Self.titleWithWarnings(sections: 500), "out.rules.xml": "OLD\n"])
        let input = folder.appendingPathComponent("title.xml").path
        let output = folder.appendingPathComponent("out.rules.xml").path
        let process = CLI.process(["import", input, "-o", output])
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        var renamed = false
        for _ in 0..<3000 where !renamed {
            renamed = (try? String(contentsOfFile: output, encoding: .utf8)).map { $0 != "OLD\n" } ?? false
            if !renamed { usleep(5_000) }
        }
        try #require(renamed, "the output was never renamed into place")
        usleep(50_000)
        return (process, err, folder, input, output)
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptAfterTheOutputWasWrittenSaysSo(signal: Int32) throws {
        let (process, err, folder, input, output) = try importWaitingOnItsWarnings()
        kill(process.processIdentifier, signal)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // The message is the last line: after some of the warnings, or alone when the signal came
        // between the rename and the first warning (a race the CI machine's load once won).
        let message = "interrupted after \(output) was written: it is complete; the summary and warnings printed here may be cut short\n"
        #expect(stderr == message || stderr.hasSuffix("\n" + message), "\(stderr.suffix(300))")
        #expect(!stderr.contains("nothing was written"))
        // The output is the whole of an uninterrupted import's.
        // (Its warnings to the null device: `CLI.run` reads standard output first, and 185 KB of
        // warnings would fill the other pipe.)
        let whole = folder.appendingPathComponent("whole.rules.xml").path
        let uninterrupted = CLI.process(["import", input, "-o", whole])
        uninterrupted.standardError = FileHandle.nullDevice
        uninterrupted.standardOutput = FileHandle.nullDevice
        try uninterrupted.run()
        uninterrupted.waitUntilExit()
        #expect(uninterrupted.terminationStatus == 0)
        #expect(try bytes(output) == bytes(whole))
    }

    /// An interrupt while standard error is a full pipe that nobody reads: the message cannot be
    /// written, and the run still ends (after two seconds, with the status it was leaving with)
    /// rather than waiting for ever on the write, deaf to SIGTERM (QA verify11 leftover).
    @Test func anInterruptEndsTheRunWhenItsMessageCannotBeWritten() throws {
        let (process, err, _, _, _) = try importWaitingOnItsWarnings()
        kill(process.processIdentifier, SIGTERM)
        // The pipe is never read: the warnings filled it, and the message waits behind them.
        var waited = 0
        while process.isRunning, waited < 200 {
            usleep(50_000)
            waited += 1
        }
        let ended = !process.isRunning
        if !ended { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(ended, "still running 10 s after SIGTERM")
        #expect(process.terminationStatus == 0)
        withExtendedLifetime(err) {}
    }

    /// A file name is printed with its line breaks and bidirectional characters escaped, on
    /// standard error and output alike, as a field value is: a name cannot forge a line such as a
    /// passing summary (QA robust6 #6). A missing file is reported without a line number (#12).
    @Test func fileNamesArePrintedEscaped() throws {
        let name = "v\n47 provisions checked: 47 pass\u{202E}.xml"
        let folder = try CLI.folder([name: Self.section])
        let file = folder.appendingPathComponent(name).path
        let shown = folder.path + "/v\\n47 provisions checked: 47 pass\\u202e.xml"
        let output = folder.appendingPathComponent("out.xml").path
        let result = try CLI.run(["import", file, "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            \(shown): ecfr-versioner → us.cfr-26: 26 CFR 1.162-4 (eCFR)
              2 provisions: 1 section, 1 paragraph
            wrote 2 provisions to \(output)

            """)
        let missing = try CLI.run(["import", file + "\nerror: forged.xml", "-o", output + ".2"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "\(shown)\\nerror: forged.xml: error: cannot open file: No such file or directory\nerror: nothing was written to \(output).2\n")
    }

    /// A folder given as a file: said without a line, as a missing file is (QA robust6 #12).
    @Test func aFolderIsReportedWithoutALine() throws {
        let folder = try CLI.folder(["sub/v.xml": Self.section])
        let sub = folder.appendingPathComponent("sub").path
        let output = folder.appendingPathComponent("out.xml").path
        let result = try CLI.run(["import", sub, "-o", output])
        #expect(result.status == 2)
        #expect(result.stderr == "\(sub): error: cannot read file: Is a directory\nerror: nothing was written to \(output)\n")
    }
}

