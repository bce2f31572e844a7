import CeligoKit
import Testing

@testable import CeligoShell

@Suite struct CommandLineRewriterTests {
  typealias F = WorkbenchFixture

  func rewrite(_ words: [String], _ workbench: Workbench = F.workbench()) async throws -> [String] {
    try await CommandLineRewriter(vocabulary: F.vocabulary, workbench: workbench).rewrite(words)
  }

  func using(_ choices: [(ResourceKind, String)]) -> Workbench {
    let workbench = F.workbench()
    for (kind, id) in choices {
      workbench.setContext(workbench.context.using(kind, id, cache: workbench.cache))
    }
    return workbench
  }

  @Test func nameBecomesID() async throws {
    #expect(try await rewrite(["flows", "get", "Shopify Refund"]) == ["flows", "get", F.refundFlow])
    #expect(try await rewrite(["flows", "get", "bbbbbbbbbbbbbbbbbbbbbb04"]) == ["flows", "get", F.accountFlow])
    #expect(try await rewrite(["integrations", "get", "salesforce - netsuite"]) == ["integrations", "get", F.salesforce])
  }

  @Test func idPrefixBecomesID() async throws {
    #expect(try await rewrite(["imports", "get", "dddddddddddddddddddddd03"]) == ["imports", "get", F.createMemo])
    #expect(try await rewrite(["exports", "get", "ccc"]) == ["exports", "get", F.getOrders])
  }

  @Test func ambiguousNameListsCandidates() async throws {
    let error = await #expect(throws: CeligoError.self) {
      try await rewrite(["flows", "get", "Shopify Order"])
    }
    let message = error.map(ErrorMessage.describe) ?? ""
    #expect(message.hasPrefix("'Shopify Order' matches 2 flows: give the ID or more of the name"))
    #expect(message.contains("\(F.orderFlow)  Shopify Order to NetSuite Sales Order"))
    #expect(message.contains("\(F.sandboxOrderFlow)  Shopify Order to NetSuite Sales Order"))
    #expect(error.map(ExitCode.of) == 2)
  }

  @Test func contextSettlesAmbiguousName() async throws {
    let workbench = using([(.integration, F.sandbox)])

    #expect(try await rewrite(["flows", "get", "Shopify Order"], workbench) == ["flows", "get", F.sandboxOrderFlow])
  }

  @Test func unknownNameIsUsageError() async throws {
    let error = await #expect(throws: CeligoError.self) {
      try await rewrite(["flows", "get", "Nothing Like It"])
    }
    #expect(error.map(ExitCode.of) == 2)
  }

  @Test func unknownNameEscapesControls() async throws {
    let error = await #expect(throws: CeligoError.self) {
      try await rewrite(["flows", "get", "No\u{1B}[2J Such"])
    }
    let message = error.map(ErrorMessage.describe) ?? ""
    #expect(
      message == #"no flow with the ID or name 'No\u{1B}[2J Such' in the ID cache:"#
        + " list them with 'flows list', or run 'refresh'")
  }

  @Test func errorsListTakesFlowAndStep() async throws {
    let workbench = using([(.flow, F.orderFlow), (.import, F.createOrder)])

    #expect(
      try await rewrite(["errors", "list"], workbench)
        == ["errors", "list", "--flow", F.orderFlow, "--import", F.createOrder])
  }

  @Test func usingStepSetsFlowAndIntegration() {
    let workbench = using([(.import, F.createMemo)])

    #expect(workbench.context.import == F.createMemo)
    #expect(workbench.context.flow == F.refundFlow)
    #expect(workbench.context.integration == F.shopify)
  }

  @Test func otherIntegrationDropsFlow() {
    let workbench = using([(.flow, F.orderFlow), (.integration, F.salesforce)])

    #expect(workbench.context.integration == F.salesforce)
    #expect(workbench.context.flow == nil)
    #expect(workbench.restorePrevious())
    #expect(workbench.context.flow == F.orderFlow)
  }

  @Test func listTakesIntegrationFilter() async throws {
    let workbench = using([(.integration, F.shopify)])

    #expect(try await rewrite(["flows", "list"], workbench) == ["flows", "list", "--integration", F.shopify])
    #expect(try await rewrite(["jobs", "list", "--flow", F.accountFlow], workbench) == ["jobs", "list", "--flow", F.accountFlow])
  }

  @Test func missingArgumentFromContext() async throws {
    let workbench = using([(.flow, F.refundFlow)])

    #expect(try await rewrite(["flows", "get"], workbench) == ["flows", "get", F.refundFlow])
    #expect(try await rewrite(["integrations", "flows"], workbench) == ["integrations", "flows", F.shopify])
  }

  @Test func handlesStandForListedIDs() async throws {
    let workbench = F.workbench()
    workbench.beginCommand()
    workbench.notePrinted(
      PrintedRecords(kind: .job, records: [["_id": "eeeeeeeeeeeeeeeeeeeeee01"], ["_id": "eeeeeeeeeeeeeeeeeeeeee02"]], isList: true))
    workbench.endCommand()

    #expect(try await rewrite(["jobs", "get", "$2"], workbench) == ["jobs", "get", "eeeeeeeeeeeeeeeeeeeeee02"])
    #expect(try await rewrite(["jobs", "get", "$_"], workbench) == ["jobs", "get", "eeeeeeeeeeeeeeeeeeeeee02"])
    await #expect(throws: CeligoError.self) { try await rewrite(["jobs", "get", "$3"], workbench) }
  }

  @Test func chosenFormatComesFirst() async throws {
    let workbench = F.workbench()
    workbench.format = "json"

    #expect(try await rewrite(["tags", "list"], workbench) == ["--format", "json", "tags", "list"])
    #expect(try await rewrite(["tags", "list", "-f", "table"], workbench) == ["tags", "list", "-f", "table"])
  }
}
