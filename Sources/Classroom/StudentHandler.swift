import Foundation
import NIOCore
import NIOSSH
import Rendering

/// The SSH side of one student: answers the channel's requests, feeds their
/// keys to their ``StudentSession`` and writes its screens back.
///
/// It runs on the connection's event loop. Only a terminal session is
/// offered: `pty-req`, `window-change`, `env` (the locale) and `shell` are
/// answered; `exec` and `subsystem` are refused and close the channel; what
/// NIO SSH does not know (X11, agent forwarding) it refuses itself.
///
/// Output is bounded: at most ``maxInFlight`` bytes are written and not yet
/// sent; while a client is behind, screens are not queued but the next one is
/// drawn from the latest state once it catches up, so a slow or vanished
/// client holds nobody up and costs a bounded amount of memory.
final class StudentHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    static let maxInFlight = 64 * 1024

    private let classroom: Classroom
    private let connection: ConnectionGuard
    private let limits: ClassroomServer.Limits
    private var size: WindowSize?
    private var term = ""
    /// The locale the client sent (`env` requests: LANG, LC_ALL, LC_CTYPE, LC_MESSAGES).
    private var locale: [String: String] = [:]
    private var session: StudentSession?
    private var context: ChannelHandlerContext?
    private var inFlight = 0
    private var renderScheduled = false
    private var needsScreen = false
    private var limiter: RateLimiter
    private var lastInput = NIODeadline.now()
    private var idleCheck: Scheduled<Void>?
    private var tick: Scheduled<Void>?
    private var closing = false

    init(classroom: Classroom, connection: ConnectionGuard, limits: ClassroomServer.Limits) {
        self.classroom = classroom
        self.connection = connection
        self.limits = limits
        limiter = RateLimiter(
            rate: limits.inputBytesPerSecond, burst: limits.inputBurst, now: DispatchTime.now().uptimeNanoseconds)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        leave()
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        leave()
        context.fireChannelInactive()
    }

    private func leave() {
        idleCheck?.cancel()
        tick?.cancel()
        idleCheck = nil
        tick = nil
        if let session {
            classroom.leave(session.id)
            self.session = nil
        }
    }

    // MARK: - Requests

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            size = WindowSize(width: request.terminalCharacterWidth, height: request.terminalRowHeight)
            term = String(request.term.prefix(64))
            reply(request.wantReply, true, context)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            let newSize = WindowSize(width: request.terminalCharacterWidth, height: request.terminalRowHeight)
            size = newSize
            session?.resize(newSize)
            scheduleScreen()
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            let known = ClientLocale.names.contains(request.name)
            if known { locale[request.name] = String(request.value.prefix(64)) }
            reply(request.wantReply, known, context)
        case let request as SSHChannelRequestEvent.ShellRequest:
            startSession(wantReply: request.wantReply, context)
        case let request as SSHChannelRequestEvent.ExecRequest:
            refuse(request.wantReply, "backstep class runs no commands; connect with plain `ssh -p PORT HOST`", context)
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            refuse(request.wantReply, "backstep class offers no subsystems (no sftp, no scp)", context)
        case is SSHChannelRequestEvent.LocalFlowControlRequest, is SSHChannelRequestEvent.SignalRequest:
            break
        case is ChannelSuccessEvent, is ChannelFailureEvent:
            break
        case let event as ChannelEvent where event == .inputClosed:
            closeChannel(context)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func reply(_ wanted: Bool, _ ok: Bool, _ context: ChannelHandlerContext) {
        guard wanted else { return }
        let event: Any = ok ? ChannelSuccessEvent() : ChannelFailureEvent()
        context.triggerUserOutboundEvent(event, promise: nil)
    }

    private func refuse(_ wanted: Bool, _ message: String, _ context: ChannelHandlerContext) {
        // The reason first: a client may end as soon as it reads the refusal.
        write(Array((message + "\r\n").utf8), context, stream: .stdErr)
        reply(wanted, false, context)
        closeChannel(context)
    }

    private func startSession(wantReply: Bool, _ context: ChannelHandlerContext) {
        guard session == nil, let size else {
            // No terminal: there is nothing to draw on (ssh -T, or a script).
            refuse(wantReply, "backstep class needs a terminal: connect with `ssh -t -p PORT HOST`", context)
            return
        }
        reply(wantReply, true, context)
        connection.sessionStarted()
        let loop = context.eventLoop
        let bound = NIOLoopBound(self, eventLoop: loop)
        let id = classroom.join { loop.execute { bound.value.teacherMoved() } }
        let colors: ColorMode = term.contains("256") || term.contains("direct") ? .ansi256 : .ansi16
        let client = ClientLocale(locale)
        session = StudentSession(
            id: id, classroom: classroom, size: size, colors: colors, glyphs: client.isUTF8 ? .unicode : .ascii,
            language: client.language)
        write(StreamBackend.enter, context)
        scheduleScreen()
        lastInput = .now()
        scheduleIdleCheck(context)
    }

    private func teacherMoved() {
        guard session != nil else { return }
        session?.teacherMoved()
        updateTicking()
        scheduleScreen()
    }

    // MARK: - Input

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .channel = message.type, case .byteBuffer(var bytes) = message.data, session != nil else { return }
        lastInput = .now()
        let allowed = limiter.take(bytes.readableBytes, now: DispatchTime.now().uptimeNanoseconds)
        guard allowed > 0, let taken = bytes.readBytes(length: allowed) else { return }
        if session?.receive(taken) == true {
            closeChannel(context)
            return
        }
        updateTicking()
        scheduleScreen()
    }

    private func updateTicking() {
        guard let context, let interval = session?.tickInterval else {
            tick?.cancel()
            tick = nil
            return
        }
        guard tick == nil else { return }
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        tick = context.eventLoop.scheduleTask(in: .milliseconds(Int64(Swift.max(interval, 20)))) {
            let handler = bound.value
            handler.tick = nil
            handler.session?.tick()
            handler.updateTicking()
            handler.scheduleScreen()
        }
    }

    private func scheduleIdleCheck(_ context: ChannelHandlerContext) {
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        idleCheck = context.eventLoop.scheduleTask(in: limits.idleCheckInterval) {
            let handler = bound.value
            guard let context = handler.context else { return }
            if NIODeadline.now() - handler.lastInput > handler.limits.idleTimeout {
                handler.write(Array("\r\nClosed: no key pressed for a long time.\r\n".utf8), context, stream: .stdErr)
                handler.closeChannel(context)
            } else {
                handler.scheduleIdleCheck(context)
            }
        }
    }

    // MARK: - Output

    /// Draws the screen once this turn of the event loop is over, however many changes asked for it.
    private func scheduleScreen() {
        needsScreen = true
        guard !renderScheduled, let context else { return }
        renderScheduled = true
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            bound.value.renderScheduled = false
            bound.value.sendScreen()
        }
    }

    private func sendScreen() {
        guard needsScreen, !closing, let context, session != nil else { return }
        // Behind: keep only "a screen is due"; the latest one is drawn when the client catches up.
        guard inFlight < Self.maxInFlight, context.channel.isWritable else { return }
        needsScreen = false
        guard let bytes = session?.screen(), !bytes.isEmpty else { return }
        write(bytes, context)
    }

    private func write(_ bytes: [UInt8], _ context: ChannelHandlerContext, stream: SSHChannelData.DataType = .channel) {
        var buffer = context.channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        inFlight += bytes.count
        let promise = context.eventLoop.makePromise(of: Void.self)
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let count = bytes.count
        promise.futureResult.whenComplete { _ in
            let handler = bound.value
            handler.inFlight -= count
            if handler.needsScreen { handler.scheduleScreen() }
        }
        context.writeAndFlush(
            wrapOutboundOut(SSHChannelData(type: stream, data: .byteBuffer(buffer))), promise: promise)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable, needsScreen { scheduleScreen() }
        context.fireChannelWritabilityChanged()
    }

    private func closeChannel(_ context: ChannelHandlerContext) {
        guard !closing else { return }
        closing = true
        if session != nil { write(StreamBackend.leave, context) }
        leave()
        let channel = context.channel
        context.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 0)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        closeChannel(context)
    }
}
