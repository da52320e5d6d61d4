import ArgumentParser

/// Opens a lesson in the terminal player (placeholder until the player lands).
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open a lesson in the terminal player.")

    @Argument(help: "A lesson file or a directory of lessons.")
    var path: String?

    func run() throws {
        print("the terminal player is coming")
    }
}
