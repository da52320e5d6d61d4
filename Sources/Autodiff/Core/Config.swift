#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Switches that change how functions are recorded, like DeZero's `Config`.
///
/// The switch is per thread, so tests and programs that run graphs on several
/// threads do not see each other's no-grad scopes.
public enum Config {
    /// Whether functions called on this thread record themselves in the graph.
    public static var enableBackprop: Bool {
        pthread_getspecific(disabledKey) == nil
    }

    /// Runs `body` without recording a graph: outputs have no creator, nothing is kept for backward.
    public static func withNoGrad<T>(_ body: () throws -> T) rethrows -> T {
        try with(backprop: false, body)
    }

    /// Runs `body` with recording on or off, restoring the previous setting afterwards.
    public static func with<T>(backprop: Bool, _ body: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(disabledKey)
        pthread_setspecific(disabledKey, backprop ? nil : UnsafeRawPointer(bitPattern: 1))
        defer { pthread_setspecific(disabledKey, previous) }
        return try body()
    }
}

private let disabledKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
}()
