extension PlayerState {
    /// The app's words in the lesson's language (its `language:` line).
    public var words: Words { Language(tag: trace.lesson.metadata.language).words }
}

extension ScreenContext {
    var words: Words { state.words }
}
