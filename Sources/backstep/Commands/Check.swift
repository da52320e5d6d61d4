import ArgumentParser
import Foundation
import Lessons
import Rendering

/// `backstep check FILE|DIR…`: every error in every file.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check lessons and graph programs for errors before class.",
        discussion: """
            Parses every file, builds every graph and checks every directive against it \
            (training is not run). Prints each error with its line and a caret, then a summary. \
            Exits with status 1 when any file has an error.
            """)

    @Argument(help: "Lesson files (.md), graph programs (.graph), or directories to search.")
    var paths: [String]

    @Option(
        help:
            "How the terminal draws ambiguous-width characters (σ, ·), for the carets: narrow or wide (default: BACKSTEP_AMBIGUOUS, else narrow)."
    )
    var ambiguous: AmbiguousWidth?

    func validate() throws {
        guard !paths.isEmpty else {
            throw ValidationError("name at least one file or directory, like: backstep check lessons")
        }
    }

    func run() throws {
        let collection = FileCollection(paths)
        var errors = 0
        var filesWithErrors = 0
        for path in collection.missing {
            printError("\(path): error: no such file or directory")
            errors += 1
            filesWithErrors += 1
        }
        for file in collection.files {
            let diagnostics = LessonChecker.check(path: file)
            let ambiguous = Open.ambiguousWidth(option: ambiguous, environment: ProcessInfo.processInfo.environment)
            for diagnostic in diagnostics { printError(diagnostic.rendered(ambiguous: ambiguous)) }
            errors += diagnostics.count
            if !diagnostics.isEmpty { filesWithErrors += 1 }
        }
        let checked = collection.files.count
        var summary =
            "checked \(checked) \(checked == 1 ? "file" : "files"): \(errors) \(errors == 1 ? "error" : "errors")"
        if errors > 0 { summary += " in \(filesWithErrors) \(filesWithErrors == 1 ? "file" : "files")" }
        print(summary)
        if errors > 0 { throw ExitCode(1) }
    }
}
