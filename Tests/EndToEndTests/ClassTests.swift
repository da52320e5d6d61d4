import Foundation
import Testing

/// `backstep class` on a free loopback port, with real OpenSSH clients in tmux panes:
/// students follow, answer, leave; the server refuses what it must.
@Suite(.serialized, .enabled(if: Binary.tmuxAvailable && OpenSSH.ssh != nil, "tmux or ssh is not installed"))
final class ClassTests {
    static let ssh = OpenSSH.ssh
    static let sshpass = OpenSSH.sshpass
    /// No known_hosts, no config, no agent, no keys: a student's fresh laptop.
    static let clientOptions = [
        "-F", "/dev/null", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
        "-o", "LogLevel=ERROR", "-o", "IdentitiesOnly=yes", "-o", "IdentityFile=/dev/null",
        "-o", "ConnectTimeout=10",
    ]

    let state = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-class-\(UUID().uuidString)")
        .path
    var panes: [TmuxSession] = []

    deinit {
        for pane in panes { pane.close() }
        try? FileManager.default.removeItem(atPath: state)
    }

    /// Starts the teacher on port 0 (a free port) and reads the port off the screen's join hint.
    func startTeacher(_ extra: [String] = []) throws -> (TmuxSession, Int) {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let teacher = try TmuxSession(
            [bin, "class", Binary.file("lessons/01-chain-rule.md"), "--port", "0"] + extra, width: 100, height: 30,
            environment: ["XDG_STATE_HOME": state])
        panes.append(teacher)
        let screen = try teacher.waitFor(text: "ssh -p ")
        let row = try #require(screen.first { $0.contains("ssh -p ") })
        let digits = row.components(separatedBy: "ssh -p ")[1].prefix { $0.isNumber }
        return (teacher, try #require(Int(digits)))
    }

    /// A student's `ssh` in its own pane; with `password`, typed by sshpass.
    func startStudent(
        port: Int, width: Int = 80, height: Int = 24, password: String? = nil, locale: String? = nil
    ) throws -> TmuxSession {
        let ssh = try #require(Self.ssh)
        // `SetEnv` sends the locale as a laptop's `SendEnv LANG LC_*` would.
        let sent = locale.map { ["-o", "SetEnv=LANG=\($0)"] } ?? []
        var command = [ssh, "-tt", "-p", "\(port)"] + Self.clientOptions + sent + ["student@127.0.0.1"]
        if let password { command = [try #require(Self.sshpass), "-p", password] + command }
        let pane = try TmuxSession(command, width: width, height: height)
        panes.append(pane)
        return pane
    }

    /// Runs `args` to its end (at most `timeout` seconds); its status and what it printed.
    func runToEnd(_ args: [String], timeout: Double = 20) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: args[0])
        process.arguments = Array(args.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, output)
    }

    @Test func threeStudentsFollowAnswerAndOneLeaves() throws {
        let (teacher, port) = try startTeacher()
        let students = [
            try startStudent(port: port), try startStudent(port: port, width: 64, height: 20),
            try startStudent(port: port, width: 120, height: 40),
        ]
        for student in students {
            try student.waitFor(text: "following the teacher")
            try student.waitFor(text: "step 1/")
        }
        try teacher.waitFor(text: "3 students")
        // The teacher jumps to step 4, a question; every student follows.
        try teacher.type("4")
        try teacher.sendKeys("Enter")
        try teacher.waitFor(text: "0 of 3 answered")
        for student in students { try student.waitFor(text: "step 4/") }
        // Two answer right (1), one wrong (2); the teacher sees the count.
        for (student, answer) in zip(students, ["1", "2", "1"]) {
            try student.type(answer)
            try student.sendKeys("Enter")
        }
        try teacher.waitFor(text: "3 of 3 answered")
        // Each student sees their own result: the wrong one does not see the answer yet.
        let wrong = try students[1].capture().joined(separator: "\n")
        #expect(!wrong.contains("✓"), "\(wrong)")
        // The teacher reveals: a histogram with the right answer marked.
        try teacher.sendKeys("v")
        let revealed = try teacher.waitFor(text: "1 ████████████ 2 ✓")
        #expect(revealed.contains { $0.contains("2 ██████ 1") }, "\(revealed.joined(separator: "\n"))")
        // One student's ssh is killed mid-lesson; the others go on with the teacher.
        try students[2].kill(signal: SIGKILL)
        try teacher.waitFor(text: "2 students")
        try teacher.sendKeys("]")
        for student in students.prefix(2) { try student.waitFor(text: "step 5/") }
        // `f` frees a student; `F` follows again.
        try students[0].type("f")
        try students[0].waitFor(text: "on your own")
        try teacher.sendKeys("]")
        try students[1].waitFor(text: "step 6/")
        try students[0].waitFor(text: "teacher: step 6")
        #expect(try students[0].capture().contains { $0.contains("step 5/") })
        try students[0].type("F")
        try students[0].waitFor(text: "step 6/")
        // A tiny and then a large window: redrawn at each size, the class goes on.
        try students[1].resize(width: 12, height: 4)
        try students[1].waitUntil("a 12-column screen") { rows in rows.contains { !$0.isEmpty } }
        try students[1].resize(width: 200, height: 60)
        try students[1].waitFor(text: "following the teacher")
        // A student quits with q: their ssh ends cleanly.
        try students[1].type("q")
        #expect(try students[1].waitForExit() == 0)
        try teacher.waitFor(text: "1 student ")
        // The teacher quits: the server stops and the last student's ssh ends.
        try teacher.type("q")
        #expect(try teacher.waitForExit() == 0)
        _ = try students[0].waitForExit()
    }

    @Test func aKoreanStudentReadsKoreanAndPredictsAlone() throws {
        let (teacher, port) = try startTeacher()
        let kim = try startStudent(port: port, width: 100, height: 30, locale: "ko_KR.UTF-8")
        let ann = try startStudent(port: port, width: 100, height: 30, locale: "en_US.UTF-8")
        // The Korean translation (lessons/ko) is played for kim; ann reads the teacher's English.
        try kim.waitFor(text: "선생님을 따라가는 중")
        try kim.waitFor(text: "단계 1/11")
        try ann.waitFor(text: "following the teacher")
        try teacher.waitFor(text: "2 students")
        // Step 5 predicts its backward: its second frame asks for two gradients (−4, −4).
        try teacher.type("5")
        try teacher.sendKeys("Enter")
        try teacher.sendKeys("Right")
        try kim.waitFor(text: "단계 5/11 · 장면 2/")
        try ann.waitFor(text: "step 5/11 · frame 2/")
        try kim.type("-4")
        try kim.sendKeys("Enter")
        try kim.waitFor(text: "1/1 정답")
        // Ann's prediction is her own: still open, and the teacher's screen is untouched.
        #expect(!(try ann.capture().contains { $0.contains("right") && $0.contains("1/1") }))
        try ann.type("T")
        try ann.waitFor(text: "선생님을 따라가는 중")
        try ann.type("T")
        try ann.waitFor(text: "following the teacher")
        // The teacher reveals both numbers: ann's class line counts them, not as right.
        try teacher.sendKeys("v", "v")
        try ann.waitFor(text: "0/2 right")
        try kim.waitFor(text: "1/2 정답")
    }

    @Test func aStalledClientHoldsNobodyUpAndCatchesUp() throws {
        let (teacher, port) = try startTeacher()
        let stalled = try startStudent(port: port, width: 200, height: 60)
        let steady = try startStudent(port: port)
        try stalled.waitFor(text: "following the teacher")
        try steady.waitFor(text: "following the teacher")
        // The big screen's ssh stops reading (SIGSTOP); the teacher steps 40 times.
        let ssh = try stalled.pid
        #expect(kill(ssh, SIGSTOP) == 0)
        for i in 0..<40 {
            try teacher.sendKeys(i % 2 == 0 ? "]" : "[")
            try steady.waitFor(text: i % 2 == 0 ? "step 2/" : "step 1/", timeout: 10)
        }
        try teacher.sendKeys("]", "]", "]")
        try steady.waitFor(text: "step 4/")
        try teacher.waitFor(text: "2 students")
        // Woken, it shows the latest screen, not a backlog of old ones.
        #expect(kill(ssh, SIGCONT) == 0)
        try stalled.waitFor(text: "step 4/")
        // Killed while the teacher moves (a screen may be on its way): the others go on.
        try teacher.sendKeys("]")
        try stalled.kill(signal: SIGKILL)
        try teacher.sendKeys("]")
        try steady.waitFor(text: "step 6/")
        try teacher.waitFor(text: "1 student ")
    }

    @Test func passwordIsRequiredAndWrongOnesAreRefused() throws {
        let (teacher, port) = try startTeacher(["--password", "chain-rule"])
        let ssh = try #require(Self.ssh)
        // No password to give (BatchMode): refused.
        let batch = try runToEnd(
            [ssh, "-p", "\(port)"] + Self.clientOptions + ["-o", "BatchMode=yes", "student@127.0.0.1"])
        #expect(batch.status == 255)
        #expect(batch.output.contains("Permission denied"), "\(batch.output)")
        if let sshpass = Self.sshpass {
            let wrong = try runToEnd(
                [sshpass, "-p", "chain-rul", ssh, "-tt", "-p", "\(port)"] + Self.clientOptions + [
                    "-o", "NumberOfPasswordPrompts=1", "student@127.0.0.1",
                ])
            #expect(wrong.status != 0)
            #expect(!wrong.output.contains("following the teacher"))
            let student = try startStudent(port: port, password: "chain-rule")
            try student.waitFor(text: "following the teacher")
            try teacher.waitFor(text: "1 student ")
        }
    }

    @Test func commandsForwardingAndHostileClientsAreRefused() throws {
        let (teacher, port) = try startTeacher()
        let ssh = try #require(Self.ssh)
        let base = [ssh, "-p", "\(port)"] + Self.clientOptions
        // A command (exec), a subsystem (sftp), a terminal-less session, stdio forwarding (direct-tcpip).
        let exec = try runToEnd(base + ["student@127.0.0.1", "cat /etc/passwd"])
        #expect(exec.status == 255)
        #expect(!exec.output.contains("root:"), "\(exec.output)")
        let subsystem = try runToEnd(base + ["-s", "student@127.0.0.1", "sftp"])
        #expect(subsystem.status == 255)
        let noTerminal = try runToEnd(base + ["-T", "student@127.0.0.1"])
        #expect(noTerminal.status == 255)
        #expect(noTerminal.output.contains("shell request failed"), "\(noTerminal.output)")
        let forward = try runToEnd(base + ["-W", "127.0.0.1:\(port)", "student@127.0.0.1"])
        #expect(forward.status == 255)
        // Remote forwarding (tcpip-forward) and agent forwarding asked for: refused, so ssh gives up.
        let remote = try runToEnd(
            base + [
                "-N", "-A", "-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:0:127.0.0.1:22", "student@127.0.0.1",
            ])
        #expect(remote.status == 255, "\(remote.output)")
        // Garbage instead of SSH, and a client that leaves mid-handshake: the connection is closed.
        for payload in [Array(repeating: UInt8(0xAB), count: 70_000), Array("SSH-2.0-half\r\n".utf8)] {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            #expect(connected == 0)
            _ = payload.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            close(fd)
        }
        // The class still works: a student joins and follows.
        let student = try startStudent(port: port)
        try student.waitFor(text: "following the teacher")
        try teacher.sendKeys("]")
        try student.waitFor(text: "step 2/")
        try teacher.waitFor(text: "1 student ")
    }

    @Test func fullClassTurnsTheNextOneAway() throws {
        let (teacher, port) = try startTeacher(["--max-students", "1"])
        let first = try startStudent(port: port)
        try first.waitFor(text: "following the teacher")
        let ssh = try #require(Self.ssh)
        let second = try runToEnd([ssh, "-tt", "-p", "\(port)"] + Self.clientOptions + ["student@127.0.0.1"])
        #expect(second.status == 255, "\(second.output)")
        try teacher.waitFor(text: "1 student ")
    }
}

/// The OpenSSH client (and sshpass, which types a password into it), when installed.
enum OpenSSH {
    static let ssh = ["/usr/bin/ssh", "/usr/local/bin/ssh"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let sshpass = ["/usr/bin/sshpass", "/usr/local/bin/sshpass"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
}
