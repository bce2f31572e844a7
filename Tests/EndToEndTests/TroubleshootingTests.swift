import CeligoEmulator
import CeligoKit
import Foundation
import Testing

/// The whole error-triage path an operations engineer walks, run as the
/// binary against the emulator, with the requests the server received.
@Suite(.serialized) struct TroubleshootingTests {
  func ids(_ value: JSONValue, _ key: String) -> [String] {
    value.arrayValue?.compactMap { $0[key]?.stringValue } ?? []
  }

  @Test func fixRetryAndResolve() async throws {
    let fixture = try EmulatorFixture()

    // A failed job names the flow to look at.
    let integration = fixture.emulator.records("integrations").first?["_id"]?.stringValue ?? ""
    let (failed, _) = try await fixture.json(["jobs", "list", "--integration", integration, "--status", "failed", "--since", "30d"])
    let flows = Set(failed.arrayValue?.compactMap { $0["_flowId"]?.stringValue } ?? [])
    #expect(!flows.isEmpty)

    // The flow's error summary and descendants name the failing import.
    var flow = ""
    var step = ""
    for candidate in flows.sorted() {
      let (summary, _) = try await fixture.json(["flows", "errors", candidate])
      if let row = summary["flowErrors"]?.arrayValue?.first(where: { ($0["numError"]?.intValue ?? 0) > 1 }) {
        flow = candidate
        step = row["_expOrImpId"]?.stringValue ?? ""
        break
      }
    }
    let (descendants, _) = try await fixture.json(["flows", "descendants", flow])
    #expect(ids(descendants["imports"] ?? .null, "_id").contains(step))
    let stepOptions = ["--flow", flow, "--import", step]

    // Two open errors: one gets fixed data, the other is retried as it is.
    let (open, _) = try await fixture.json(["errors", "list"] + stepOptions)
    #expect(open == .array(fixture.emulator.openErrors(flowId: flow, stepId: step)))
    let errors = open.arrayValue ?? []
    #expect(errors.count >= 2)
    let fixedKey = errors[0]["retryDataKey"]?.stringValue ?? ""
    let unfixedKey = errors[1]["retryDataKey"]?.stringValue ?? ""
    let unfixedId = errors[1]["errorId"]?.stringValue ?? ""

    let (retryData, _) = try await fixture.json(["errors", "retry-data"] + stepOptions + ["--key", fixedKey])
    let record = retryData["data"] ?? .null
    let fixedRecord = record.setting("fixedBy", to: "celigo-test")
    let update = try await fixture.run(
      ["errors", "update-retry-data"] + stepOptions + ["--key", fixedKey, "--data", fixedRecord.serialized()])
    #expect(update.status == 0)
    let put = fixture.requests("PUT", "/v1/flows/\(flow)/\(step)/\(fixedKey)/data").first
    #expect(put?.body == retryData.setting("data", to: fixedRecord))

    let (retryJob, _) = try await fixture.json(["errors", "retry"] + stepOptions + ["--keys", "\(fixedKey),\(unfixedKey)"])
    let retryPost = fixture.requests("POST", "/v1/flows/\(flow)/\(step)/retry").first
    #expect(retryPost?.body == ["retryDataKeys": [.string(fixedKey), .string(unfixedKey)]])
    let retryJobId = retryJob["_id"]?.stringValue ?? ""
    var status = ""
    for _ in 0..<60 where status != "completed" {
      try await Task.sleep(nanoseconds: 100_000_000)
      let (job, _) = try await fixture.json(["jobs", "get", retryJobId])
      status = job["status"]?.stringValue ?? ""
    }
    #expect(status == "completed")

    // The fixed error is gone; the unfixed one came back under a new ID.
    let (after, _) = try await fixture.json(["errors", "list"] + stepOptions)
    let keysAfter = ids(after, "retryDataKey")
    #expect(!keysAfter.contains(fixedKey))
    #expect(keysAfter.contains(unfixedKey))
    #expect(!ids(after, "errorId").contains(unfixedId))

    // Resolve the rest and find them among the resolved errors.
    let remaining = ids(after, "errorId")
    let resolve = try await fixture.run(["errors", "resolve"] + stepOptions + ["--all", "--yes"])
    #expect(resolve.status == 0)
    #expect(resolve.stdout == "Resolved \(remaining.count) errors of import \(step) of flow \(flow)\n")
    let resolveBody = fixture.requests("PUT", "/v1/flows/\(flow)/\(step)/resolved").first?.body
    #expect(resolveBody == ["errors": .array(remaining.map(JSONValue.string))])
    let (empty, _) = try await fixture.json(["errors", "list"] + stepOptions)
    #expect(empty == .array([]))
    let (resolved, _) = try await fixture.json(["errors", "resolved"] + stepOptions)
    #expect(Set(remaining).isSubset(of: Set(ids(resolved, "errorId"))))
    #expect(resolved.arrayValue?.allSatisfy { $0["resolvedAt"] != nil } == true)
    #expect(resolved.arrayValue?.allSatisfy { $0["resolvedBy"] != nil } == true)
  }

