import Foundation

extension ProgressStore {
    /// Removes the temporary files of writers that were killed mid-write
    /// (`.progress-PID.tmp` whose process is gone). A live instance's file is
    /// left alone: it may be renamed into place at any moment.
    static func removeLeftovers(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".progress-") && name.hasSuffix(".tmp") {
            let digits = name.dropFirst(".progress-".count).dropLast(".tmp".count)
            guard let pid = Int32(digits), pid > 0, pid != getpid() else { continue }
            // kill(pid, 0) sends nothing; ESRCH means no such process.
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }
}
