import CeligoEmulator
import CeligoKit
import Foundation
import Testing

@Suite struct StepErrorTests {
  /// Returns the ids of the Shopify order flow and of its NetSuite import, which has 12 open errors.
  func orderStep(_ server: TestServer) throws -> (flow: String, step: String) {
    let flow = try server.named("flows", "Shopify Order to NetSuite Sales Order")
    let processors = flow["pageProcessors"]?.arrayValue ?? []
    let imports = processors.compactMap { $0["_importId"]?.stringValue }
    let step = try #require(imports.first)
    return (flow.id, step)
  }

  @Test func nextPageURLVisitsEveryError() async throws {
    let server = try TestServer { $0.pageSize = 5 }
    let (flow, step) = try orderStep(server)
    var seen: [String] = []
    var next: String? = "/v1/flows/\(flow)/\(step)/errors?source=application"
    var pages = 0
    while let url = next {
      let page = try await server.getJSON(url)
      seen += (page["errors"]?.arrayValue ?? []).compactMap { $0["errorId"]?.stringValue }
      next = page["nextPageURL"]?.stringValue
      if let next { #expect(next.contains("source=application")) }
      pages += 1
    }
    let all = server.emulator.openErrors(flowId: flow, stepId: step).compactMap { $0["errorId"]?.stringValue }
    #expect(all.count == 12)
    #expect(seen == all)
    #expect(pages == 3)
  }

  @Test func errorRecordHasDocumentedFields() async throws {
    let server = try TestServer()
    let (flow, step) = try orderStep(server)
    let error = try #require(try await server.getJSON("/v1/flows/\(flow)/\(step)/errors")["errors"]?.arrayValue?.first)
    #expect(error["errorId"]?.stringValue?.allSatisfy(\.isNumber) == true)
    #expect(error["retryDataKey"]?.stringValue?.count == 32)
    #expect(error["oIndex"] == 1)
    let message = error["message"]?.stringValue ?? ""
    #expect(message.hasPrefix("You have entered an Invalid Field Value "))
    #expect(message.hasSuffix(" for the following field: item"))
    let key = try #require(error["reqAndResKey"]?.stringValue)
    #expect(key.split(separator: "-").count == 4)
    #expect(key.split(separator: "-").first?.count == 13)
    let summary = try await server.getJSON("/v1/flows/\(flow)/errors")["flowErrors"]?.arrayValue ?? []
    #expect(summary.first { $0["_expOrImpId"]?.stringValue == step }?["numError"] == 12)
  }

  @Test func resolveMovesErrors() async throws {
    let server = try TestServer()
    let (flow, step) = try orderStep(server)
    let open = server.emulator.openErrors(flowId: flow, stepId: step)
    let ids = open.prefix(3).map { $0["errorId"] ?? .null }
    let response = try await server.send("PUT", "/v1/flows/\(flow)/\(step)/resolved", body: ["errors": .array(ids)])
    #expect(response.status == 204)
    #expect(server.emulator.openErrors(flowId: flow, stepId: step).count == 9)
    let resolved = try await server.getJSON("/v1/flows/\(flow)/\(step)/resolved")["resolved"]?.arrayValue ?? []
    let user = try await server.getJSON("/v1/tokenInfo")["_userId"]
    let moved = resolved.filter { ids.contains($0["errorId"] ?? .null) }
    #expect(moved.count == 3)
    #expect(moved.allSatisfy { $0["resolvedBy"] == user })
    #expect(moved.allSatisfy { $0["resolvedAt"] != nil })
    let wrongKey = try await server.send("PUT", "/v1/flows/\(flow)/\(step)/resolved", body: ["errorIds": .array(ids)])
    #expect(wrongKey.status == 422)
    #expect(wrongKey.json?["errors"]?.arrayValue?.first?["field"] == "errors")
    let tooMany = try await server.send("PUT", "/v1/flows/\(flow)/\(step)/resolved", body: ["errors": .array((0..<1001).map { .string(String($0)) })])
    #expect(tooMany.status == 422)
  }

  @Test func retryKeepsOnlyUnfixedErrors() async throws {
    let server = try TestServer { $0.jobSpeed = 4 }
    let (flow, step) = try orderStep(server)
    let open = server.emulator.openErrors(flowId: flow, stepId: step)
    let fixedKey = try #require(open[0]["retryDataKey"]?.stringValue)
    let unfixedKey = try #require(open[1]["retryDataKey"]?.stringValue)
    let dataPath = "/v1/flows/\(flow)/\(step)/\(fixedKey)/data"
    let document = try await server.getJSON(dataPath)
    #expect(document["stage"] == "transform")
    #expect(document["dataURI"] == JSONValue.null)
    let lines = try #require(document["data"]?["line_items"]?.arrayValue)
    #expect(!lines.isEmpty)
    let fixed = document.setting("data", to: (document["data"] ?? .null).setting("fixed", to: true))
    let put = try await server.send("PUT", dataPath, body: fixed)
    #expect(put.status == 200)
    #expect(try await server.getJSON(dataPath)["data"]?["fixed"] == true)
    let retry = try await server.send("POST", "/v1/flows/\(flow)/\(step)/retry", body: ["retryDataKeys": [.string(fixedKey), .string(unfixedKey)]])
    #expect(retry.status == 201)
    #expect(retry.json?["type"] == "retry")
    #expect(retry.json?["_importId"]?.stringValue == step)
    let jobId = try #require(retry.json?["_id"]?.stringValue)
    #expect(retry.json?["status"] == "queued")
    let job = try await server.waitForFinish("/v1/jobs/\(jobId)")
    #expect(job["status"] == "completed")
    #expect(job["numSuccess"] == 1)
    #expect(job["numError"] == 1)
    let after = server.emulator.openErrors(flowId: flow, stepId: step)
    #expect(after.count == 11)
    #expect(!after.contains { $0["retryDataKey"]?.stringValue == fixedKey })
    let replaced = after.filter { $0["retryDataKey"]?.stringValue == unfixedKey }
    #expect(replaced.count == 1)
    #expect(replaced.first?["errorId"] != open[1]["errorId"])
  }

  @Test func assignAndTagErrors() async throws {
    let server = try TestServer()
    let (flow, step) = try orderStep(server)
    let id = try #require(server.emulator.openErrors(flowId: flow, stepId: step).first?["errorId"])
    let assign = try await server.send("PUT", "/v1/flows/\(flow)/\(step)/errors/assign", body: ["errorIds": [id], "email": "marcus.chen@acme-outfitters.com"])
    #expect(assign.status == 204)
    let tag = try #require(server.emulator.records("tags").first)
    let tagged = try await server.send("PUT", "/v1/flows/\(flow)/\(step)/tags", body: ["errorIds": [id], "tagIds": [.string(tag.id)]])
    #expect(tagged.status == 204)
    let error = server.emulator.openErrors(flowId: flow, stepId: step).first
    #expect(error?["assignedTo"] == "marcus.chen@acme-outfitters.com")
    #expect(error?["tags"] == [.string(tag.id)])
    let unknown = try await server.send("PUT", "/v1/flows/\(flow)/\(step)/tags", body: ["errorIds": [id], "tagIds": ["nope"]])
    #expect(unknown.status == 422)
    let missing = try await server.send("PUT", "/v1/flows/\(flow)/\(step)/errors/assign", body: ["errorIds": [id]])
    #expect(missing.json?["errors"]?.arrayValue?.first?["code"] == "missing_required_field")
  }

  @Test func wrongStepIs404() async throws {
    let server = try TestServer()
    let (flow, _) = try orderStep(server)
    let other = try server.named("imports", "Merge into DEALS")
    let response = try await server.send("GET", "/v1/flows/\(flow)/\(other.id)/errors")
    #expect(response.status == 404)
  }

  @Test func bulkErrorsPageAtPageSize() async throws {
    let server = try TestServer { $0.bulkErrors = 2500 }
    let (flow, step) = try orderStep(server)
    let first = try await server.getJSON("/v1/flows/\(flow)/\(step)/errors")
    #expect(first["errors"]?.arrayValue?.count == 1000)
    #expect(server.emulator.openErrors(flowId: flow, stepId: step).count == 2512)
    #expect(first["nextPageURL"]?.stringValue?.hasPrefix("/v1/flows/\(flow)/\(step)/errors?startAtErrorId=") == true)
  }
}