  @Test func assignAndTagSendDocumentedBodies() async throws {
    let fixture = try EmulatorFixture()
    let (flow, step, errors) = try firstStepWithErrors(fixture)
    let options = ["--flow", flow, "--import", step]
    let errorId = errors.first?["errorId"]?.stringValue ?? ""
    let tag = fixture.emulator.records("tags").first?["_id"]?.stringValue ?? ""

    let assign = try await fixture.run(["errors", "assign"] + options + ["--ids", errorId, "--email", "ops@example.com"])
    #expect(assign.status == 0)
    let assignRequest = fixture.requests("PUT", "/v1/flows/\(flow)/\(step)/errors/assign").first
    #expect(assignRequest?.body == ["errorIds": [.string(errorId)], "email": "ops@example.com"])

    let tagged = try await fixture.run(["errors", "tags"] + options + ["--errors", "[\"\(errorId)\"]", "--tag-ids", tag])
    #expect(tagged.status == 0)
    let tagRequest = fixture.requests("PUT", "/v1/flows/\(flow)/\(step)/tags").first
    #expect(tagRequest?.body == ["errorIds": [.string(errorId)], "tagIds": [.string(tag)]])

    let integration = fixture.emulator.records("flows").first { $0["_id"]?.stringValue == flow }?["_integrationId"]?.stringValue ?? ""
    let bulk = try await fixture.run(["errors", "integration-assign", "--integration", integration, "--ids", errorId, "--email", "ops@example.com"])
    #expect(bulk.status == 0)
    #expect(fixture.requests("PUT", "/v1/integrations/\(integration)/errors/assign").count == 1)
  }

  @Test func invalidErrorInputSendsNothing() async throws {
    let fixture = try EmulatorFixture()
    let flow = "5f1a2b3c4d5e6f7a8b9c0d1f"
    let step = "5f1a2b3c4d5e6f7a8b9c0d22"
    let cases: [([String], String)] = [
      (["errors", "tags", "--flow", flow, "--import", step, "--errors", "[\"1\",", "--tag-ids", flow], "invalid --errors: the JSON does not parse"),
      (["errors", "assign", "--flow", flow, "--import", step, "--ids", "1", "--email", "ops@"], "invalid --email 'ops@'"),
      (["errors", "list", "--flow", flow, "--import", step, "--export", step], "--import and --export cannot be used together"),
      (["errors", "resolved", "--flow", flow], "missing --import or --export"),
      (["errors", "resolve", "--flow", flow, "--import", step, "--ids", ""], "invalid --ids ''"),
      (["errors", "retry", "--flow", flow, "--import", step, "--keys", ","], "invalid --keys ','"),
      (["errors", "update-retry-data", "--flow", flow, "--import", step, "--key", "abc", "--data", "[1,2]"],
       "invalid --data: the record must be a JSON object"),
      (["errors", "update-retry-data", "--flow", flow, "--import", step, "--key", "abc", "--file", "/nonexistent.json"],
       "cannot read --file /nonexistent.json"),
    ]
    for (arguments, message) in cases {
      let result = try await fixture.run(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr.hasPrefix("celigo: \(message)"), "\(result.stderr)")
    }
    #expect(fixture.emulator.requests.isEmpty)
  }

  func firstStepWithErrors(_ fixture: EmulatorFixture) throws -> (String, String, [JSONValue]) {
    for flow in fixture.emulator.records("flows") {
      let flowId = flow["_id"]?.stringValue ?? ""
      for processor in flow["pageProcessors"]?.arrayValue ?? [] {
        guard let step = processor["_importId"]?.stringValue else { continue }
        let errors = fixture.emulator.openErrors(flowId: flowId, stepId: step)
        if !errors.isEmpty { return (flowId, step, errors) }
      }
    }
    throw FixtureError.failed("no step with open errors in the demo account")
  }
}
