import CeligoEmulator
import CeligoKit
import Foundation
import Testing

@Suite struct JobTests {
  static let shopifyOrders = "Shopify Order to NetSuite Sales Order"

  @Test func unfilteredJobListIs400() async throws {
    let server = try TestServer()
    let response = try await server.send("GET", "/v1/jobs")
    #expect(response.status == 400)
    let error = response.json?["errors"]?.arrayValue?.first
    #expect(error?["code"] == "invalid_query")
    #expect(error?["message"] == "For parent jobs, query parameters must contain either \"_integrationId\" or \"_jobId\" or \"createdAt\"")
    let children = try await server.send("GET", "/v1/jobs?type=export&createdAt_gte=2020-01-01")
    #expect(children.status == 400)
  }

  @Test func jobListCapsAt1001NewestFirst() async throws {
    let server = try TestServer()
    let flow = try server.named("flows", Self.shopifyOrders)
    let jobs = try await server.getJSON("/v1/jobs?_flowId=\(flow.id)&type=flow").arrayValue ?? []
    #expect(jobs.count == 1001)
    let times = jobs.compactMap { $0["createdAt"]?.stringValue }
    #expect(times == times.sorted(by: >))
    let response = try await server.send("GET", "/v1/jobs?_flowId=\(flow.id)")
    #expect(response.header("Link") == nil)
    let lastTime = try #require(times.last)
    let older = try await server.getJSON("/v1/jobs?_flowId=\(flow.id)&createdAt_lte=\(lastTime)").arrayValue ?? []
    #expect(older.first?["createdAt"]?.stringValue == lastTime)
  }

