import EccaFormats
import Testing

/// `PathFolder` gives what `NSString.deletingLastPathComponent` gives, without its trap on a
/// one-character path.
@Suite struct PathFolderTests {
    @Test(arguments: [("b", ""), ("-", ""), ("x/", ""), ("ab", ""), ("a/b", "a"), ("a//b", "a"), ("a/b/", "a"),
                      ("/b", "/"), ("/", "/"), ("./b", "."), ("/x/y/z.xml", "/x/y")])
    func folderOfAPath(path: String, folder: String) {
        #expect(PathFolder.of(path) == folder)
    }
}
