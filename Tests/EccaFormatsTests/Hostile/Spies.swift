import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP listener on the loopback interface that an attack document points at
/// (`http://127.0.0.1:PORT/evil.dtd`): a reader that tried to fetch it would connect, and the
/// connection would wait in the listener's queue. Nothing outside this machine is ever addressed.
final class LoopbackListener {
    let port: UInt16
    private let socketDescriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SpyError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 8) == 0 else {
            close(descriptor)
            throw SpyError("bind/listen: \(String(cString: strerror(errno)))") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        socketDescriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(socketDescriptor) }

    var url: String { "http://127.0.0.1:\(port)/evil.dtd" }

    /// Whether anything connected since the listener opened.
    var wasContacted: Bool {
        let client = accept(socketDescriptor, nil, nil)
        if client >= 0 {
            close(client)
            return true
        }
        return false
    }
}

/// Watches one file with inotify and tells whether anything opened it: the proof that a reader
/// never touched a file that a hostile document names.
final class FileOpenWatch {
    private let descriptor: Int32

    init(_ path: String) throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK))
        guard descriptor >= 0 else { throw SpyError("inotify_init1: \(String(cString: strerror(errno)))") }
        guard inotify_add_watch(descriptor, path, UInt32(IN_OPEN | IN_ACCESS)) >= 0 else {
            throw SpyError("inotify_add_watch: \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(descriptor) }

    var wasOpened: Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        return read(descriptor, &buffer, buffer.count) > 0
    }
}

struct SpyError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
