import CeligoEmulator
import CeligoKit
import Foundation
import Testing

/// `errors list` with a flow and no `--import` or `--export`, one-shot and
/// in the shell after `use flow`. It lists the flow's only step with open
/// errors, or names each step with errors and the command that lists it.
@Suite struct ErrorStepChoiceTests {
  /// The demo's "Shopify Order to NetSuite Sales Order" flow. Its import
  /// "Create NetSuite Sales Order" is the only step with open errors.
  static let flow = "40d6824e2ef3fc17879e2e22"
  static let errorImport = "3c821fbf59108163a7ff0d38"
  /// The flow's "Get Shopify Orders" export, which has no demo errors.
  static let export = "8b2e02445e4be0f5bf8c59bb"

  static let onlyStepNote =
    "note: listing import \(errorImport) (Create NetSuite Sales Order), the flow's only step with open errors\n"

  /// Returns the open error count of a step as "12 open errors".
  func openErrors(_ fixture: EmulatorFixture, _ step: String) -> String {
    let count = fixture.emulator.openErrors(flowId: Self.flow, stepId: step).count
    return count == 1 ? "1 open error" : "\(count) open errors"
  }

  /// Returns the message for the flow with open errors on its export and
  /// its import, with `filters` after each command.
  func choiceMessage(_ fixture: EmulatorFixture, filters: String = "") -> String {
    let flow = Self.flow
    return "celigo: missing --import or --export for 'errors list': flow \(flow) has open errors on 2 steps."
      + " List the errors of one of them with:\n"
      + "  Get Shopify Orders (export, \(openErrors(fixture, Self.export))):\n"
      + "    celigo errors list --flow \(flow) --export \(Self.export)\(filters)\n"
      + "  Create NetSuite Sales Order (import, \(openErrors(fixture, Self.errorImport))):\n"
      + "    celigo errors list --flow \(flow) --import \(Self.errorImport)\(filters)\n"
  }

  @Test func onlyErrorStepIsListed() async throws {
    let fixture = try EmulatorFixture()
    let named = try await fixture.run(["errors", "list", "--flow", Self.flow, "--import", Self.errorImport])
    fixture.emulator.clearRequests()

    let chosen = try await fixture.run(["errors", "list", "--flow", Self.flow])

    #expect(chosen.status == 0)
    #expect(chosen.stderr == Self.onlyStepNote)
    #expect(chosen.stdout == named.stdout)
    #expect(chosen.stdout.hasPrefix("ERROR ID "))
    let paths = fixture.emulator.requests.map { "\($0.method) \($0.path)" }
    #expect(
      paths == [
        "GET /v1/flows/\(Self.flow)/errors", "GET /v1/flows/\(Self.flow)/descendants",
        "GET /v1/flows/\(Self.flow)/\(Self.errorImport)/errors",
      ])
  }

  @Test func onlyErrorStepAsJSON() async throws {
    let fixture = try EmulatorFixture()

    let result = try await fixture.run(["--format", "json", "errors", "list", "--flow", Self.flow])

    #expect(result.status == 0)
    #expect(result.stderr == Self.onlyStepNote)
    let listed = try JSONValue.parse(result.stdout)
    #expect(listed == .array(fixture.emulator.openErrors(flowId: Self.flow, stepId: Self.errorImport)))
  }

  @Test func severalErrorStepsAreNamed() async throws {
    let fixture = try EmulatorFixture()
    #expect(fixture.emulator.addOpenErrors(flowId: Self.flow, stepId: Self.export, count: 3))
    fixture.emulator.clearRequests()

    let result = try await fixture.run(["errors", "list", "--flow", Self.flow, "--since", "2026-11-01"])

    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr == choiceMessage(fixture, filters: " --since 2026-11-01T00:00:00.000Z"))
    let paths = fixture.emulator.requests.map { "\($0.method) \($0.path)" }
    #expect(paths == ["GET /v1/flows/\(Self.flow)/errors", "GET /v1/flows/\(Self.flow)/descendants"])
  }

  @Test func flowWithoutErrorsListsNothing() async throws {
    let fixture = try EmulatorFixture()
    let resolve = try await fixture.run(
      ["errors", "resolve", "--flow", Self.flow, "--import", Self.errorImport, "--all", "--yes"])
    #expect(resolve.status == 0)

    let table = try await fixture.run(["errors", "list", "--flow", Self.flow])
    let json = try await fixture.run(["--format", "json", "errors", "list", "--flow", Self.flow])

    #expect(table.status == 0)
    #expect(table.stdout == "")
    #expect(table.stderr == "note: no step of flow \(Self.flow) has open errors\n(no records)\n")
    #expect(json.status == 0)
    #expect(json.stdout == "[]\n")
    #expect(json.stderr == "note: no step of flow \(Self.flow) has open errors\n")
  }

  @Test func shellFlowContextListsErrors() async throws {
    let fixture = try EmulatorFixture()
    let named = try await fixture.run(["errors", "list", "--flow", Self.flow, "--import", Self.errorImport])

    let result = try await fixture.run(["shell"], input: "use flow \(Self.flow)\nerrors list\n")

    #expect(result.status == 0)
    #expect(result.stderr == Self.onlyStepNote)
    #expect(result.stdout == named.stdout)
  }

  @Test func shellFlowContextNamesSteps() async throws {
    let fixture = try EmulatorFixture()
    #expect(fixture.emulator.addOpenErrors(flowId: Self.flow, stepId: Self.export, count: 1))

    let result = try await fixture.run(
      ["shell"], input: "use flow \(Self.flow)\nerrors list --source application\ntags list\n")

    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr == choiceMessage(fixture, filters: " --source application"))
  }

  @Test func shellImportContextStillFillsStep() async throws {
    let fixture = try EmulatorFixture()
    #expect(fixture.emulator.addOpenErrors(flowId: Self.flow, stepId: Self.export, count: 2))
    let named = try await fixture.run(["errors", "list", "--flow", Self.flow, "--export", Self.export])

    let result = try await fixture.run(
      ["shell"], input: "use flow \(Self.flow)\nuse export \(Self.export)\nerrors list\n")

    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout == named.stdout)
  }
}
