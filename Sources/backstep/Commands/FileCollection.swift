import Foundation

/// The lesson and graph files named on the command line: files as given,
/// directories searched (recursively, hidden entries skipped) for `.md` and `.graph`.
struct FileCollection {
    private(set) var files: [String] = []
    /// Paths that do not exist.
    private(set) var missing: [String] = []

    init(_ paths: [String], recursive: Bool = true) {
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(path)
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            files += FileCollection.lessonFiles(in: path, recursive: recursive)
        }
        // `check lessons lessons/ko` names the Korean files twice; check each once.
        var seen = Set<String>()
        files = files.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    static func lessonFiles(in directory: String, recursive: Bool) -> [String] {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: directory) else { return [] }
        var found: [String] = []
        var subdirectories: [String] = []
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                subdirectories.append(path)
            } else if entry.hasSuffix(".md") || entry.hasSuffix(".graph") {
                found.append(path)
            }
        }
        if recursive {
            for sub in subdirectories { found += lessonFiles(in: sub, recursive: true) }
        }
        return found
    }
}
