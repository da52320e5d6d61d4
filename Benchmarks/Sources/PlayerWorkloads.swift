import Foundation
import Player
import Rendering

// The player's own costs, the ones a student feels:
// R1  layout and render of one frame of a 60-node graph at 200×60 (issue 4: < 2 ms);
// A1  open a core lesson (read, parse, play, first screen at 100×30) (issue 5: < 100 ms);
// A2  a key press on a core lesson: handle the key, draw the next screen (issue 5: < 10 ms).

/// The repository's lessons folder, found from this file's place in the source tree.
let lessonsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons").path

let coreLessons = [
    "01-chain-rule.md", "02-sigmoid-neuron.md", "03-broadcasting.md", "05-linear-regression.md",
    "06-two-layer-net.md",
]

func benchmarkPlayer(_ wanted: (String) -> Bool) throws {
    if wanted("R1") { try benchmarkRender() }
    if wanted("A1") || wanted("A2") {
        for language in ["", "ko/"] {
            for name in coreLessons {
                let path = lessonsFolder + "/" + language + name
                guard FileManager.default.fileExists(atPath: path) else { continue }
                if wanted("A1") { try benchmarkOpen(path) }
                if wanted("A2") { try benchmarkKeys(path) }
            }
        }
    }
}

func benchmarkRender() throws {
    let state = try RenderBenchmark.state()
    let repeats = 200
    let fresh = best {
        for _ in 0..<repeats { _ = RenderBenchmark.layoutAndRender(state) }
    }
    let cached = best {
        for _ in 0..<repeats { _ = RenderBenchmark.render(state) }
    }
    report(
        "R1", seconds: fresh, iterations: repeats,
        extra: ["size": "\"200x60\"", "cached_per_iter_us": "\(cached / Double(repeats) * 1e6)"])
}

/// Opening a lesson as the app does: read it, play it until its first step is
/// ready, draw that; later steps (training) go on playing behind the first
/// screen, so they are timed separately (`full_play_ms`).
func benchmarkOpen(_ path: String) throws {
    var firstScreen = Double.infinity
    var full = Double.infinity
    // The first run warms up; the fastest of the next five is reported.
    for run in 0..<6 {
        let start = now()
        let request = PlayRequest(text: try LessonText(path: path), purpose: .open)
        var shown: Double?
        _ = try request.run(onStep: { partial in
            guard shown == nil else { return }
            _ = Screen.render(PlayerState(opening: partial, request: request), width: 100, height: 30, glyphs: .unicode)
                .lines()
            shown = now() - start
        }).get()
        guard run > 0 else { continue }
        full = Swift.min(full, now() - start)
        firstScreen = Swift.min(firstScreen, shown ?? .infinity)
    }
    report(
        "A1", seconds: firstScreen, iterations: 1,
        extra: ["lesson": "\"\(relative(path))\"", "full_play_ms": "\(full * 1e3)"])
}

/// Every frame of the lesson by → then back by ←, each key drawn; the mean and the slowest.
func benchmarkKeys(_ path: String) throws {
    let opened = try PlayerState(path: path)
    var slowest = 0.0
    var total = 0.0
    var keys = 0
    for key in [PlayerKey.right, .left] {
        var state = opened
        if key == .left {
            try state.go(step: state.stepCount - 1, frame: state.frameCount(ofStep: state.stepCount - 1) - 1)
        }
        _ = Screen.render(state, width: 100, height: 30, glyphs: .unicode)
        while true {
            let before = state.place
            let start = now()
            _ = state.handle(key)
            _ = Screen.render(state, width: 100, height: 30, glyphs: .unicode).lines()
            let elapsed = now() - start
            if state.place == before { break }
            slowest = Swift.max(slowest, elapsed)
            total += elapsed
            keys += 1
        }
    }
    report(
        "A2", seconds: total, iterations: Swift.max(keys, 1),
        extra: ["lesson": "\"\(relative(path))\"", "keys": "\(keys)", "slowest_ms": "\(slowest * 1e3)"])
}

func relative(_ path: String) -> String {
    path.hasPrefix(lessonsFolder) ? "lessons" + path.dropFirst(lessonsFolder.count) : path
}
