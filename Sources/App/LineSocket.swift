import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One end of a Unix stream socket that carries short text lines, never
/// blocking: the player and the presenter each poll theirs between keys, so a
/// slow or vanished peer never stalls a screen. A line longer than
/// ``maxLine`` bytes, or a peer that sends more than ``maxInbox`` without a
/// newline, ends the connection.
final class LineSocket {
    static let maxLine = 4096
    static let maxInbox = 65536

    let fd: Int32
    private var inbox: [UInt8] = []
    /// Whether the peer has gone (or broke the protocol); the owner drops the socket.
    private(set) var isClosed = false

    /// Takes over `fd` (closed when this is released) and makes it non-blocking.
    init(fd: Int32) {
        self.fd = fd
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    }

    deinit { Glibc.close(fd) }

    /// The complete lines that arrived since the last call.
    func readLines() -> [String] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !isClosed {
            let n = read(fd, &buffer, buffer.count)
            if n > 0 {
                inbox += buffer[0..<n]
                if inbox.count > Self.maxInbox { isClosed = true }
                continue
            }
            if n < 0, errno == EINTR { continue }
            if n < 0, errno == EAGAIN || errno == EWOULDBLOCK { break }
            isClosed = true
        }
        var lines: [String] = []
        while let newline = inbox.firstIndex(of: 10) {
            let line = inbox[..<newline]
            inbox.removeSubrange(...newline)
            guard line.count <= Self.maxLine else {
                isClosed = true
                break
            }
            lines.append(String(decoding: line, as: UTF8.self))
        }
        return lines
    }

    /// Sends `line` and a newline. A peer too slow to take it loses the line
    /// (the next place update replaces it); a peer that has gone closes this end.
    func send(_ line: String) {
        guard !isClosed else { return }
        let bytes = Array((line + "\n").utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress.map { $0 + sent }, bytes.count - sent, Int32(MSG_NOSIGNAL))
            }
            if n > 0 {
                sent += n
                continue
            }
            if n < 0, errno == EINTR { continue }
            if n < 0, errno == EAGAIN || errno == EWOULDBLOCK { return }
            isClosed = true
            return
        }
    }

    // MARK: - Addresses

    /// Calls `body` with `path` as a Unix socket address; nil when the path is too long for one.
    static func withAddress<T>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !bytes.isEmpty, bytes.count < capacity else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }

    /// A new stream socket, or nil.
    static func makeSocket() -> Int32? {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        return fd >= 0 ? fd : nil
    }

    /// A connection to the socket at `path`, or nil when nothing listens there.
    static func connect(to path: String) -> LineSocket? {
        guard let fd = makeSocket() else { return nil }
        let result = withAddress(path) { Glibc.connect(fd, $0, $1) }
        guard result == 0 else {
            Glibc.close(fd)
            return nil
        }
        return LineSocket(fd: fd)
    }
}
