import Foundation
import Testing

@testable import CeligoKit

/// A terminal that records what is written, with a fixed width.
final class RecordingTerminal: TerminalIO, @unchecked Sendable {
  private let lock = NSLock()
  private var written = ""
  let outputWidth: Int?

  init(width: Int?) {
    outputWidth = width
  }

  var output: String { lock.withLock { written } }
  func writeOutput(_ text: String) { lock.withLock { written += text } }
  func writeError(_ text: String) {}
  var isInteractive: Bool { outputWidth != nil }
  var colorOutput: Bool { false }
  func confirm(_ question: String) -> ConfirmationAnswer { .no }
  func readSecret(_ prompt: String) -> String? { nil }
}

@Suite struct WatchDisplayTests {
  static let flowJob = "64dd1eb417d44147fbb9d3bf"
  static let exportJob = "64dd1eb417d44147fbb9d3c0"
  static let exportStep = "5f1a2b3c4d5e6f7a8b9c0d21"

  func snapshot(status: String, pages: Int, success: Int) -> RunSnapshot {
    let child: JSONValue = [
      "_id": .string(Self.exportJob), "type": "export", "_exportId": .string(Self.exportStep),
      "status": .string(status), "numPagesGenerated": .int(Int64(pages)), "numSuccess": .int(Int64(success)),
      "numError": 0, "numIgnore": 0, "oIndex": 0,
    ]
    return RunSnapshot(family: [
      "_id": .string(Self.flowJob), "type": "flow", "status": .string(status),
      "numPagesGenerated": .int(Int64(pages)), "numSuccess": .int(Int64(success)), "numError": 0,
      "numIgnore": 0, "children": [child],
    ])
  }

  func display(width: Int?, format: OutputFormat = .table) -> (WatchDisplay, RecordingTerminal) {
    let terminal = RecordingTerminal(width: width)
    let display = WatchDisplay(output: OutputWriter(format: format, terminal: terminal), terminalWidth: width)
    display.names = StepNames(flowName: "Orders", steps: [Self.exportStep: "Get Orders"])
    return (display, terminal)
  }

  @Test func terminalRedrawsInPlace() {
    let (display, terminal) = display(width: 80)
    display.show(snapshot(status: "running", pages: 1, success: 5))
    display.show(snapshot(status: "running", pages: 2, success: 9))
    let clear = "\u{1B}[J"
    let first =
      "\(clear)flow      Orders      running    pages 1  success 5  errors 0  ignored 0\n"
      + "  export  Get Orders  running    pages 1  success 5  errors 0  ignored 0\n"
    let second =
      "\u{1B}[2F\(clear)flow      Orders      running    pages 2  success 9  errors 0  ignored 0\n"
      + "  export  Get Orders  running    pages 2  success 9  errors 0  ignored 0\n"
    #expect(terminal.output == first + second)
  }

  @Test func terminalLinesFitTheWidth() {
    let (display, terminal) = display(width: 30)
    display.show(snapshot(status: "queued", pages: 0, success: 0))
    let lines = terminal.output.split(separator: "\n").map { $0.replacingOccurrences(of: "\u{1B}[J", with: "") }
    #expect(lines[0] == "flow      Orders      queued ")
    #expect(lines[0].count == 29)
  }

  @Test func pipePrintsOnlyChanges() {
    let (display, terminal) = display(width: nil)
    display.show(snapshot(status: "running", pages: 1, success: 5))
    display.show(snapshot(status: "running", pages: 1, success: 5))
    display.show(snapshot(status: "completed", pages: 2, success: 9))
    #expect(
      terminal.output == """
        flow      Orders  running    pages 1  success 5  errors 0  ignored 0
          export  Get Orders  running    pages 1  success 5  errors 0  ignored 0
        flow      Orders  completed  pages 2  success 9  errors 0  ignored 0
          export  Get Orders  completed  pages 2  success 9  errors 0  ignored 0

        """)
  }

  @Test func wideNamesAlignOnTerminal() {
    let (display, terminal) = display(width: 80)
    display.names = StepNames(flowName: "注文 🚀", steps: [Self.exportStep: "受注の取得"])
    display.show(snapshot(status: "running", pages: 1, success: 5))
    let expected =
      "\u{1B}[Jflow      注文 🚀     running    pages 1  success 5  errors 0  ignored 0\n"
      + "  export  受注の取得  running    pages 1  success 5  errors 0  ignored 0\n"
    #expect(terminal.output == expected)
  }

  @Test func terminalCutsBeforeWideCharacter() {
    // The 20-cell minimum width ends inside 得, which is left out whole.
    let (display, terminal) = display(width: 16)
    display.names = StepNames(flowName: "受注", steps: [Self.exportStep: "a受注の取得"])
    display.show(snapshot(status: "running", pages: 1, success: 5))
    #expect(terminal.output == "\u{1B}[Jflow      受注      \n  export  a受注の取\n")
  }

  @Test func pipeKeepsEmojiAtEndOfName() {
    let (display, terminal) = display(width: nil)
    display.names = StepNames(flowName: "Deploy 🚀", steps: [Self.exportStep: "Get Orders"])
    display.show(snapshot(status: "running", pages: 1, success: 5))
    let expected =
      "flow      Deploy 🚀  running    pages 1  success 5  errors 0  ignored 0\n"
      + "  export  Get Orders  running    pages 1  success 5  errors 0  ignored 0\n"
    #expect(terminal.output == expected)
  }

  @Test func jsonPrintsOneEventPerLine() throws {
    let (display, terminal) = display(width: 80, format: .json)
    display.show(snapshot(status: "running", pages: 1, success: 5))
    let lines = terminal.output.split(separator: "\n")
    #expect(lines.count == 2)
    let first = try JSONValue.parse(String(lines[0]))
    #expect(first["event"] == "job")
    #expect(first["type"] == "flow")
    #expect(first["name"] == "Orders")
    #expect(first["job"]?["numSuccess"] == 5)
    #expect(first["job"]?["children"] == nil)
  }

  @Test func waitTimesReadAsTyped() {
    #expect(WaitTime.text(4.25) == "4.2s")
    #expect(WaitTime.text(185) == "3m05s")
    #expect(WaitTime.text(3720) == "1h02m")
    #expect(WaitTime.limit(90) == "90s")
    #expect(WaitTime.limit(1800) == "30m")
    #expect(WaitTime.limit(7200) == "2h")
  }
}
