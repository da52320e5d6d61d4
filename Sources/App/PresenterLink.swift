import Foundation
import Player

#if canImport(Glibc)
    import Glibc
#endif

/// The player's end of the link to `backstep present`: a Unix socket in a
/// folder only this user can enter (`$XDG_RUNTIME_DIR/backstep/present.sock`,
/// else `/tmp/backstep-UID/present.sock`; `BACKSTEP_PRESENT_SOCKET` names
/// another), the folder mode 0700 and the socket 0600, and a connecting
/// process must run as the same user. One presenter at a time: a new one
/// replaces the old.
///
/// The protocol is lines of text. The player says `lesson PATH` when a lesson
/// opens and `place STEP FRAME` (from 0) whenever the place changes; the
/// presenter says `key NAME` for a key pressed there (``PresenterKeys``) and
/// `go STEP` (from 1) to jump. Anything else is ignored.
public final class PresenterLink {
    private let listener: LineSocket
    private let path: String
    private var presenter: LineSocket?
    private var lesson: String?
    private var place: FrameRef?

    /// What the presenter asked for.
    public enum Request: Equatable {
        case key(PlayerKey)
        case go(step: Int)
    }

    /// Listens at `path`; nil when another player already listens there or the socket cannot be made.
    public init?(path: String) {
        // A socket file left by a player that died is replaced; a live one is left to its player.
        if LineSocket.connect(to: path) != nil { return nil }
        unlink(path)
        guard let fd = LineSocket.makeSocket() else { return nil }
        let bound = LineSocket.withAddress(path) { bind(fd, $0, $1) }
        guard bound == 0, chmod(path, 0o600) == 0, listen(fd, 4) == 0 else {
            Glibc.close(fd)
            return nil
        }
        listener = LineSocket(fd: fd)
        self.path = path
    }

    deinit { unlink(path) }

    /// Where the player listens and the presenter connects, for this user and environment;
    /// nil when no folder safe for it can be had.
    public static func socketPath(environment: [String: String]) -> String? {
        if let path = environment["BACKSTEP_PRESENT_SOCKET"], !path.isEmpty { return path }
        let base: String
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty {
            base = (runtime as NSString).appendingPathComponent("backstep")
        } else {
            base = "/tmp/backstep-\(getuid())"
        }
        mkdir(base, 0o700)
        // The folder must be ours and closed to others (not a link someone else made in /tmp).
        var info = stat()
        guard lstat(base, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid(),
            info.st_mode & 0o077 == 0
        else { return nil }
        return (base as NSString).appendingPathComponent("present.sock")
    }

    /// Whether a presenter is connected (the player then polls for its keys often).
    public var isConnected: Bool { presenter.map { !$0.isClosed } ?? false }

    /// Takes a new presenter, and the requests of the one connected.
    public func poll() -> [Request] {
        // Every connection waiting is taken, the last one kept: a presenter that
        // reconnects, or another player probing whether this one is alive, is let in
        // or let go at once. A presenter replaced sees its link close and connects again.
        while case let fd = accept(listener.fd, nil, nil), fd >= 0 {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            guard Self.peerIsThisUser(fd) else {
                Glibc.close(fd)
                continue
            }
            let newcomer = LineSocket(fd: fd)
            // The newcomer learns where the lesson is at once.
            if let lesson { newcomer.send("lesson " + lesson) }
            if let place { newcomer.send("place \(place.step) \(place.frame)") }
            presenter = newcomer
        }
        guard let presenter else { return [] }
        let requests = presenter.readLines().compactMap(Self.request)
        if presenter.isClosed { self.presenter = nil }
        return requests
    }

    /// Says which lesson is open (an absolute path).
    public func open(lesson path: String) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        lesson = absolute
        place = nil
        presenter?.send("lesson " + absolute)
    }

    /// Says where the player is, when it changed.
    public func show(_ ref: FrameRef) {
        guard ref != place else { return }
        place = ref
        presenter?.send("place \(ref.step) \(ref.frame)")
    }

    static func request(_ line: String) -> Request? {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "key": return PresenterKeys.key(named: parts[1]).map(Request.key)
        case "go": return Int(parts[1]).flatMap { (1...100_000).contains($0) ? Request.go(step: $0) : nil }
        default: return nil
        }
    }

    /// Whether the process at the other end of `fd` runs as this user (the folder's mode says so too).
    private static func peerIsThisUser(_ fd: Int32) -> Bool {
        // Linux's `struct ucred` (pid, uid, gid), which the C module does not export.
        var credentials: (pid: Int32, uid: UInt32, gid: UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout.size(ofValue: credentials))
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0 else { return false }
        return credentials.uid == getuid()
    }
}

/// The keys the presenter passes on to the player, by the names the link uses:
/// moving through the lesson, revealing, playing, the blank screen. Never `q`
/// or Ctrl-C: the presenter quitting leaves the projected player running.
public enum PresenterKeys {
    static let named: [String: PlayerKey] = [
        "left": .left, "right": .right, "pageup": .pageUp, "pagedown": .pageDown, "home": .home, "end": .end,
        "escape": .escape,
    ]
    /// Characters passed on as they are.
    static let characters = Set("[]vfbaP .Bt+-")

    /// The link's name for `key`, or nil for a key that stays in the presenter.
    public static func name(of key: PlayerKey) -> String? {
        if case .character(let c) = key { return characters.contains(c) ? "char " + String(c) : nil }
        return named.first { $0.value == key }?.key
    }

    static func key(named name: String) -> PlayerKey? {
        if name.hasPrefix("char "), name.count == 6, let c = name.last, characters.contains(c) { return .character(c) }
        return named[name]
    }
}
