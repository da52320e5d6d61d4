extension PlayerState {
    /// The app's words in the lesson's language (its `language:` line).
    public var words: Words { Language(tag: trace.lesson.metadata.language).words }
}

extension ScreenContext {
    /// An ASCII screen cannot show Hangul: there the app's own words are English, so its
    /// keys and panels stay readable (the lesson's own text is the author's, and stays).
    var words: Words { ascii ? Language.en.words : state.words }
}
