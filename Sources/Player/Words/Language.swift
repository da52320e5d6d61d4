/// The language the app speaks: its own words (status line, panels, help,
/// picker, messages), not the lesson's, which the lesson file brings.
public enum Language: String, Sendable, CaseIterable {
    case en, ko

    /// The language of a lesson's `language:` tag (`ko`, `ko-KR`); English for any other or none.
    public init(tag: String?) {
        self = tag?.lowercased().hasPrefix("ko") == true ? .ko : .en
    }

    /// Outside a lesson: `--lang` when given, else the locale (`LC_ALL`,
    /// `LC_MESSAGES`, `LANG`, the first one set, as the C library reads them):
    /// `ko_KR.UTF-8` speaks Korean, anything else English.
    public static func chosen(option: String?, environment: [String: String]) -> Language {
        if let option { return Language(tag: option) }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return Language(tag: value) }
        }
        return .en
    }

    /// The language's own name for itself, as a picker shows it.
    public var name: String {
        switch self {
        case .en: return "English"
        case .ko: return "한국어"
        }
    }

    /// The words of the app in this language.
    public var words: Words { Words(language: self) }
}
