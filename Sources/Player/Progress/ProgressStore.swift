import Foundation

/// Where each lesson was left: remembered between runs so reopening a lesson can
/// offer to resume, and the picker can show how far a student got.
///
/// Kept as one small JSON file under `$XDG_STATE_HOME/backstep/` (falling back to
/// `~/.local/state/backstep/`). Written atomically (a temporary file, then a
/// rename), so a kill mid-write leaves the old file; a file that does not parse
/// is set aside and noted, never fatal.
public struct ProgressStore: Sendable {
    /// One lesson's place.
    public struct Entry: Codable, Equatable, Sendable {
        public var step: Int
        public var frame: Int
        public var stepCount: Int
        public var updated: Date
        /// Whether the student reached the closing screen once; reviewing an earlier step keeps it.
        public var done: Bool?
        /// Predictions and answers right at the first try in the latest session that answered any.
        public var score: Score?
        public init(
            step: Int, frame: Int, stepCount: Int, updated: Date = Date(), done: Bool? = nil, score: Score? = nil
        ) {
            self.step = step
            self.frame = frame
            self.stepCount = stepCount
            self.updated = updated
            self.done = done
            self.score = score
        }
        /// Fraction of the lesson's steps reached, 0…1 (1 once done).
        public var fraction: Double {
            if done == true { return 1 }
            return stepCount <= 1 ? (step > 0 ? 1 : 0) : Double(Swift.min(step + 1, stepCount)) / Double(stepCount)
        }
    }

    /// The progress file.
    public let file: URL
    /// Set when the file existed but could not be read; shown once to the user.
    public private(set) var note: String?
    private var entries: [String: Entry] = [:]

    /// The default location from the environment.
    public static func defaultFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base: URL
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = URL(fileURLWithPath: state)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home).appendingPathComponent(".local/state")
        }
        return base.appendingPathComponent("backstep").appendingPathComponent("progress.json")
    }

    /// Reads the file, if any. A corrupt file is renamed to `progress.json.corrupt` and noted.
    public init(file: URL = ProgressStore.defaultFile()) {
        self.file = file
        Self.removeLeftovers(in: file.deletingLastPathComponent())
        guard let data = try? Data(contentsOf: file) else { return }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        if let decoded = try? decoder.decode([String: Entry].self, from: data) {
            entries = decoded
        } else {
            let aside = file.appendingPathExtension("corrupt")
            try? FileManager.default.removeItem(at: aside)
            try? FileManager.default.moveItem(at: file, to: aside)
            note =
                "progress file \(file.path) could not be read; starting afresh (old copy kept as \(aside.lastPathComponent))"
        }
    }

    /// The place recorded for the lesson at `path`.
    public func entry(for path: String) -> Entry? { entries[Self.key(path)] }

    /// Records a place and writes the file. Failing to write is returned, not thrown:
    /// losing progress must never stop a lesson.
    @discardableResult
    public mutating func record(_ entry: Entry, for path: String) -> Bool {
        entries[Self.key(path)] = entry
        return save()
    }

    /// Records a place, keeping what the lesson's entry already knew: done stays done,
    /// and a session that answered nothing keeps the last score.
    @discardableResult
    public mutating func update(
        _ path: String, step: Int, frame: Int, stepCount: Int, done: Bool = false, score: Score? = nil
    ) -> Bool {
        let old = entry(for: path)
        let kept = score.flatMap { $0.asked > 0 ? $0 : nil } ?? old?.score
        return record(
            Entry(
                step: step, frame: frame, stepCount: stepCount, done: (done || old?.done == true) ? true : nil,
                score: kept), for: path)
    }

    private func save() -> Bool {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(entries) else { return false }
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".progress-\(getpid()).tmp")
            try data.write(to: temporary)
            // rename(2) replaces the old file in one step.
            guard rename(temporary.path, file.path) == 0 else {
                try? FileManager.default.removeItem(at: temporary)
                return false
            }
            return true
        } catch {
            return false
        }
    }

    /// Lessons are keyed by their absolute, standardised path.
    static func key(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
