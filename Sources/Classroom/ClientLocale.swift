import Player

/// What a student's SSH client says of its locale, in `env` requests (OpenSSH
/// sends `LANG` and `LC_*` when its `SendEnv` names them, as Debian's, Ubuntu's
/// and macOS's default client configuration does; `ssh -o SetEnv=LANG=ko_KR.UTF-8`
/// sends it by hand).
struct ClientLocale {
    /// The variables the server accepts; any other `env` request is refused.
    static let names: Set<String> = ["LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES"]

    let variables: [String: String]

    init(_ variables: [String: String]) { self.variables = variables }

    /// The first of `names` set, in the order the C library reads them.
    private func first(_ names: [String]) -> String? {
        names.lazy.compactMap { self.variables[$0] }.first { !$0.isEmpty }
    }

    /// The language the student reads: `ko…` Korean, `en…` English; nil for a
    /// locale that names none (`C.UTF-8`, `POSIX`, nothing sent): the teacher's lesson as it is.
    var language: Language? {
        guard let value = first(["LC_ALL", "LC_MESSAGES", "LANG"])?.lowercased() else { return nil }
        if value.hasPrefix("ko") { return .ko }
        if value.hasPrefix("en") { return .en }
        return nil
    }

    /// Whether the terminal takes UTF-8: unless the locale names another character set, it is assumed.
    var isUTF8: Bool {
        guard let value = first(["LC_ALL", "LC_CTYPE", "LANG"])?.uppercased() else { return true }
        return value.contains("UTF-8") || value.contains("UTF8")
    }
}
