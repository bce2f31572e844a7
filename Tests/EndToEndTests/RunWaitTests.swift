import CeligoEmulator
import CeligoKit
import Foundation
import Testing

/// `flows run --wait` and `jobs watch`: one exit code per way a run ends,
/// the lines printed on the way, and the requests that polled the job.
@Suite(.serialized) struct RunWaitTests {
  static let cleanFlow = "NetSuite Inventory to Shopify Inventory Levels"
  static let recordErrorFlow = "Shopify Order to NetSuite Sales Order"
  static let failingFlow = "HubSpot Deals to Snowflake"

  /// Returns the enabled flow with this name, and the names of all steps by ID.
  func flow(_ fixture: EmulatorFixture, _ name: String) -> (id: String, steps: [String: String]) {
    let flow = fixture.emulator.records("flows").first { $0["name"]?.stringValue == name && $0["disabled"] == false }
    var steps: [String: String] = [:]
    for collection in ["exports", "imports"] {
      for step in fixture.emulator.records(collection) {
        if let id = step["_id"]?.stringValue { steps[id] = step["name"]?.stringValue }
      }
    }
    return (flow?["_id"]?.stringValue ?? "missing", steps)
  }

  /// Replaces the elapsed time at the end of a line, such as `1.2s`, with `<t>`.
  func normalized(_ line: Substring) -> String {
    String(line).replacing(#/ (\d+\.\ds|\d+m\d\ds)$/#, with: " <t>")
      .replacing(#/ in (\d+\.\ds|\d+m\d\ds):/#, with: " in <t>:")
  }

  /// Returns the line a pipe receives for a finished job, as the API reports it.
  func finalLine(_ job: JSONValue, name: String) -> String {
    let type = job["type"]?.stringValue ?? ""
    let kind = type == "flow" ? "flow    " : "  \(type)"
    let pages = type == "import" ? job["numPagesProcessed"] : job["numPagesGenerated"]
    let status = (job["status"]?.stringValue ?? "").padding(toLength: 9, withPad: " ", startingAt: 0)
    return "\(kind)  \(name)  \(status)  pages \(pages?.intValue ?? -1)  success \(job["numSuccess"]?.intValue ?? -1)"
      + "  errors \(job["numError"]?.intValue ?? -1)  ignored \(job["numIgnore"]?.intValue ?? -1)  <t>"
  }

  /// Runs `flows run --wait` and checks the lines every outcome prints.
  func runAndWait(_ fixture: EmulatorFixture, _ name: String, extra: [String] = []) async throws
    -> (result: ProcessResult, jobId: String, flowId: String, family: JSONValue)
  {
    let (flowId, steps) = flow(fixture, name)
    let result = try await fixture.run(["flows", "run", flowId, "--wait"] + extra)
    let lines = result.stdout.split(separator: "\n")
    let jobId = String(lines.first?.split(separator: " ").last ?? "")
    #expect(lines.first.map(String.init) == "Started flow \(flowId): job \(jobId)")
    #expect(fixture.requests("POST", "/v1/flows/\(flowId)/run").count == 1)
    #expect(!fixture.requests("GET", "/v1/jobs/\(jobId)/family").isEmpty)
    #expect(fixture.requests("GET", "/v1/jobs/").allSatisfy { $0.path == "/v1/jobs/\(jobId)/family" })

    let family = try await fixture.fetch("/v1/jobs/\(jobId)/family") ?? .null
    guard family["status"] != "queued", family["status"] != "running" else { return (result, jobId, flowId, family) }
    let body = lines.dropFirst().dropLast().map(normalized)
    #expect(body.contains(finalLine(family, name: name)))
    for child in family["children"]?.arrayValue ?? [] {
      let step = (child["_exportId"] ?? child["_importId"])?.stringValue ?? ""
      #expect(body.contains(finalLine(child, name: steps[step] ?? "missing")), "\(body)")
    }
    let errors = family["numError"]?.intValue ?? -1
    let summary = "Flow job \(jobId) \(family["status"]?.stringValue ?? "") in <t>: \(family["numSuccess"]?.intValue ?? -1)"
      + " succeeded, \(errors) \(errors == 1 ? "error" : "errors"), \(family["numIgnore"]?.intValue ?? -1) ignored"
    #expect(lines.last.map(normalized) == summary)
    return (result, jobId, flowId, family)
  }

  @Test func cleanRunExitsZero() async throws {
    let fixture = try EmulatorFixture()
    let (result, _, _, family) = try await runAndWait(fixture, Self.cleanFlow)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(family["status"] == "completed")
  }

  @Test func recordErrorsExitTen() async throws {
    let fixture = try EmulatorFixture()
    let (result, jobId, flowId, family) = try await runAndWait(fixture, Self.recordErrorFlow)
    #expect(result.status == 10)
    #expect(family["numError"] == 2)
    let importJob = family["children"]?.arrayValue?.first { ($0["numError"]?.intValue ?? 0) > 0 }
    let step = importJob?["_importId"]?.stringValue ?? "missing"
    let next = "celigo errors list --flow \(flowId) --import \(step)"
    #expect(result.stderr == "celigo: flow job \(jobId) completed with 2 record errors; list them with '\(next)'\n")

    // The suggested command runs and shows the run's two new errors.
    let (errors, _) = try await fixture.json(Array(next.split(separator: " ").dropFirst().map(String.init)))
    #expect(errors.arrayValue?.filter { $0["_flowJobId"]?.stringValue == jobId }.count == 2)
  }

  @Test func failedRunExitsEleven() async throws {
    let fixture = try EmulatorFixture()
    let (result, jobId, flowId, family) = try await runAndWait(fixture, Self.failingFlow)
    #expect(result.status == 11)
    #expect(family["status"] == "failed")
    #expect(result.stderr == "celigo: flow job \(jobId) failed; find the cause with 'celigo troubleshoot \(flowId)'\n")
  }

  @Test func canceledRunExitsTwelve() async throws {
    // At job speed 0.02 a run stays queued for 50 s, so it is canceled
    // while queued even on a loaded machine.
    let fixture = try EmulatorFixture { $0.jobSpeed = 0.02 }
    let (flowId, _) = flow(fixture, Self.cleanFlow)
    let before = Set(fixture.emulator.records("jobs").compactMap { $0["_id"]?.stringValue })
    let environment = fixture.environment
    async let waiting = CeligoProcess.run(["flows", "run", flowId, "--wait"], environment: environment)

    var jobId: String?
    for _ in 0..<200 where jobId == nil {
      try await Task.sleep(nanoseconds: 50_000_000)
      jobId = fixture.emulator.records("jobs").first {
        $0["_flowId"]?.stringValue == flowId && !before.contains($0["_id"]?.stringValue ?? "")
      }?["_id"]?.stringValue
    }
    let job = jobId ?? "missing"
    _ = try await fixture.fetch("/v1/jobs/\(job)/cancel", method: "PUT")
    let result = try await waiting

    #expect(result.status == 12)
    let user = fixture.emulator.record("jobs", id: job)?["canceledBy"]?.stringValue ?? "missing"
    #expect(result.stderr == "celigo: flow job \(job) was canceled by \(user)\n")
    // The run was canceled while queued, so it never started and has no duration.
    #expect(result.stdout.hasSuffix("\nFlow job \(job) canceled: 0 succeeded, 0 errors, 0 ignored\n"))
    #expect(fixture.requests("PUT", "/v1/jobs/\(job)/cancel").count == 1)
  }

  @Test func timedOutWaitExitsThirteenAndResumes() async throws {
    // At job speed 0.5 a run stays queued for 2 s and runs for 8 s.
    let fixture = try EmulatorFixture { $0.jobSpeed = 0.5 }
    let (result, jobId, _, _) = try await runAndWait(fixture, Self.cleanFlow, extra: ["--wait-timeout", "1s"])
    #expect(result.status == 13)
    let resume = "celigo jobs watch \(jobId)"
    #expect(
      result.stderr == "celigo: stopped waiting after 1s: flow job \(jobId) is still queued and the run goes on;"
        + " resume with '\(resume)'\n")
    #expect(result.stdout.hasSuffix("\nStopped waiting after 1s; flow job \(jobId) is still queued.\n"))
    #expect(fixture.requests("PUT", "/v1/jobs/").isEmpty)

    let resumed = try await fixture.run(Array(resume.split(separator: " ").dropFirst().map(String.init)))
    #expect(resumed.status == 0)
    #expect(resumed.stderr == "")
    #expect(resumed.stdout.split(separator: "\n").last.map(normalized)?.hasPrefix("Flow job \(jobId) completed in <t>:") == true)
  }

  @Test func jsonPrintsOneEventPerLine() async throws {
    let fixture = try EmulatorFixture()
    let (flowId, _) = flow(fixture, Self.recordErrorFlow)
    let result = try await fixture.run(["--format", "json", "flows", "run", flowId, "--wait"])
    #expect(result.status == 10)
    let events = try result.stdout.split(separator: "\n").map { try JSONValue.parse(String($0)) }
    let jobId = events.first?["jobId"]?.stringValue ?? "missing"
    #expect(events.first == ["event": "started", "jobId": .string(jobId), "flowId": .string(flowId)])
    #expect(events.last?["event"] == "finished")
    #expect(events.last?["status"] == "completed")
    #expect(events.last?["numError"] == 2)
    #expect(events.last?["exitCode"] == 10)
    let jobEvents = events.dropFirst().dropLast()
    #expect(jobEvents.allSatisfy { $0["event"] == "job" })
    #expect(jobEvents.allSatisfy { $0["job"]?["_id"] != nil })
    let family = try await fixture.fetch("/v1/jobs/\(jobId)/family")
    let ids = Set([jobId] + (family?["children"]?.arrayValue ?? []).compactMap { $0["_id"]?.stringValue })
    #expect(Set(jobEvents.compactMap { $0["job"]?["_id"]?.stringValue }) == ids)
  }

  @Test func invalidWaitTimeoutSendsNothing() async throws {
    let fixture = try EmulatorFixture()
    let (flowId, _) = flow(fixture, Self.cleanFlow)
    let result = try await fixture.run(["flows", "run", flowId, "--wait-timeout", "soon"])
    #expect(result.status == 2)
    #expect(result.stderr == "celigo: invalid --wait-timeout 'soon': expected a duration from 1 second to 7 days, such as 90s, 30m or 1h\n")
    #expect(fixture.emulator.requests.isEmpty)
    let huge = try await fixture.run(["flows", "run", flowId, "--wait-timeout", "1e300"])
    #expect(huge.status == 2)
    #expect(fixture.emulator.requests.isEmpty)
  }
}
