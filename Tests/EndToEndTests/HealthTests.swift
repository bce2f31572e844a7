import CeligoEmulator
import CeligoKit
import Foundation
import Testing

/// `health` on the demo account, and again once every problem is fixed.
@Suite(.serialized) struct HealthTests {
  static let failingFlow = "HubSpot Deals to Snowflake"
  static let offlineConnection = "Snowflake - Analytics"

  func id(_ record: JSONValue?) -> String { record?["_id"]?.stringValue ?? "missing" }

  /// Returns every export and import of a flow.
  func stepIDs(_ flow: JSONValue) -> [String] {
    let generators = (flow["pageGenerators"]?.arrayValue ?? []).compactMap { $0["_exportId"]?.stringValue }
    let processors = (flow["pageProcessors"]?.arrayValue ?? []).compactMap { ($0["_importId"] ?? $0["_exportId"])?.stringValue }
    return generators + processors
  }

  /// Open errors per flow ID, as the emulator stores them.
  func openErrorCounts(_ fixture: EmulatorFixture) -> [String: Int] {
    var counts: [String: Int] = [:]
    for flow in fixture.emulator.records("flows") {
      let count = stepIDs(flow).reduce(0) { $0 + fixture.emulator.openErrors(flowId: id(flow), stepId: $1).count }
      if count > 0 { counts[id(flow)] = count }
    }
    return counts
  }

  /// A window start 10 hours back: the failing flow's runs are three hours
  /// apart, so no run lies within an hour of it, however slow the test runs.
  let since = DateValue.format(Date().addingTimeInterval(-36_000))

  /// Failed flow jobs per flow ID created since `since`.
  func failedJobCounts(_ fixture: EmulatorFixture) -> [String: Int] {
    var counts: [String: Int] = [:]
    for job in fixture.emulator.records("jobs") where job["status"] == "failed" && job["type"] == "flow" {
      guard let created = job["createdAt"]?.stringValue, created >= since else { continue }
      counts[job["_flowId"]?.stringValue ?? "", default: 0] += 1
    }
    return counts
  }

  @Test func demoAccountNeedsAttention() async throws {
    let fixture = try EmulatorFixture()
    let flows = fixture.emulator.records("flows")
    let failing = id(flows.first { $0["name"]?.stringValue == Self.failingFlow })
    let offline = id(fixture.emulator.records("connections").first { $0["name"]?.stringValue == Self.offlineConnection })

    let failed = failedJobCounts(fixture)
    #expect(failed[failing] == 3)
    let result = try await fixture.run(["health", "--since", since])
    #expect(result.status == 10)
    #expect(result.stderr == "celigo: the account needs attention; start with 'celigo troubleshoot \(failing)'\n")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "Failed jobs since \(since) (\(failed.count))")
    #expect(lines.contains { $0.hasPrefix("\(failing)  \(Self.failingFlow)") && $0.contains("  3  ") })
    #expect(lines.contains("Offline connections (1)"))
    #expect(lines.contains { $0.hasPrefix(offline) && $0.hasSuffix("\(Self.offlineConnection)  rdbms") })
    #expect(lines.contains("Running jobs: none"))

    let counts = openErrorCounts(fixture)
    let total = counts.values.reduce(0, +)
    let failedTotal = failed.values.reduce(0, +)
    #expect(
      lines.last == "Needs attention: \(failedTotal) failed jobs in \(failed.count == 1 ? "1 flow" : "\(failed.count) flows"), \(total) open errors"
        + " in \(counts.count) flows, 1 offline connection")
    for (flowId, count) in counts {
      let name = flows.first { id($0) == flowId }?["name"]?.stringValue ?? "missing"
      #expect(lines.contains { $0.hasPrefix("\(flowId)  \(name)") && $0.contains("  \(count)  ") }, "\(name)")
    }

