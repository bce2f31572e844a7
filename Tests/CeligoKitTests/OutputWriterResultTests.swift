import Foundation
import Synchronization
import Testing

@testable import CeligoKit

@Suite struct OutputWriterResultTests {
  /// Returns the records that `result` reports to `onRecords`, and the text it prints.
  func report(kind: ResourceKind?, format: OutputFormat = .table) -> ([PrintedRecords], String) {
    let terminal = RecordingTerminal(width: 80)
    let output = OutputWriter(format: format, terminal: terminal)
    let reported = Mutex<[PrintedRecords]>([])
    output.onRecords = { printed in reported.withLock { $0.append(printed) } }
    output.result(json: ["_id": "5a3488df7830d537b7f0ee4a", "tag": "soak"], text: "Created tag", kind: kind)
    return (reported.withLock { $0 }, terminal.output)
  }

  @Test func createdRecordReachesOnRecords() {
    let (reported, text) = report(kind: .tag)

    #expect(reported.count == 1)
    #expect(reported.first?.kind == .tag)
    #expect(reported.first?.isList == false)
    #expect(reported.first.flatMap { $0.kind.id(of: $0.records[0]) } == "5a3488df7830d537b7f0ee4a")
    #expect(text == "Created tag\n")
  }

  @Test func resultWithoutKindReportsNothing() {
    let (reported, _) = report(kind: nil)

    #expect(reported.isEmpty)
  }
}
