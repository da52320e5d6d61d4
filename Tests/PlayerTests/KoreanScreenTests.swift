import Foundation
import Lessons
import Player
import Rendering
import Testing

/// Korean as the language of the whole screen, not only of the lesson text:
/// every shipped Korean screen is read for English words, and the Korean
/// lessons are held in step with the English ones frame by frame.
@Suite struct KoreanScreenTests {
    static let names =
        (try? FileManager.default.contentsOfDirectory(atPath: Repo.lesson("ko")))?
        .filter { $0.hasSuffix(".md") }.sorted() ?? []

    static let sizes = [(64, 20), (80, 24), (100, 30), (160, 45)]

    /// Words a Korean screen may show in Latin letters besides the lesson's own
    /// identifiers: key names, the names of libraries and methods the lessons
    /// cite, and the short names of maths.
    static let allowed: Set<String> = [
        "Enter", "Esc", "Tab", "Ctrl", "PageDown", "PageUp", "Backspace",
        "DeZero", "NumPy", "ReLU", "SGD", "NaN", "Inf", "inf", "nan", "None", "True", "False",
        "grad", "backward", "creator", "create_graph", "keepdims", "axis", "shape", "cleargrad",
        "sin", "cos", "exp", "log", "neg", "tanh", "sigmoid", "relu", "max", "min", "sum", "mean", "square", "matmul",
        "linear", "reshape", "transpose", "broadcast_to", "sum_to", "rand", "randn", "zeros", "ones", "full",
        "seed", "pi", "lr", "iters", "every", "ms", "mse", "dx", "dy", "gx", "gy", "gW", "gX", "gY", "eps",
        "mean_squared_error", "softmax", "cross_entropy",
        // DeZero's classes and methods for layers (lesson 10), and @train's options for epochs (lesson 11).
        "Parameter", "Variable", "Layer", "Model", "Linear", "MLP", "params", "cleargrads", "onehot",
        "epochs", "batch", "track", "in_size",
        // The other convention's gradient names (lesson 04), a library, and the style's name as Korean texts write it.
        "dW", "dX", "dY", "PyTorch", "Define", "by", "Run",
    ]

    /// Every identifier in the lesson's graph programs (names and functions).
    static func identifiers(_ lesson: Lesson) -> Set<String> {
        Set(lesson.graphBlocks.flatMap(\.source).flatMap(latinWords))
    }

