import CeligoEmulator
import CeligoKit
import Foundation
import Testing

/// `troubleshoot`: latest runs, failing steps, errors grouped by message
/// pattern, and next commands that run as printed.
@Suite(.serialized) struct TroubleshootCommandTests {
  static let failingFlow = "HubSpot Deals to Snowflake"
  static let orderFlow = "Shopify Order to NetSuite Sales Order"

  func flow(_ fixture: EmulatorFixture, _ name: String) -> JSONValue {
    fixture.emulator.records("flows").first { $0["name"]?.stringValue == name && $0["disabled"] == false } ?? .null
  }

  func firstImport(_ flow: JSONValue) -> String {
    flow["pageProcessors"]?.arrayValue?.compactMap { $0["_importId"]?.stringValue }.first ?? "missing"
  }

  /// Splits a table row into its cells, which are two or more spaces apart.
  func cells(_ line: String) -> [String] {
    line.split(separator: #/  +/#).map(String.init)
  }

  @Test func failingFlowGroupsErrorsAndSuggestsCommands() async throws {
    let fixture = try EmulatorFixture()
    let flow = flow(fixture, Self.failingFlow)
    let flowId = flow["_id"]?.stringValue ?? "missing"
    let step = firstImport(flow)
    let open = fixture.emulator.openErrors(flowId: flowId, stepId: step)
    let connection = fixture.emulator.record("imports", id: step)?["_connectionId"]?.stringValue ?? "missing"
    let integration = flow["_integrationId"]?.stringValue ?? "missing"

    let result = try await fixture.run(["troubleshoot", flowId])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let sections = result.stdout.components(separatedBy: "\n\n")
    #expect(sections.count == 5)
    #expect(sections[0] == "Flow \(Self.failingFlow) (\(flowId)), integration \(integration)")

    let runs = sections[1].split(separator: "\n").map(String.init)
    #expect(runs.first == "Latest runs (10)")
    #expect(cells(runs[1]) == ["JOB", "STATUS", "CREATED", "SUCCESS", "ERRORS", "IGNORED"])
    #expect(runs.dropFirst(2).allSatisfy { cells($0)[1] == "failed" })

    let steps = sections[2].split(separator: "\n").map(String.init)
    #expect(steps.first == "Steps with open errors (1)")
    #expect(cells(steps[2]).prefix(4) == [step, "import", "Merge into DEALS", String(open.count)])

    // Every open error of the failing flow carries the same login failure.
    let messages = Set(open.compactMap { $0["message"]?.stringValue })
    #expect(messages == ["Incorrect username or password was specified."])
    let groups = sections[3].split(separator: "\n").map(String.init)
    #expect(groups.first == "Open errors by message (1)")
    #expect(cells(groups[2]) == [String(open.count), "Merge into DEALS", "390100", "connection", messages.first ?? ""])

    let options = "--flow \(flowId) --import \(step)"
    let key = open.first?["retryDataKey"]?.stringValue ?? "missing"
    #expect(
      sections[4] == """
        Next commands
          # read the open errors of Merge into DEALS
          celigo errors list \(options)
          # see the record behind the most common error
          celigo errors retry-data \(options) --key \(key)
          # check the connection Merge into DEALS uses
          celigo connections test \(connection)
          # retry them once the cause is fixed
          celigo errors retry \(options) --all
          # resolve them when no retry is needed
          celigo errors resolve \(options) --all
          # run the flow again and follow it
          celigo flows run \(flowId) --wait

        """)

    // The printed commands run as they are.
    fixture.emulator.clearRequests()
    let list = try await fixture.run(["--format", "json", "errors", "list", "--flow", flowId, "--import", step])
    #expect(list.status == 0)
    #expect(try JSONValue.parse(list.stdout) == .array(open))
    let retryData = try await fixture.run(["errors", "retry-data", "--flow", flowId, "--import", step, "--key", key])
    #expect(retryData.status == 0)
    #expect(fixture.requests("GET", "/v1/flows/\(flowId)/\(step)/\(key)/data").count == 1)
  }

  @Test func differentValuesShareOnePattern() async throws {
    let fixture = try EmulatorFixture()
    let flow = flow(fixture, Self.orderFlow)
    let flowId = flow["_id"]?.stringValue ?? "missing"
    let step = firstImport(flow)
    let invalidItems = fixture.emulator.openErrors(flowId: flowId, stepId: step)
      .filter { $0["code"] == "INVALID_FLD_VALUE" }
    // The demo account gives each record its own item value.
    #expect(Set(invalidItems.compactMap { $0["message"]?.stringValue }).count > 1)

    let result = try await fixture.run(["--format", "json", "troubleshoot", flowId])
    #expect(result.status == 0)
    let report = try JSONValue.parse(result.stdout)
    let group = report["errorGroups"]?.arrayValue?.first { $0["code"] == "INVALID_FLD_VALUE" }
    #expect(group?["count"]?.intValue == invalidItems.count)
    #expect(group?["pattern"] == "You have entered an Invalid Field Value <n> for the following field: item")
    #expect(report["errorGroups"]?.arrayValue?.count == 2)
    #expect(report["latestRuns"]?.arrayValue?.count == 10)
    let commands = report["nextCommands"]?.arrayValue?.compactMap(\.stringValue) ?? []
    #expect(commands.first == "celigo errors list --flow \(flowId) --import \(step)")
    // One request for the flow's jobs, and one error listing for the one failing step.
    #expect(fixture.requests("GET", "/v1/jobs").count == 1)
    #expect(fixture.requests("GET", "/v1/flows/\(flowId)/\(step)/errors").count == 1)
  }

  @Test func unknownFlowIsNotFound() async throws {
    let fixture = try EmulatorFixture()
    let missing = "5f1a2b3c4d5e6f7a8b9c0d1f"
    let result = try await fixture.run(["troubleshoot", missing])
    #expect(result.status == 4)
    #expect(result.stderr == "celigo: flow \(missing) not found (404): check the ID with 'celigo flows list'\n")
    #expect(fixture.emulator.requests.map(\.path) == ["/v1/flows/\(missing)"])
  }
}