  @Test func jobFiltersAcceptTimeFormats() async throws {
    let server = try TestServer()
    let flow = try server.named("flows", Self.shopifyOrders)
    // Whole seconds, so the epoch and the ISO form name the same instant.
    let since = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 4 * 3600).rounded(.down))
    let milliseconds = Int(since.timeIntervalSince1970 * 1000)
    let byEpoch = try await server.getJSON("/v1/jobs?_flowId=\(flow.id)&createdAt_gte=\(milliseconds)").arrayValue ?? []
    #expect((15...17).contains(byEpoch.count))
    let iso = ISO8601DateFormatter().string(from: since)
    let byISO = try await server.getJSON("/v1/jobs?_flowId=\(flow.id)&createdAt_gte=\(iso)").arrayValue ?? []
    #expect(byISO.count == byEpoch.count)
    let other = try server.named("flows", "HubSpot Deals to Snowflake")
    let both = try await server.getJSON("/v1/jobs?_flowId_in[0]=\(flow.id)&_flowId_in[1]=\(other.id)&type_in[0]=flow&createdAt_gte=\(milliseconds)").arrayValue ?? []
    #expect(both.count == byEpoch.count + 1)
    let failed = try await server.getJSON("/v1/jobs?_flowId=\(flow.id)&status=failed&status=canceled").arrayValue ?? []
    #expect(failed.allSatisfy { $0["status"] == "failed" || $0["status"] == "canceled" })
  }

  @Test func runCompletesWithChildren() async throws {
    let server = try TestServer { $0.jobSpeed = 2 }
    let flow = try server.named("flows", Self.shopifyOrders)
    let sentAt = Date()
    let run = try await server.send("POST", "/v1/flows/\(flow.id)/run", body: [:])
    #expect(run.status == 201)
    let jobId = try #require(run.json?["_jobId"]?.stringValue)
    let queued = try await server.getJSON("/v1/jobs/\(jobId)")
    // A run stays queued for 500 ms at jobSpeed 2; a loaded machine may take longer to ask.
    if Date().timeIntervalSince(sentAt) < 0.45 {
      #expect(queued["status"] == "queued")
      #expect(queued["startedAt"] == nil)
    }
    let family = try await server.waitForFinish("/v1/jobs/\(jobId)/family")
    #expect(family["status"] == "completed")
    #expect(family["numError"] == 2)
    #expect(family["numOpenError"] == 2)
    let children = family["children"]?.arrayValue ?? []
    #expect(children.map { $0["type"] } == ["export", "import", "import"])
    #expect(children.map { $0["oIndex"] } == [0, 1, 2])
    #expect(children.allSatisfy { $0["_flowJobId"]?.stringValue == jobId })
    #expect(children.allSatisfy { $0["status"] == "completed" })
    let step = try #require(children[1]["_importId"]?.stringValue)
    let open = server.emulator.openErrors(flowId: flow.id, stepId: step).filter { $0["_flowJobId"]?.stringValue == jobId }
    #expect(open.count == 2)
    let latest = try await server.getJSON("/v1/flows/\(flow.id)/jobs/latest").arrayValue ?? []
    #expect(latest.map(\.id) == [jobId])
    #expect(latest.first?["children"] == nil)
  }

  @Test func runningJobShowsProgress() async throws {
    // At jobSpeed 0.2 a run is queued for 5 s and then runs for 20 s, which
    // leaves room for a slow, loaded test machine to see it running.
    let server = try TestServer { $0.jobSpeed = 0.2 }
    let flow = try server.named("flows", "NetSuite Inventory to Shopify Inventory Levels")
    let run = try await server.send("POST", "/v1/flows/\(flow.id)/run", body: [:])
    let jobId = try #require(run.json?["_jobId"]?.stringValue)
    var job = try await server.getJSON("/v1/jobs/\(jobId)")
    for _ in 0..<120 where job["status"] == "queued" || (job["numPagesGenerated"]?.intValue ?? 0) == 0 {
      try await Task.sleep(for: .milliseconds(250))
      job = try await server.getJSON("/v1/jobs/\(jobId)")
    }
    #expect(job["status"] == "running")
    #expect(job["startedAt"] != nil)
    #expect(job["endedAt"] == nil)
    #expect((job["numPagesGenerated"]?.intValue ?? 0) >= 1)
    #expect(job["doneExporting"] == false)
    let updated = try await server.getJSON("/v1/flows/\(flow.id)")
    #expect(updated["lastExecutedAt"] != flow["lastExecutedAt"])
  }

  @Test func runValidatesFlowAndExports() async throws {
    let server = try TestServer()
    let disabled = try server.named("flows", "Shopify Refund to NetSuite Credit Memo")
    let rejected = try await server.send("POST", "/v1/flows/\(disabled.id)/run", body: [:])
    #expect(rejected.status == 422)
    #expect(rejected.json?["errors"]?.arrayValue?.first?["code"] == "invalid_operation")
    let flow = try server.named("flows", Self.shopifyOrders)
    let unknown = try await server.send("POST", "/v1/flows/\(flow.id)/run", body: ["_exportIds": ["0123456789abcdef01234567"]])
    #expect(unknown.status == 422)
    #expect(unknown.json?["errors"]?.arrayValue?.first?["field"] == "_exportIds")
    let generator = flow["pageGenerators"]?.arrayValue?.first?["_exportId"] ?? .null
    let body: JSONValue = ["export": ["startDate": "2026-01-01T00:00:00.000Z", "endDate": "2026-01-02T00:00:00Z"], "_exportIds": [generator]]
    let accepted = try await server.send("POST", "/v1/flows/\(flow.id)/run", body: body)
    #expect(accepted.status == 201)
  }

  @Test func cancelQueuedFlowJob() async throws {
    // At jobSpeed 0.01 a run stays queued for 100 s, long enough on a loaded machine.
    let server = try TestServer { $0.jobSpeed = 0.01 }
    let flow = try server.named("flows", Self.shopifyOrders)
    let run = try await server.send("POST", "/v1/flows/\(flow.id)/run", body: [:])
    let jobId = try #require(run.json?["_jobId"]?.stringValue)
    let family = try await server.getJSON("/v1/jobs/\(jobId)/family")
    #expect(family["status"] == "queued")
    let exportChild = try #require(family["children"]?.arrayValue?.first?.id)
    let childCancel = try await server.send("PUT", "/v1/jobs/\(exportChild)/cancel", body: [:])
    #expect(childCancel.status == 422)
    #expect(childCancel.json?["errors"]?.arrayValue?.first?["code"] == "invalid_operation")
    let cancel = try await server.send("PUT", "/v1/jobs/\(jobId)/cancel", body: [:])
    #expect(cancel.status == 204)
    let after = try await server.getJSON("/v1/jobs/\(jobId)/family")
    #expect(after["status"] == "canceled")
    let user = try await server.getJSON("/v1/tokenInfo")["_userId"]
    #expect(after["canceledBy"] == user)
    #expect(after["children"]?.arrayValue?.allSatisfy { $0["status"] == "canceled" } == true)
    let again = try await server.send("PUT", "/v1/jobs/\(jobId)/cancel", body: [:])
    #expect(again.status == 422)
  }

  @Test func failingFlowFailsRecently() async throws {
    let server = try TestServer()
    let flow = try server.named("flows", "HubSpot Deals to Snowflake")
    let jobs = try await server.getJSON("/v1/jobs?_flowId=\(flow.id)&type=flow").arrayValue ?? []
    #expect(jobs.prefix(16).allSatisfy { $0["status"] == "failed" })
    #expect(jobs.dropFirst(16).contains { $0["status"] == "completed" })
    let canceledFlow = try server.named("flows", "NetSuite Item Fulfillment to Shopify Fulfillment")
    let canceled = try await server.getJSON("/v1/jobs?_flowId=\(canceledFlow.id)&status=canceled").arrayValue ?? []
    #expect(canceled.count == 1)
  }

  @Test func historyJobHasOpenErrors() async throws {
    let server = try TestServer()
    let flow = try server.named("flows", Self.shopifyOrders)
    let latest = try #require(try await server.getJSON("/v1/flows/\(flow.id)/jobs/latest").arrayValue?.first)
    #expect(latest["status"] == "completed")
    #expect(latest["numOpenError"] == 5)
    #expect(latest["purgeAt"] != nil)
    let children = try await server.getJSON("/v1/jobs?_flowJobId=\(latest.id)&type=import").arrayValue ?? []
    #expect(children.count == 2)
  }
}

extension TestServer {
  /// Polls a job URL every 100 ms until its status is final, for at most 20 s.
  func waitForFinish(_ path: String) async throws -> JSONValue {
    for _ in 0..<200 {
      let job = try await getJSON(path)
      if let status = job["status"]?.stringValue, !["queued", "running"].contains(status) {
        return job
      }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw TestFailure("\(path) did not finish within 20 seconds")
  }
}
