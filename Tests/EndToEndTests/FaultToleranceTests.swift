import CeligoEmulator
import CeligoKit
import Foundation
import Testing

/// What the client does under each fault the emulator injects: how often it
/// sends the request, the exit code, and the whole message.
@Suite struct FaultToleranceTests {
  static let reachAdvice = "; check the network, --base-url or --region\n"

  @Test func droppedGetRetriesThenExitsFive() async throws {
    let fixture = try EmulatorFixture { $0.dropConnectionEvery = 1 }
    let result = try await fixture.run(["integrations", "list"])
    #expect(result.status == 5)
    #expect(
      result.stderr.hasPrefix(
        "celigo: cannot reach the API: GET \(fixture.emulator.baseURL)/v1/integrations failed"
          + " on all 4 attempts (transfer closed with "))
    #expect(result.stderr.hasSuffix(" bytes remaining to read)" + Self.reachAdvice))
    #expect(fixture.requests("GET", "/v1/integrations").count == 4)
    #expect(result.stdout.isEmpty)
  }

  @Test func droppedGetRecoversOnRetry() async throws {
    let fixture = try EmulatorFixture { $0.dropConnectionEvery = 2 }
    let first = try await fixture.run(["--format", "json", "tags", "list"])
    #expect(first.status == 0)
    let second = try await fixture.run(["--format", "json", "tags", "list"])
    #expect(second.status == 0)
    #expect(second.stdout == first.stdout)
    #expect(fixture.requests("GET", "/v1/tags").map(\.status) == [200, 0, 200])
  }

  @Test func droppedPostIsNotRepeated() async throws {
    let fixture = try EmulatorFixture { $0.dropConnectionEvery = 1 }
    let result = try await fixture.run(["tags", "create", "dropped-tag"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("celigo: POST /v1/tags failed in flight (transfer closed with "))
    #expect(
      result.stderr.hasSuffix(
        " bytes remaining to read), so it may or may not have taken effect;"
          + " check the state with 'celigo tags list' before running it again\n"))
    #expect(fixture.requests("POST", "/v1/tags").count == 1)
    #expect(fixture.emulator.records("tags").filter { $0["tag"] == "dropped-tag" }.count == 1)
  }

  @Test func droppedDeleteReplyIsNoCrash() async throws {
    // The first request reads the tag; the second, the DELETE, loses its
    // connection halfway through the 204 reply's headers.
    let fixture = try EmulatorFixture { $0.dropConnectionEvery = 2 }
    let tag = try #require(fixture.emulator.records("tags").first)
    let id = try #require(tag["_id"]?.stringValue)
    let name = try #require(tag["tag"]?.stringValue)
    let result = try await fixture.run(["tags", "delete", id, "--yes"])
    #expect(result.status == 0)
    #expect(result.stdout == "Deleted tag \(id) '\(name)'\n")
    #expect(result.stderr.isEmpty)
    #expect(fixture.requests("DELETE", "/v1/tags/\(id)").map(\.status) == [0])
    #expect(!fixture.emulator.records("tags").contains { $0["_id"]?.stringValue == id })
  }

  @Test func failedBatchReportsEarlierBatches() async throws {
    // The second write stalls: the first batch of 1000 is resolved, the
    // second times out.
    let fixture = try EmulatorFixture {
      $0.bulkErrors = 1500
      $0.stallWriteEvery = 2
    }
    let flow = "40d6824e2ef3fc17879e2e22"
    let step = "3c821fbf59108163a7ff0d38"
    let open = fixture.emulator.openErrors(flowId: flow, stepId: step).count
    #expect(open > 1000)
    #expect(open <= 2000)
    let result = try await fixture.run(
      ["--timeout", "2", "errors", "resolve", "--flow", flow, "--import", step, "--all", "--yes"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("celigo: PUT /v1/flows/\(flow)/\(step)/resolved failed in flight (timed out)"))
    #expect(result.stderr.hasSuffix("; before that failure, 1000 of \(open) errors were resolved\n"))
    #expect(fixture.requests("PUT", "/v1/flows/\(flow)/\(step)/resolved").count == 2)
    #expect(result.stdout.isEmpty)
  }

  @Test func serverErrorsOnGetExitOne() async throws {
    let fixture = try EmulatorFixture { $0.serverErrorEvery = 1 }
    let result = try await fixture.run(["integrations", "list"])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "celigo: GET /v1/integrations failed (503 service_unavailable): The service is"
        + " temporarily unavailable (injected fault). Retry the request.\n")
    #expect(fixture.requests("GET", "/v1/integrations").count == 4)
  }

  @Test func serverErrorOnGetRecovers() async throws {
    let fixture = try EmulatorFixture { $0.serverErrorEvery = 2 }
    _ = try await fixture.run(["tags", "list"])
    let result = try await fixture.run(["--verbose", "tags", "list"])
    #expect(result.status == 0)
    #expect(result.stderr.contains("after status 503"))
    #expect(fixture.requests("GET", "/v1/tags").map(\.status) == [200, 503, 200])
  }

  @Test func serverErrorOnPostIsNotRepeated() async throws {
    let fixture = try EmulatorFixture { $0.serverErrorEvery = 1 }
    let result = try await fixture.run(["tags", "create", "unlucky"])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "celigo: POST /v1/tags failed (503 service_unavailable): The service is temporarily"
        + " unavailable (injected fault). Retry the request; the change may or may not have"
        + " taken effect, so check the state with 'celigo tags list' before running the command again\n")
    #expect(fixture.requests("POST", "/v1/tags").count == 1)
  }

  @Test func htmlBadGatewayIsNamed() async throws {
    let fixture = try EmulatorFixture { $0.htmlErrorEvery = 1 }
    let result = try await fixture.run(["integrations", "list"])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "celigo: GET /v1/integrations failed (502): the server sent an HTML page titled"
        + " '502 Bad Gateway' instead of the API's JSON error\n")
    #expect(fixture.requests("GET", "/v1/integrations").count == 4)
  }

  @Test func truncatedJSONIsInvalidResponse() async throws {
    let fixture = try EmulatorFixture { $0.malformedBodyEvery = 1 }
    let result = try await fixture.run(["integrations", "list"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("celigo: invalid response to GET /v1/integrations: invalid JSON at byte "))
    #expect(result.stderr.hasSuffix(" (after 4 attempts)\n"))
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(fixture.requests("GET", "/v1/integrations").count == 4)
    #expect(result.stdout.isEmpty)
  }

  @Test func truncatedJSONOnGetRecovers() async throws {
    let fixture = try EmulatorFixture { $0.malformedBodyEvery = 2 }
    let first = try await fixture.run(["--format", "json", "tags", "list"])
    #expect(first.status == 0)
    let second = try await fixture.run(["--verbose", "--format", "json", "tags", "list"])
    #expect(second.status == 0)
    #expect(second.stdout == first.stdout)
    #expect(second.stderr.contains("* retrying GET /v1/tags in "))
    #expect(second.stderr.contains(" after: invalid JSON at byte "))
    #expect(fixture.requests("GET", "/v1/tags").count == 3)
  }

  @Test func truncatedJSONAfterPostIsNotRepeated() async throws {
    let fixture = try EmulatorFixture { $0.malformedBodyEvery = 1 }
    let result = try await fixture.run(["tags", "create", "half-answered"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("celigo: invalid response to POST /v1/tags: invalid JSON at byte "))
    #expect(
      result.stderr.hasSuffix(
        ". The server answered 201, so the change took effect; check the state with 'celigo tags list'"
          + " before running the command again\n"))
    #expect(fixture.requests("POST", "/v1/tags").count == 1)
    #expect(fixture.emulator.records("tags").filter { $0["tag"] == "half-answered" }.count == 1)
  }

  @Test func rateLimitStormOutlastsRetries() async throws {
    let fixture = try EmulatorFixture {
      $0.rateLimitStorm = 100
      $0.stormRetryAfter = 0
    }
    let result = try await fixture.run(["integrations", "list"])
    #expect(result.status == 5)
    #expect(
      result.stderr
        == "celigo: rate limited: GET /v1/integrations was answered 429 on all 6 attempts;"
        + " wait a minute and run the command again\n")
    #expect(fixture.requests("GET", "/v1/integrations").count == 6)
  }

  @Test func rateLimitStormHonoursRetryAfter() async throws {
    let fixture = try EmulatorFixture {
      $0.rateLimitStorm = 2
      $0.stormRetryAfter = 1
    }
    let result = try await fixture.run(["--verbose", "tags", "create", "patient"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("Created tag "))
    // Retry-After: 1 plus up to 0.1 s of jitter, printed to one decimal.
    let waits = result.stderr.split(separator: "\n").filter { $0.hasPrefix("* retrying POST /v1/tags in ") }
    #expect(waits.count == 2)
    #expect(waits.allSatisfy { $0.hasSuffix("in 1.0 s after status 429") || $0.hasSuffix("in 1.1 s after status 429") })
    #expect(fixture.requests("POST", "/v1/tags").map(\.status) == [429, 429, 201])
  }

  @Test func timedOutRunIsNotSentTwice() async throws {
    let fixture = try EmulatorFixture { $0.stallWriteEvery = 1 }
    let flow = try #require(fixture.emulator.records("flows").first { $0["disabled"] == false }?["_id"]?.stringValue)
    let jobsBefore = fixture.emulator.records("jobs").count
    let result = try await fixture.run(["--timeout", "1", "flows", "run", flow])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "celigo: POST /v1/flows/\(flow)/run failed in flight (timed out), so it may or may not"
        + " have taken effect; check the state with 'celigo flows jobs-latest \(flow)' before running it again\n")
    #expect(fixture.requests("POST", "/v1/flows/\(flow)/run").count == 1)
    #expect(fixture.emulator.records("jobs").count > jobsBefore)
  }

  @Test func slowGetTimesOutAfterRetries() async throws {
    // A timeout well above connection time, so each attempt reaches the
    // server even on a loaded machine, and a latency well above the timeout.
    let fixture = try EmulatorFixture { $0.latencyMilliseconds = 3000 }
    let result = try await fixture.run(["--timeout", "1", "tags", "list"])
    #expect(result.status == 5)
    #expect(
      result.stderr
        == "celigo: cannot reach the API: GET \(fixture.emulator.baseURL)/v1/tags failed on all 4 attempts"
        + " (timed out)" + Self.reachAdvice)
    // The slow server responds to each attempt after the client gave up on it.
    for _ in 0..<200 where fixture.requests("GET", "/v1/tags").count < 4 {
      try await Task.sleep(nanoseconds: 50_000_000)
    }
    #expect(fixture.requests("GET", "/v1/tags").count == 4)
  }
}
