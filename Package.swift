// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "backstep",
    // Built and tested on Linux (CI). Every C call also has a Darwin path, and
    // macOS 15 is the first with the Synchronization module the terminal uses;
    // macOS is not built in CI.
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Autodiff", targets: ["Autodiff"]),
        .library(name: "Lessons", targets: ["Lessons"]),
        .library(name: "Rendering", targets: ["Rendering"]),
        .library(name: "Player", targets: ["Player"]),
        .executable(name: "backstep", targets: ["backstep"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `backstep class`: students follow the lesson with a plain `ssh` (brings swift-nio and swift-crypto).
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.0"),
        // Named because Classroom uses them directly; both already come with swift-nio-ssh.
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // MARK: - Engine
        // CKernels: element loops built for AVX2 / AVX-512 and chosen at run time
        // (the Swift code is compiled for baseline x86-64).
        .target(name: "CKernels"),
        .target(name: "Autodiff", dependencies: ["CKernels"]),

        // MARK: - TextWidth: terminal columns of text, shared by Lessons (carets) and Rendering
        .target(name: "TextWidth"),

        // MARK: - Lessons: parse, interpret, frames
        .target(name: "Lessons", dependencies: ["Autodiff", "TextWidth"]),

        // MARK: - Rendering: pure cell buffer, widgets, layout, charts
        .target(name: "Rendering", dependencies: ["TextWidth"]),

        // MARK: - Player: lesson player state and screens
        .target(name: "Player", dependencies: ["Autodiff", "Lessons", "Rendering"]),

        // MARK: - Terminal: the only code that touches ncurses
        .systemLibrary(
            name: "CNcursesw", pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]),
        .target(name: "Terminal", dependencies: ["Rendering", "CNcursesw"]),

        // MARK: - Classroom: an SSH server that lets students follow the teacher's lesson
        .target(
            name: "Classroom",
            dependencies: [
                "Lessons", "Player", "Rendering",
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // MARK: - App: the interactive loop (picker, lesson run), drawn through a Backend
        .target(name: "App", dependencies: ["Lessons", "Player", "Rendering", "Terminal"]),
        // A small program on TerminalSession alone, for the end-to-end tests to drive in tmux.
        .executableTarget(
            name: "backstep-terminal-demo", dependencies: ["Terminal", "Rendering"],
            path: "Sources/TerminalDemo"),

        // MARK: - Command line
        .executableTarget(
            name: "backstep",
            dependencies: [
                "Autodiff", "Lessons", "Rendering", "Player", "Terminal", "App", "Classroom",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Benchmarks (release build prints one JSON line per workload)
        .executableTarget(
            name: "backstep-bench",
            dependencies: ["Autodiff", "Lessons", "Player", "Rendering"],
            path: "Benchmarks/Sources"
        ),

        // MARK: - Tests
        .testTarget(name: "AutodiffTests", dependencies: ["Autodiff"]),
        // The library as a user sees it: new functions and optimizers from outside the module.
        .testTarget(name: "ExtensionTests", dependencies: ["Autodiff"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "Autodiff", "TextWidth"]),
        .testTarget(
            name: "RenderingTests", dependencies: ["Rendering", "SnapshotSupport"],
            exclude: ["__Snapshots__"]),
        .testTarget(
            name: "PlayerTests", dependencies: ["Player", "Lessons", "Rendering", "Autodiff", "SnapshotSupport"],
            exclude: ["__Snapshots__"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Terminal", "Rendering"]),
        .testTarget(name: "ClassroomTests", dependencies: ["Classroom", "Player", "Lessons", "Rendering"]),
        .testTarget(name: "AppTests", dependencies: ["App", "Player", "Terminal", "Rendering"]),
        // Golden-file comparison shared by the screen tests.
        .target(name: "SnapshotSupport", dependencies: ["Rendering"], path: "Tests/SnapshotSupport"),
    ]
)