    /// Runs of Latin letters, digits and `_` that start with a letter.
    static func latinWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isASCII, character.isLetter || character == "_" || (character.isNumber && !current.isEmpty) {
                current.append(character)
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// An English word: two or more letters, not an identifier, not in `allowed`.
    static func englishWords(in screen: String, identifiers: Set<String>) -> [String] {
        latinWords(screen).filter { word in
            let letters = word.filter(\.isLetter)
            guard letters.count >= 2, !identifiers.contains(word), !allowed.contains(word) else { return false }
            // A name cut at the edge of a box (`x.gra…`, `inear`) is still that name.
            let known = identifiers.union(allowed)
            if known.contains(where: { $0.count > word.count && ($0.hasPrefix(word) || $0.hasSuffix(word)) }) {
                return false
            }
            // Numbered names (x0, W1, b2) and snake_case names are identifiers too.
            return !word.contains("_") && !word.contains(where: \.isNumber)
        }
    }

    @Test(arguments: names)
    func everyScreenIsKorean(_ name: String) throws {
        var state = try PlayerState(path: Repo.lesson("ko/" + name))
        let lesson = try LessonLoader.load(path: Repo.lesson("ko/" + name))
        let names = Self.identifiers(lesson)
        var found: [String: String] = [:]
        for step in 0..<state.stepCount {
            for frame in 0..<state.frameCount(ofStep: step) {
                try state.go(step: step, frame: frame)
                for (width, height) in Self.sizes {
                    let screen = screenText(Screen.render(state, width: width, height: height, glyphs: .unicode))
                    for word in Self.englishWords(in: screen, identifiers: names) where found[word] == nil {
                        found[word] = "step \(step + 1) frame \(frame + 1) at \(width)x\(height)"
                    }
                }
            }
        }
        #expect(found.isEmpty, "English on Korean screens of \(name): \(found.sorted { $0.key < $1.key })")
    }

    @Test func languageFromOptionThenLocale() {
        #expect(Language.chosen(option: nil, environment: ["LANG": "ko_KR.UTF-8"]) == .ko)
        #expect(Language.chosen(option: nil, environment: ["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.chosen(option: nil, environment: ["LC_ALL": "C.UTF-8", "LANG": "ko_KR.UTF-8"]) == .en)
        #expect(Language.chosen(option: "en", environment: ["LANG": "ko_KR.UTF-8"]) == .en)
        #expect(Language.chosen(option: "ko", environment: [:]) == .ko)
        #expect(Language.chosen(option: nil, environment: [:]) == .en)
        #expect(Language(tag: "ko-KR") == .ko && Language(tag: nil) == .en)
    }

    /// An English lesson keeps English words: the language is the lesson's own.
    @Test func englishLessonStaysEnglish() throws {
        let state = try PlayerState(path: Repo.lesson("01-chain-rule.md"))
        #expect(state.screen(80, 24).contains("step 1/11"))
    }

    /// With ambiguous-width characters drawn wide, nothing ambiguous reaches the screen.
    @Test func ambiguousWideScreensHoldNoAmbiguousCharacter() throws {
        var state = try PlayerState(path: Repo.lesson("ko/02-sigmoid-neuron.md"))
        try state.go(step: 7, frame: 2)
        let buffer = Screen.render(state, width: 80, height: 24, glyphs: .unicode).withAmbiguousStandIns()
        let text = buffer.lines().joined()
        #expect(!text.unicodeScalars.contains { $0.value >= 0xA0 && isAmbiguousWidth($0) })
        #expect(text.contains("역전파") && text.contains("+--"))
        for line in buffer.lines() { #expect(displayWidth(line, ambiguous: .wide) == 80) }
    }

    /// The help, the resume question and the edit box are Korean too.
    @Test func overlaysAreKorean() throws {
        var state = try PlayerState(path: Repo.lesson("ko/01-chain-rule.md"))
        let names = Self.identifiers(state.trace.lesson)
        state.press([.character("?")])
        let help = state.screen(100, 30)
        #expect(help.contains("도움말 닫기"))
        #expect(Self.englishWords(in: help, identifiers: names).isEmpty, "\(help)")
        state.press([.escape])
        state.offerResume(at: FrameRef(step: 2, frame: 0))
        let resume = state.screen(80, 24)
        #expect(resume.contains("이어서 볼까요?"))
        #expect(Self.englishWords(in: resume, identifiers: names).isEmpty, "\(resume)")
        state.press([.escape])
        state.press(PlayerKey.typing("99") + [.enter])
        let message = state.screen(100, 30)
        #expect(message.contains("99단계는 없습니다"), "\(message)")
        #expect(Self.englishWords(in: message, identifiers: names).isEmpty, "\(message)")
        try state.go(step: 1)
        state.press([.character("e")])
        let edit = state.screen(100, 30)
        #expect(edit.contains("값 바꾸기"), "\(edit)")
        #expect(Self.englishWords(in: edit, identifiers: names).isEmpty, "\(edit)")
    }

    /// The Korean lesson plays exactly as the English one: the same steps,
    /// the same frames of the same kinds, the same answers and tolerances.
    @Test(arguments: names)
    func koreanPlaysInStepWithEnglish(_ name: String) throws {
        let english = try PlayerState(path: Repo.lesson(name))
        let korean = try PlayerState(path: Repo.lesson("ko/" + name))
        #expect(english.stepCount == korean.stepCount)
        for step in 0..<Swift.min(english.stepCount, korean.stepCount) {
            let a = english.trace.steps[step].frames.map(Self.frameShape)
            let b = korean.trace.steps[step].frames.map(Self.frameShape)
            #expect(a == b, "\(name) step \(step + 1)")
        }
    }

    /// A frame without its words: its kind and its numbers.
    static func frameShape(_ frame: Frame) -> String {
        switch frame {
        case .ask(let a): return "ask \(a.answer) ± \(a.question.tolerance)"
        default:
            // Everything else carries no translated text; its description is its numbers.
            return String(describing: frame)
        }
    }
}
