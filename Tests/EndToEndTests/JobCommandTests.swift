import CeligoEmulator
import CeligoKit
import Foundation
import Testing

/// Jobs: listing with the 24-hour default and paging past the 1001 cap,
/// running a flow and following it, and canceling.
@Suite(.serialized) struct JobCommandTests {
  func id(_ record: JSONValue?) -> String { record?["_id"]?.stringValue ?? "missing" }

  /// The flow with the most flow jobs in the emulator's history.
  func busiestFlow(_ fixture: EmulatorFixture) -> (String, Int) {
    var counts: [String: Int] = [:]
    for job in fixture.emulator.records("jobs") where job["type"] == "flow" {
      if let flow = job["_flowId"]?.stringValue { counts[flow, default: 0] += 1 }
    }
    return counts.max { $0.value < $1.value } ?? ("missing", 0)
  }

  func runnableFlow(_ fixture: EmulatorFixture) -> String {
    id(fixture.emulator.records("flows").first { $0["disabled"] == false && $0["pageGenerators"] != nil })
  }

  @Test func unfilteredListDefaultsToOneDay() async throws {
    let fixture = try EmulatorFixture()
    let result = try await fixture.run(["jobs", "list", "--format", "json"])
    #expect(result.status == 0)
    #expect(result.stderr.hasPrefix("note: no filter given, so listing jobs of the last 24 hours"))
    let request = fixture.requests("GET", "/v1/jobs").last
    #expect(request?.query.contains { $0.0 == "createdAt_gte" } == true)
  }

  @Test func listPagesPastTheCap() async throws {
    let fixture = try EmulatorFixture { $0.pageSize = 5 }
    let (flow, count) = busiestFlow(fixture)
    #expect(count > 1001)
    let (jobs, _) = try await fixture.json(["jobs", "list", "--flow", flow, "--since", "60d", "--limit", "5000"])
    let ids = jobs.arrayValue?.compactMap { $0["_id"]?.stringValue } ?? []
    #expect(ids.count == count)
    #expect(Set(ids).count == count)
    #expect(fixture.requests("GET", "/v1/jobs").count >= 2)
    let later = fixture.requests("GET", "/v1/jobs").dropFirst()
    #expect(later.allSatisfy { $0.query.contains { $0.0 == "createdAt_lte" } })
  }

  @Test func listRespectsLimit() async throws {
    let fixture = try EmulatorFixture()
    let (flow, _) = busiestFlow(fixture)
    let (jobs, _) = try await fixture.json(["jobs", "list", "--flow", flow, "--since", "60d", "--limit", "7"])
    #expect(jobs.arrayValue?.count == 7)
  }

  @Test func paginatedListsReturnEveryRecord() async throws {
    let fixture = try EmulatorFixture { $0.pageSize = 5 }
    for (resource, collection) in [("integrations", "integrations"), ("flows", "flows")] {
      let (output, _) = try await fixture.json([resource, "list"])
      #expect(output == .array(fixture.emulator.records(collection)))
    }
    // 22 flows at 5 per page take five requests.
    #expect(fixture.requests("GET", "/v1/flows").count == (fixture.emulator.records("flows").count + 4) / 5)
  }

  @Test func runThenFollowToCompletion() async throws {
    // At job speed 0.2 a run stays queued for 5 s and then runs for 20 s,
    // long enough to see each state even on a loaded machine.
    let fixture = try EmulatorFixture { $0.jobSpeed = 0.2 }
    let flow = runnableFlow(fixture)
    let result = try await fixture.run(["flows", "run", flow])
    #expect(result.status == 0)
    let words = result.stdout.split(separator: " ")
    let jobId = words.count > 4 ? String(words[4]) : ""
    #expect(result.stdout == "Started flow \(flow): job \(jobId) (queued)\nFollow it with: celigo jobs watch \(jobId)\n")
    let run = fixture.requests("POST", "/v1/flows/\(flow)/run")
    #expect(run.count == 1)
    #expect(run.first?.body == .object([]))

    let (queued, _) = try await fixture.json(["jobs", "get", jobId])
    #expect(queued["status"] == "queued")
    var status = ""
    var seen: [String] = []
    for _ in 0..<240 where !["completed", "failed"].contains(status) {
      try await Task.sleep(nanoseconds: 250_000_000)
      let (job, _) = try await fixture.json(["jobs", "get", jobId])
      status = job["status"]?.stringValue ?? ""
      seen.append(status)
    }
    #expect(seen.contains("running"))
    #expect(["completed", "failed"].contains(status))
    let (children, _) = try await fixture.json(["jobs", "list", "--flow-job", jobId])
    #expect((children.arrayValue?.count ?? 0) >= 2)
  }

  @Test func runSendsExportsAndDates() async throws {
    let fixture = try EmulatorFixture()
    let flowRecord = fixture.emulator.records("flows").first { $0["disabled"] == false && $0["pageGenerators"] != nil }
    let flow = id(flowRecord)
    let export = flowRecord?["pageGenerators"]?.arrayValue?.first?["_exportId"]?.stringValue ?? ""
    let (response, _) = try await fixture.json([
      "flows", "run", flow, "--export-ids", export, "--start-date", "2026-11-01", "--end-date", "2026-11-02T00:00:00Z",
    ])
    #expect(response["_jobId"]?.stringValue?.count == 24)
    let body = fixture.requests("POST", "/v1/flows/\(flow)/run").first?.body
    #expect(body == ["export": ["startDate": "2026-11-01T00:00:00.000Z", "endDate": "2026-11-02T00:00:00.000Z"], "_exportIds": [.string(export)]])
  }

  @Test func cancelRunningFlowJob() async throws {
    let fixture = try EmulatorFixture { $0.jobSpeed = 0.2 }
    let flow = runnableFlow(fixture)
    let (started, _) = try await fixture.json(["flows", "run", flow])
    let jobId = started["_jobId"]?.stringValue ?? ""

    let refused = try await fixture.run(["jobs", "cancel", jobId])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("add --yes to proceed"))
    #expect(fixture.requests("PUT", "/v1/jobs/").isEmpty)

    let canceled = try await fixture.run(["jobs", "cancel", jobId, "--yes"])
    #expect(canceled.status == 0)
    #expect(canceled.stdout == "Canceled job \(jobId) of flow \(flow)\n")
    #expect(fixture.requests("PUT", "/v1/jobs/\(jobId)/cancel").count == 1)
    let (job, _) = try await fixture.json(["jobs", "get", jobId])
    #expect(job["status"] == "canceled")
  }

  @Test func cancelExportJobIsRefused() async throws {
    let fixture = try EmulatorFixture { $0.jobSpeed = 0.2 }
    let flow = runnableFlow(fixture)
    let (started, _) = try await fixture.json(["flows", "run", flow])
    let jobId = started["_jobId"]?.stringValue ?? ""
    var child: String?
    for _ in 0..<50 where child == nil {
      try await Task.sleep(nanoseconds: 100_000_000)
      let (children, _) = try await fixture.json(["jobs", "list", "--flow-job", jobId, "--type", "export"])
      child = children.arrayValue?.first?["_id"]?.stringValue
    }
    let childId = child ?? "missing"
    let result = try await fixture.run(["jobs", "cancel", childId, "--yes"])
    #expect(result.status == 2)
    #expect(result.stderr == "celigo: job \(childId) is an export job: only flow jobs can be canceled; cancel its flow job \(jobId) instead\n")
    #expect(fixture.requests("PUT", "/v1/jobs/").isEmpty)
  }
}
