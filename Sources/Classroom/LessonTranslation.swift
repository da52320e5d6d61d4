import Foundation

/// Where a lesson's version in the other language lives: the bundled Korean
/// lessons are `lessons/ko/NAME` beside `lessons/NAME`, so an English lesson's
/// translation is its folder's `ko/NAME`, and a lesson in a `ko` folder has its
/// English one in the folder above.
public enum LessonTranslation {
    /// The translation of the lesson at `path`, when such a file exists.
    public static func path(of path: String) -> String? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        let other =
            folder.lastPathComponent == "ko"
            ? folder.deletingLastPathComponent().appendingPathComponent(name)
            : folder.appendingPathComponent("ko").appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: other.path) ? other.path : nil
    }
}
