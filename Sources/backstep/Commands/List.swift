import ArgumentParser
import Lessons

/// `backstep list [DIR]`: the lessons in a directory, in order.
struct List: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: said.list, discussion: said.listDiscussion)
    }

    @Argument(help: ArgumentHelp(said.lessonDirectory))
    var directory: String = "lessons"

    func run() throws {
        let files = FileCollection([directory], recursive: false)
        if !files.missing.isEmpty {
            printError(said.noSuchPath(directory))
            throw ExitCode(1)
        }
        let entries = files.files.filter { $0.hasSuffix(".md") }.map { path -> (path: String, summary: LessonSummary) in
            (path, LessonSummary(path: path))
        }
        let sorted = entries.sorted { a, b in
            switch (a.summary.order, b.summary.order) {
            case (let x?, let y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.path < b.path
            }
        }
        if sorted.isEmpty {
            print(said.noLessons(in: directory))
            return
        }
        for (path, summary) in sorted {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            var head = "\(name)  \(summary.title)"
            if let minutes = summary.minutes { head += " · " + said.minutes(minutes) }
            if summary.hasErrors { head += "  " + said.hasErrors(path) }
            print(head)
            if let text = summary.summary { print("    \(text)") }
        }
    }
}
