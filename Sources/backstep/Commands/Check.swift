import ArgumentParser
import Foundation
import Lessons
import Rendering

/// `backstep check FILE|DIR…`: every error in every file.
struct Check: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: said.check, discussion: said.checkDiscussion)
    }

    @Argument(help: ArgumentHelp(said.checkPaths))
    var paths: [String]

    @Option(
        help: ArgumentHelp(said.ambiguous(examples: "σ, ·", forCarets: true)))
    var ambiguous: AmbiguousWidth?

    func validate() throws {
        guard !paths.isEmpty else {
            throw ValidationError("name at least one file or directory, like: backstep check lessons")
        }
    }

    func run() throws {
        let collection = FileCollection(paths)
        var errors = 0
        var warnings = 0
        var filesWithErrors = 0
        for path in collection.missing {
            printError(said.noSuchPath(path))
            errors += 1
            filesWithErrors += 1
        }
        for file in collection.files {
            let diagnostics = LessonChecker.check(path: file)
            let ambiguous = Open.ambiguousWidth(option: ambiguous, environment: ProcessInfo.processInfo.environment)
            for diagnostic in diagnostics { printError(diagnostic.rendered(ambiguous: ambiguous)) }
            let found = diagnostics.filter { $0.severity == .error }.count
            errors += found
            warnings += diagnostics.count - found
            if found > 0 { filesWithErrors += 1 }
        }
        let checked = collection.files.count
        // Warnings are likely mistakes, not errors: they are counted but do not fail the check.
        print(said.checked(files: checked, errors: errors, inFiles: filesWithErrors, warnings: warnings))
        if errors > 0 { throw ExitCode(1) }
    }
}
