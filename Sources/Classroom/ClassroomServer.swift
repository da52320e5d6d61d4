import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import Synchronization

/// The SSH server of `backstep class`: every student who connects gets their
/// own screen of the teacher's lesson (``StudentHandler``).
///
/// Safe by construction: it offers a terminal session and nothing else (no
/// shell, commands, subsystems, port or agent forwarding); at most
/// ``Limits/maxStudents`` connections at once; a connection that has not
/// reached a screen within a few seconds is closed, and so is a screen whose
/// student pressed nothing for ``Limits/idleMinutes``; each one's input is
/// rate-limited and its output bounded.
public final class ClassroomServer: Sendable {
    /// The bounds the server keeps.
    public struct Limits: Sendable {
        public var maxStudents = 200
        /// A screen with no key pressed for this many minutes is closed.
        public var idleMinutes = 120
        var idleTimeout: TimeAmount { .minutes(Int64(idleMinutes)) }
        var idleCheckInterval = TimeAmount.seconds(30)
        /// Time from connecting to a screen (SSH handshake, password, `shell`).
        public var handshakeTimeout = TimeAmount.seconds(30)
        /// Bytes of input a second a student may send (a typist sends a few), and the burst allowed.
        var inputBytesPerSecond = 200.0
        var inputBurst = 400.0

        public init() {}
    }

    private let classroom: Classroom
    private let hostKey: NIOSSHPrivateKey
    private let password: String?
    private let limits: Limits
    private let group: MultiThreadedEventLoopGroup
    private let connections = Atomic<Int>(0)
    private let listener = Mutex<Channel?>(nil)

    /// A server for `classroom`, with `password` (nil: open to anyone who reaches the port).
    /// - Parameter hostKeyPath: where the host key is kept (``HostKeyStore``); made there on first use.
    /// - Throws: ``HostKeyStore/Failure`` when the key cannot be read or made.
    public init(classroom: Classroom, hostKeyPath: String, password: String?, limits: Limits = Limits()) throws {
        self.classroom = classroom
        self.hostKey = try HostKeyStore.load(path: hostKeyPath)
        self.password = password
        self.limits = limits
        group = MultiThreadedEventLoopGroup(numberOfThreads: Swift.max(1, Swift.min(System.coreCount, 4)))
    }

    /// Starts listening on `host`:`port` (0: any free port). Returns the port.
    public func start(host: String, port: Int) throws -> Int {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in self.accept(channel) }
        let channel = try bootstrap.bind(host: host, port: port).wait()
        listener.withLock { $0 = channel }
        return channel.localAddress?.port ?? port
    }

    /// Stops listening and closes every connection.
    public func stop() {
        let channel = listener.withLock { channel in
            defer { channel = nil }
            return channel
        }
        try? channel?.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Connections open now.
    public var connectionCount: Int { connections.load(ordering: .relaxed) }

    private func accept(_ channel: Channel) -> EventLoopFuture<Void> {
        let (before, _) = connections.add(1, ordering: .relaxed)
        channel.closeFuture.whenComplete { [self] _ in _ = connections.subtract(1, ordering: .relaxed) }
        guard before < limits.maxStudents else {
            // Full: close before any SSH work is spent on it.
            return channel.close()
        }
        let connection = ConnectionGuard()
        let bound = NIOLoopBound(connection, eventLoop: channel.eventLoop)
        let classroom = self.classroom
        let limits = self.limits
        channel.eventLoop.scheduleTask(in: limits.handshakeTimeout) {
            if !bound.value.hasSession { channel.close(promise: nil) }
        }
        return channel.eventLoop.makeCompletedFuture {
            let handler = NIOSSHHandler(
                role: .server(
                    .init(hostKeys: [hostKey], userAuthDelegate: StudentPassword(password: password))),
                allocator: channel.allocator,
                inboundChildChannelInitializer: { child, type in
                    guard case .session = type, bound.value.admitChannel() else {
                        // Port forwarding (direct-tcpip) and a second session on one connection are refused.
                        return child.eventLoop.makeFailedFuture(ClassroomError.refusedChannel)
                    }
                    return child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.addHandler(
                            StudentHandler(classroom: classroom, connection: bound.value, limits: limits))
                    }
                })
            try channel.pipeline.syncOperations.addHandler(handler)
            try channel.pipeline.syncOperations.addHandler(CloseOnError())
        }
    }
}

/// Why the server refused something a client asked for.
enum ClassroomError: Error {
    case refusedChannel
}

/// Any error on a connection (garbage instead of SSH, a broken packet, a reset) closes it.
final class CloseOnError: ChannelInboundHandler, Sendable {
    typealias InboundIn = Any

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
