import CeligoEmulator
import CeligoKit
import Foundation
import Testing

/// Exit codes and messages for the ways a command fails, and the token
/// staying out of every output.
@Suite(.serialized) struct FailureTests {
  @Test func unknownIdExitsFour() async throws {
    let fixture = try EmulatorFixture()
    let result = try await fixture.run(["flows", "get", "0123456789abcdef01234567"])
    #expect(result.status == 4)
    #expect(result.stderr == "celigo: flow 0123456789abcdef01234567 not found (404): check the ID with 'celigo flows list'\n")
  }

  @Test func unknownStepNamesTheStep() async throws {
    let fixture = try EmulatorFixture()
    let flow = "40d6824e2ef3fc17879e2e22"
    let result = try await fixture.run(["errors", "list", "--flow", flow, "--import", "0123456789abcdef01234567"])
    #expect(result.status == 4)
    #expect(
      result.stderr
        == "celigo: not found (404): Step 0123456789abcdef01234567 of flow \(flow) not found;"
        + " check the IDs with 'celigo flows descendants \(flow)'\n")
    let run = try await fixture.run(["flows", "run", "0123456789abcdef01234567"])
    #expect(run.stderr == "celigo: flow 0123456789abcdef01234567 not found (404): check the ID with 'celigo flows list'\n")
  }

  @Test func wrongTokenExitsThree() async throws {
    let fixture = try EmulatorFixture()
    let result = try await fixture.run(["integrations", "list"], extra: ["CELIGO_API_TOKEN": "wrong-token"])
    #expect(result.status == 3)
    #expect(result.stderr.contains("run 'celigo login' or set CELIGO_API_TOKEN"))
  }

  @Test func missingTokenExitsThreeWithoutRequest() async throws {
    let fixture = try EmulatorFixture()
    var environment = fixture.environment
    environment["CELIGO_API_TOKEN"] = nil
    let result = try await CeligoProcess.run(["integrations", "list"], environment: environment)
    #expect(result.status == 3)
    #expect(result.stderr == "celigo: no API token for profile 'default': run 'celigo login' or set CELIGO_API_TOKEN\n")
    #expect(fixture.emulator.requests.isEmpty)
  }

  @Test func missingArgumentSendsNothing() async throws {
    let fixture = try EmulatorFixture()
    for arguments in [["flows", "get"], ["flows", "run"], ["jobs", "cancel"], ["jobs", "get", "xyz"], ["flows", "list", "--disabled", "maybe"]] {
      let result = try await fixture.run(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr.hasPrefix("celigo: "))
    }
    #expect(fixture.emulator.requests.isEmpty)
  }

  @Test func rateLimitIsWaitedOut() async throws {
    let fixture = try EmulatorFixture()
    fixture.emulator.setRateLimitTokens(0)
    let (output, result) = try await fixture.json(["integrations", "list", "--verbose"])
    #expect(output == .array(fixture.emulator.records("integrations")))
    let statuses = fixture.requests("GET", "/v1/integrations").map(\.status)
    #expect(statuses.first == 429)
    #expect(statuses.last == 200)
    #expect(result.stderr.contains("after status 429"))
  }

  @Test func plainHTTPIsRefusedForRemoteHosts() async throws {
    let home = CeligoProcess.scratchHome()
    let environment = CeligoProcess.environment(baseURL: "http://api.integrator.io", token: "t", home: home)
    let result = try await CeligoProcess.run(["integrations", "list"], environment: environment)
    #expect(result.status == 2)
    #expect(result.stderr.contains("plain http is allowed only for loopback hosts"))
  }

  @Test func tokenNeverPrinted() async throws {
    let fixture = try EmulatorFixture { $0.token = "secret-token-3f9a7c" }
    let flow = fixture.emulator.records("flows").first { $0["disabled"] == false }?["_id"]?.stringValue ?? ""
    var outputs = ""
    for arguments in [
      ["integrations", "list"], ["flows", "get", flow], ["flows", "run", flow], ["jobs", "list"],
      ["flows", "get", "0123456789abcdef01234567"], ["--format", "json", "connections", "list"],
    ] {
      let result = try await fixture.run(["--verbose"] + arguments)
      outputs += result.stdout + result.stderr
    }
    let wrong = try await fixture.run(["--verbose", "integrations", "list"], extra: ["CELIGO_API_TOKEN": "wrong-secret-77"])
    outputs += wrong.stdout + wrong.stderr
    #expect(outputs.contains("GET http://127.0.0.1"))
    #expect(!outputs.contains("secret-token-3f9a7c"))
    #expect(!outputs.contains("wrong-secret-77"))
  }

  @Test func fullDiskOutputFails() async throws {
    let fixture = try EmulatorFixture()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CeligoProcess.binary)
    process.arguments = ["flows", "list"]
    process.environment = fixture.environment
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 1)
    #expect(message == "celigo: cannot write the output: No space left on device\n")
  }
}
