// swift-tools-version:6.0
// A libFuzzer target over the whole path from bytes to screens. Not part of the
// main package, because it only links with -sanitize=fuzzer. Build and run with
// fuzz/run.sh.
import PackageDescription

let package = Package(
    name: "backstep-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "backstep", path: "..")],
    targets: [
        .executableTarget(
            name: "backstep-fuzz",
            dependencies: [
                .product(name: "Lessons", package: "backstep"),
                .product(name: "Rendering", package: "backstep"),
                .product(name: "Player", package: "backstep"),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ]
)
