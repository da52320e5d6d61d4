/// What one TCP connection has done so far, shared by its SSH channels (all on
/// its event loop): whether it reached a student's screen (a connection that
/// does not within ``ClassroomServer/Limits/handshakeTimeout`` is closed) and
/// whether it already has one (one screen per connection).
final class ConnectionGuard {
    private(set) var hasSession = false
    private(set) var channels = 0

    func sessionStarted() { hasSession = true }

    /// Whether another SSH channel may open: only the first session channel does.
    func admitChannel() -> Bool {
        channels += 1
        return channels == 1
    }
}
