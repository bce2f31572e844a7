import CeligoKit
import Foundation
import Testing

@testable import CeligoShell

@Suite struct IDCompletionTests {
  typealias F = WorkbenchFixture

  func completer(_ workbench: Workbench = F.workbench()) -> Completer {
    Completer(vocabulary: F.vocabulary, workbench: workbench)
  }

  @Test func useIntegrationListsIDsWithNames() {
    let result = completer().complete(line: "use integration ")

    #expect(result.candidates.count == 3)
    #expect(result.insertion == "")
    #expect(result.display.contains("\(F.shopify)  Shopify - NetSuite"))
    #expect(result.display.contains("\(F.salesforce)  Salesforce - NetSuite"))
  }

  @Test func uniqueNamePrefixBecomesID() {
    let result = completer().complete(line: "use integration Sales")

    #expect(result.candidates == [F.salesforce])
    #expect(result.insertion == F.salesforce + " ")
    #expect(result.deleteCount == 5)
  }

  @Test func quotedNameIsReplacedWithQuote() {
    let result = completer().complete(line: "use integration 'Shopify - NetSuite (")

    #expect(result.candidates == [F.sandbox])
    #expect(result.deleteCount == "'Shopify - NetSuite (".count)
  }

  @Test func sharedNamePrefixListsBoth() {
    let result = completer().complete(line: "use integration Shop")

    #expect(result.candidates.sorted() == [F.shopify, F.sandbox].sorted())
    #expect(result.insertion == "")
  }

  @Test func idPrefixExtendsToCommonPrefix() {
    let result = completer().complete(line: "flows get bbbb")

    #expect(result.candidates.count == 4)
    #expect(result.insertion == String(repeating: "b", count: 18) + "0")
    #expect(result.deleteCount == 0)
  }

  @Test func contextNarrowsFlows() {
    let workbench = F.workbench()
    workbench.setContext(ShellContext().using(.integration, F.shopify, cache: workbench.cache))
    let result = completer(workbench).complete(line: "flows get ")

    #expect(result.candidates.sorted() == [F.orderFlow, F.refundFlow])
  }

  @Test func lineFlowNarrowsImports() {
    let result = completer().complete(line: "errors list --flow \(F.orderFlow) --import ")

    #expect(result.candidates.sorted() == [F.createOrder, F.tagOrder])
  }

  @Test func flowNameOnLineNarrowsImports() {
    let result = completer().complete(line: "errors list --flow 'Shopify Refund' --import ")

    #expect(result.candidates == [F.createMemo])
  }

  @Test func contextFlowNarrowsImports() {
    let workbench = F.workbench()
    workbench.setContext(ShellContext().using(.flow, F.refundFlow, cache: workbench.cache))
    let result = completer(workbench).complete(line: "errors list --import ")

    #expect(result.candidates == [F.createMemo])
  }

  @Test func optionValuesPerCommand() {
    let jobTypes = completer().complete(line: "jobs list --type ").candidates
    let connectionTypes = completer().complete(line: "connections list --type ").candidates

    #expect(jobTypes.contains("bulk_retry"))
    #expect(!jobTypes.contains("netsuite"))
    #expect(connectionTypes.contains("netsuite"))
    #expect(!connectionTypes.contains("bulk_retry"))
  }

  @Test func statusSourceAndFormatValues() {
    #expect(completer().complete(line: "jobs list --status fa").candidates == ["failed"])
    #expect(completer().complete(line: "errors list --source mapp").candidates == ["mapping"])
    #expect(completer().complete(line: "flows list --format j").candidates == ["json"])
    #expect(completer().complete(line: "set format t").candidates == ["table"])
  }

  @Test func idListCompletesItemAfterComma() {
    let result = completer().complete(line: "flows run \(F.orderFlow) --export-ids \(F.getOrders),Get")

    #expect(result.candidates == [F.getOrders])
    #expect(result.insertion == F.getOrders)
    #expect(result.deleteCount == 3)
  }

  @Test func completesFromDiskCacheAlone() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("celigo-ids-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try F.cache(directory: directory).save()

    let reloaded = Workbench(cache: IDCache(directory: directory), profile: "test")
    let result = completer(reloaded).complete(line: "use flow Salesforce")

    #expect(result.candidates == [F.accountFlow])
  }

  @Test func candidatesForFiftyThousandIDs() {
    let cache = IDCache(directory: nil)
    let jobs: [JSONValue] = (0..<IDCache.maxEntries).map { index in
      let id = String(format: "%024x", index)
      return ["_id": .string(id), "type": "flow", "status": "completed", "createdAt": .string("2026-01-01T00:00:\(index)Z")]
    }
    cache.record(.job, jobs)
    let completer = completer(Workbench(cache: cache, profile: "test"))
    _ = completer.complete(line: "jobs get ")

    var samples: [Double] = []
    for line in ["jobs get ", "jobs get 00000000000000000000c3", "jobs get compl"] {
      for _ in 0..<5 {
        let started = ContinuousClock.now
        _ = completer.complete(line: line)
        let elapsed = ContinuousClock.now - started
        samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
      }
    }
    samples.sort()
    print("benchmark: completion candidates among 50,000 cached IDs, median \(samples[samples.count / 2]) ms")
    #expect(completer.complete(line: "jobs get 00000000000000000000c34f").candidates == ["00000000000000000000c34f"])
  }
}