    // One error summary per integration, one per standalone flow, and no pings.
    for integration in fixture.emulator.records("integrations") {
      #expect(fixture.requests("GET", "/v1/integrations/\(id(integration))/errors").count == 1)
    }
    let standalone = flows.filter { $0["_integrationId"] == nil }
    #expect(standalone.count == 3)
    for flow in standalone {
      #expect(fixture.requests("GET", "/v1/flows/\(id(flow))/errors").count == 1)
    }
    #expect(fixture.requests("POST", "/v1/connections/").isEmpty)
    let jobQuery = fixture.requests("GET", "/v1/jobs").first?.query ?? []
    #expect(jobQuery.filter { $0.0 == "status" }.map(\.1) == ["failed", "running", "queued"])
  }

  @Test func jsonCountsMatchTheEmulator() async throws {
    let fixture = try EmulatorFixture()
    let result = try await fixture.run(["--format", "json", "health", "--test-connections", "--since", since])
    #expect(result.status == 10)
    let report = try JSONValue.parse(result.stdout)
    #expect(report["needsAttention"] == true)
    var reported: [String: Int] = [:]
    for row in report["openErrors"]?.arrayValue ?? [] {
      reported[row["flowId"]?.stringValue ?? ""] = row["numError"]?.intValue
    }
    #expect(reported == openErrorCounts(fixture))
    var failed: [String: Int] = [:]
    for row in report["failedJobs"]?.arrayValue ?? [] {
      failed[row["flowId"]?.stringValue ?? ""] = row["failedJobs"]?.intValue
    }
    #expect(failed == failedJobCounts(fixture))
    #expect(report["failedJobs"]?.arrayValue?.first?["flow"] == .string(Self.failingFlow))
    #expect(report["offlineConnections"]?.arrayValue?.map { $0["name"] } == [.string(Self.offlineConnection)])
    let tests = report["connectionTests"]?.arrayValue ?? []
    #expect(tests.count == fixture.emulator.records("connections").count)
    #expect(tests.filter { $0["result"] != "passed" }.map { $0["name"] } == [.string(Self.offlineConnection)])
    #expect(fixture.requests("POST", "/v1/connections/").count == tests.count)
  }

  @Test func fixedAccountIsWell() async throws {
    let fixture = try EmulatorFixture()
    for flow in fixture.emulator.records("flows") {
      for step in stepIDs(flow) {
        let ids = fixture.emulator.openErrors(flowId: id(flow), stepId: step).compactMap { $0["errorId"] }
        guard !ids.isEmpty else { continue }
        let body = JSONValue.object([("errors", .array(ids))]).serialized()
        _ = try await fixture.fetch("/v1/flows/\(id(flow))/\(step)/resolved", method: "PUT", body: body)
      }
    }
    let offline = id(fixture.emulator.records("connections").first { $0["offline"] == true })
    #expect(fixture.emulator.setConnectionOffline(id: offline, false))
    fixture.emulator.clearRequests()

    // The failed jobs all started before this moment, so they fall outside the window.
    let result = try await fixture.run(["health", "--since", "1s", "--test-connections"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("Failed jobs since ") == true)
    #expect(lines.first?.hasSuffix(": none") == true)
    #expect(lines.contains("Open errors: none"))
    #expect(lines.contains("Offline connections: none"))
    #expect(lines.contains { $0.hasPrefix("\(offline)  \(Self.offlineConnection)") && $0.hasSuffix("passed") })
    #expect(lines.last?.hasPrefix("All is well: no failed jobs since ") == true)
    #expect(lines.last?.hasSuffix(", no open errors, no offline connections") == true)
  }

  @Test func unknownIntegrationIsNotFound() async throws {
    let fixture = try EmulatorFixture()
    let missing = "5f1a2b3c4d5e6f7a8b9c0d1e"
    let result = try await fixture.run(["health", "--integration", missing])
    #expect(result.status == 4)
    #expect(result.stderr == "celigo: integration \(missing) not found (404): check the ID with 'celigo integrations list'\n")
  }

  @Test func oneIntegrationOnly() async throws {
    let fixture = try EmulatorFixture()
    let integration = id(fixture.emulator.records("integrations").first { $0["name"] == "Shopify - NetSuite" })
    let result = try await fixture.run(["--format", "json", "health", "--integration", integration])
    #expect(result.status == 10)
    let report = try JSONValue.parse(result.stdout)
    #expect(report["integration"] == .string(integration))
    let rows = report["openErrors"]?.arrayValue ?? []
    #expect(!rows.isEmpty)
    #expect(rows.allSatisfy { $0["integration"] == "Shopify - NetSuite" })
    #expect(report["offlineConnections"] == [])

    #expect(fixture.requests("GET", "/v1/integrations/").map(\.path).sorted() == [
      "/v1/integrations/\(integration)", "/v1/integrations/\(integration)/connections",
      "/v1/integrations/\(integration)/errors", "/v1/integrations/\(integration)/flows",
    ])
    #expect(fixture.requests("GET", "/v1/flows").isEmpty)
    let jobQuery = fixture.requests("GET", "/v1/jobs").first?.query ?? []
    #expect(jobQuery.first.map { [$0.0, $0.1] } == ["_integrationId", integration])
  }
}
