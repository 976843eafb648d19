@testable import EccaXML
import Foundation
import Testing

/// UTF-32 (importer audit D6): with a byte-order mark libxml2 said "Document is empty" of a 7.8 KB
/// file; without one it took little-endian for UTF-16 and read big-endian. ecca reads UTF-8 only,
/// and says so of UTF-32 in the words it uses for UTF-16.
@Suite struct XMLUTF32Tests {
    static let text = "<?xml version=\"1.0\" encoding=\"UTF-32\"?>\n<DIV8 N=\"1.162-4\" TYPE=\"SECTION\"><HEAD>§ 1.162-4 Repairs.</HEAD></DIV8>\n"

    static func utf32(_ text: String, bigEndian: Bool, byteOrderMark: Bool) -> [UInt8] {
        let scalars = (byteOrderMark ? [0xFEFF] : []) + text.unicodeScalars.map { Int($0.value) }
        return scalars.flatMap { value -> [UInt8] in
            let bytes = [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
            return bigEndian ? bytes : bytes.reversed()
        }
    }

    @Test(arguments: Reader.allCases) func utf32IsRefusedWithOrWithoutAByteOrderMark(reader: Reader) throws {
        for bigEndian in [false, true] {
            for byteOrderMark in [true, false] {
                let error = try #require(reader.error(Self.utf32(Self.text, bigEndian: bigEndian, byteOrderMark: byteOrderMark)))
                #expect(error.kind == .forbidden)
                #expect(error.description == "test.xml:1:1: error: the file is UTF-32 (\(bigEndian ? "big" : "little")-endian, \(byteOrderMark ? "with" : "without") a byte-order mark); "
                    + "ecca reads UTF-8 only (convert it, e.g. with iconv -f UTF-32\(byteOrderMark ? "" : bigEndian ? "BE" : "LE") -t UTF-8, and declare encoding=\"UTF-8\")")
            }
        }
    }
}
