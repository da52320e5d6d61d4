import NIOCore
import NIOSSH

/// Who may join: anyone (the room's network is the fence), or whoever types
/// the teacher's password. Public keys are never asked for: students have no
/// account here.
final class StudentPassword: NIOSSHServerUserAuthenticationDelegate, Sendable {
    private let password: [UInt8]?
    /// How long a wrong password waits before it is refused, so guessing is slow.
    static let refusalDelay = TimeAmount.milliseconds(800)

    init(password: String?) { self.password = password.map { Array($0.utf8) } }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .password }

    func requestReceived(
        request: NIOSSHUserAuthenticationRequest,
        responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        guard let password else {
            // Open class: the client's first ("none") request gets in, without a prompt.
            responsePromise.succeed(.success)
            return
        }
        switch request.request {
        case .password(let offer) where Self.equal(Array(offer.password.utf8), password):
            responsePromise.succeed(.success)
        case .password:
            responsePromise.futureResult.eventLoop.scheduleTask(in: Self.refusalDelay) {
                responsePromise.succeed(.failure)
            }
        default:
            // "none" (the client asking what is possible) and any other method: say "password".
            responsePromise.succeed(.failure)
        }
    }

    /// Compares in time that depends on the lengths only, never on where the bytes first differ.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        let count = Swift.max(a.count, b.count)
        for i in 0..<count {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}
