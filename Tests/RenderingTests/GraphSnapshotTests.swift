import Testing

@testable import Rendering

@Suite struct GraphSnapshotTests {
    /// f = (x + y) * z as DeZero draws it: variables and functions alternate.
    static func sumTimes() throws -> GraphModel {
        var m = GraphModel()
        try m.addNode(id: 0, lines: ["x", "1.0"], kind: .variable)
        try m.addNode(id: 1, lines: ["y", "2.0"], kind: .variable)
        try m.addNode(id: 2, lines: ["+"], kind: .function)
        try m.addNode(id: 3, lines: ["q", "3.0"], kind: .variable)
        try m.addNode(id: 4, lines: ["z", "-4.0"], kind: .variable)
        try m.addNode(id: 5, lines: ["×"], kind: .function)
        try m.addNode(id: 6, lines: ["f", "-12.0"], kind: .variable)
        try m.addEdge(from: 0, to: 2)
        try m.addEdge(from: 1, to: 2)
        try m.addEdge(from: 2, to: 3)
        try m.addEdge(from: 3, to: 5)
        try m.addEdge(from: 4, to: 5)
        try m.addEdge(from: 5, to: 6)
        return m
    }

    /// x feeds two functions whose results are added; edges carry shapes.
    static func fanOut() throws -> GraphModel {
        var m = GraphModel()
        try m.addNode(id: 10, lines: ["x", "(2, 3)"], kind: .variable)
        try m.addNode(id: 11, lines: ["sin"], kind: .function)
        try m.addNode(id: 12, lines: ["exp"], kind: .function)
        try m.addNode(id: 13, lines: ["a"], kind: .variable)
        try m.addNode(id: 14, lines: ["b"], kind: .variable)
        try m.addNode(id: 15, lines: ["+"], kind: .function)
        try m.addNode(id: 16, lines: ["y"], kind: .variable)
        try m.addEdge(from: 10, to: 11, label: "(2, 3)")
        try m.addEdge(from: 10, to: 12, label: "(2, 3)")
        try m.addEdge(from: 11, to: 13)
        try m.addEdge(from: 12, to: 14)
        try m.addEdge(from: 13, to: 15)
        try m.addEdge(from: 14, to: 15)
        try m.addEdge(from: 15, to: 16)
        return m
    }

    /// x * x: one source, two inputs of the same function.
    static func square() throws -> GraphModel {
        var m = GraphModel()
        try m.addNode(id: 1, lines: ["x", "3.0"], kind: .variable)
        try m.addNode(id: 2, lines: ["×"], kind: .function)
        try m.addNode(id: 3, lines: ["y", "9.0"], kind: .variable)
        try m.addEdge(from: 1, to: 2)
        try m.addEdge(from: 1, to: 2)
        try m.addEdge(from: 2, to: 3)
        return m
    }

    @Test(arguments: GraphOrientation.allCases)
    func sumTimesSnapshot(orientation: GraphOrientation) throws {
        let layout = try GraphLayout(Self.sumTimes(), orientation: orientation)
        assertSnapshot(graphText(layout), named: "Graph-sum-times-\(orientation.rawValue)")
        assertSnapshot(graphText(layout, glyphs: .ascii), named: "Graph-sum-times-\(orientation.rawValue)-ascii")
    }

    @Test(arguments: GraphOrientation.allCases)
    func fanOutSnapshot(orientation: GraphOrientation) throws {
        let layout = try GraphLayout(Self.fanOut(), orientation: orientation)
        assertSnapshot(graphText(layout), named: "Graph-fan-out-\(orientation.rawValue)")
    }

    @Test func squareSnapshot() throws {
        assertSnapshot(graphText(try GraphLayout(Self.square())), named: "Graph-square-leftToRight")
    }

    /// A random graph's drawing, so a change anywhere in the pipeline (or an
    /// order that depends on hashing) shows up as a diff between runs.
    @Test func randomGraphSnapshot() throws {
        let model = try RandomGraphs.make(seed: 7, nodes: 14)
        assertSnapshot(
            graphText(try GraphLayout(model, orientation: .leftToRight)), named: "Graph-random-14-leftToRight")
        assertSnapshot(
            graphText(try GraphLayout(model, orientation: .topToBottom)), named: "Graph-random-14-topToBottom")
    }

    @Test func asciiDrawsOnlyASCIIGlyphs() throws {
        let layout = try GraphLayout(Self.fanOut())
        #expect(graphText(layout, glyphs: .ascii).unicodeScalars.allSatisfy { $0.isASCII })
    }
}
