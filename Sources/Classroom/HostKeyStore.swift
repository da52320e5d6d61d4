import Crypto
import Foundation
import NIOSSH

/// The server's Ed25519 host key: made on first use and kept, so students'
/// `ssh` sees the same host from one class to the next.
///
/// It lives in `$XDG_STATE_HOME/backstep/class-host-key` (else
/// `~/.local/state/backstep/`), created with mode 0600; a key file that others
/// can read is refused, as OpenSSH refuses one.
public enum HostKeyStore {
    /// Why the key could not be read or kept.
    public enum Failure: Error, CustomStringConvertible {
        case unreadable(path: String)
        case tooOpen(path: String, mode: Int)
        case unwritable(path: String, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let path): return "\(path) is not a backstep host key; remove it to make a new one"
            case .tooOpen(let path, let mode):
                return "\(path) can be read by others (mode \(String(mode, radix: 8))); chmod 600 it"
            case .unwritable(let path, let reason): return "cannot write the host key \(path): \(reason)"
            }
        }
    }

    /// `$XDG_STATE_HOME/backstep/class-host-key`, else `~/.local/state/backstep/class-host-key`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let state: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            state = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            state = (home as NSString).appendingPathComponent(".local/state")
        }
        return (state as NSString).appendingPathComponent("backstep/class-host-key")
    }

    private static let header = "backstep-class-host-key ed25519 "

    /// The key at `path`, made (with its folder) when there is none.
    static func load(path: String) throws(Failure) -> NIOSSHPrivateKey {
        let key = try loadOrCreate(path: path)
        return NIOSSHPrivateKey(ed25519Key: key)
    }

    static func loadOrCreate(path: String) throws(Failure) -> Curve25519.Signing.PrivateKey {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            let mode = ((try? manager.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? 0o600
            guard mode & 0o077 == 0 else { throw .tooOpen(path: path, mode: mode) }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasPrefix(header),
                let raw = Data(
                    base64Encoded: text.dropFirst(header.count).trimmingCharacters(in: .whitespacesAndNewlines)),
                let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
            else { throw .unreadable(path: path) }
            return key
        }
        let key = Curve25519.Signing.PrivateKey()
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try manager.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .unwritable(path: path, reason: "\(error)")
        }
        let text = header + key.rawRepresentation.base64EncodedString() + "\n"
        // O_EXCL with mode 0600: the file never exists with wider permissions, even for a moment.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw .unwritable(path: path, reason: "short write") }
        return key
    }
}
