// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "backstep",
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
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw",
                       providers: [.apt(["libncurses-dev"])]),
        .target(name: "Terminal", dependencies: ["Rendering", "CNcursesw"]),

        // MARK: - Command line
        .executableTarget(
            name: "backstep",
            dependencies: [
                "Autodiff", "Lessons", "Rendering", "Player", "Terminal",
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
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "Autodiff"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "PlayerTests", dependencies: ["Player", "Lessons", "Rendering", "Autodiff"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Terminal", "Rendering"]),
    ]
)
