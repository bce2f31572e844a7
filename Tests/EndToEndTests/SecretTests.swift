import CeligoEmulator
import CeligoKit
import Foundation
import Testing

/// The API token: read without echo by `login`, stored in a private file,
/// sent only over https or loopback, and never printed.
@Suite struct SecretTests {
  static let prompt = "API token for profile 'default': "

  /// The fixture's environment without a token, as before a first login.
  func loginEnvironment(_ fixture: EmulatorFixture) -> [String: String] {
    var environment = fixture.environment
    environment["CELIGO_API_TOKEN"] = nil
    return environment
  }

  static func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  @Test func loginWritesPrivateConfig() async throws {
    let fixture = try EmulatorFixture { $0.token = "login-secret-51c2" }
    let path = fixture.home + "/new/celigo.json"
    let result = try await CeligoProcess.run(
      ["login", "--config", path], environment: loginEnvironment(fixture), input: "login-secret-51c2\n")
    #expect(result.status == 0)
    let user = try #require(try await fixture.fetch("/v1/tokenInfo")?["_userId"]?.stringValue)
    #expect(result.stdout == "Saved the token of user \(user) as profile 'default' in \(path)\n")
    #expect(result.stderr == Self.prompt)
    #expect(try Self.mode(path) == 0o600)
    let saved = try JSONValue.parse(try #require(FileManager.default.contents(atPath: path)))
    #expect(saved["defaultProfile"] == "default")
    #expect(saved["profiles"]?["default"]?["apiToken"] == "login-secret-51c2")
    #expect(saved["profiles"]?["default"]?["baseUrl"]?.stringValue == fixture.emulator.baseURL)
    #expect(fixture.requests("GET", "/v1/tokenInfo").count == 2)

    // The saved profile works without CELIGO_API_TOKEN.
    let listed = try await CeligoProcess.run(
      ["--config", path, "tags", "list"], environment: loginEnvironment(fixture))
    #expect(listed.status == 0)
    #expect(listed.stderr.isEmpty)
  }

  @Test func loginCreatesNamedProfiles() async throws {
    let fixture = try EmulatorFixture()
    let path = fixture.home + "/.config/celigo/config.json"
    for profile in ["sandbox", "ci"] {
      let result = try await CeligoProcess.run(
        ["login", "--profile", profile], environment: loginEnvironment(fixture), input: fixture.token + "\n")
      #expect(result.status == 0, "login --profile \(profile): \(result.stderr)")
    }
    let saved = try JSONValue.parse(try #require(FileManager.default.contents(atPath: path)))
    #expect(saved["defaultProfile"] == "sandbox")
    #expect(saved["profiles"]?["ci"]?["apiToken"]?.stringValue == fixture.token)
    #expect(try Self.mode(path) == 0o600)
    let listed = try await CeligoProcess.run(["--profile", "ci", "tags", "list"], environment: loginEnvironment(fixture))
    #expect(listed.status == 0)
    let unknown = try await CeligoProcess.run(["--profile", "nope", "tags", "list"], environment: loginEnvironment(fixture))
    #expect(unknown.status == 3)
    #expect(unknown.stderr == "celigo: profile 'nope' not found in \(path); known profiles: ci, sandbox\n")
  }

  @Test func loginWrongTokenWritesNothing() async throws {
    let fixture = try EmulatorFixture { $0.token = "login-secret-51c2" }
    let path = fixture.home + "/celigo.json"
    let result = try await CeligoProcess.run(
      ["login", "--config", path], environment: loginEnvironment(fixture), input: "wrong-secret-9d\n")
    #expect(result.status == 3)
    #expect(
      result.stderr
        == Self.prompt + "celigo: authentication failed (401 unauthorized): the API token was rejected;"
        + " run 'celigo login' or set CELIGO_API_TOKEN to a valid token\n")
    #expect(result.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(fixture.requests("GET", "/v1/tokenInfo").map(\.status) == [401])
  }

  @Test func loginWithoutInputSendsNothing() async throws {
    let fixture = try EmulatorFixture()
    let path = fixture.home + "/celigo.json"
    let result = try await CeligoProcess.run(
      ["login", "--config", path], environment: loginEnvironment(fixture), input: "")
    #expect(result.status == 2)
    #expect(result.stderr == Self.prompt + "celigo: no token entered: type or pipe the API token on standard input\n")
    #expect(fixture.emulator.requests.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func readableConfigWarns() async throws {
    let fixture = try EmulatorFixture()
    let path = fixture.home + "/shared.json"
    let document = #"{"defaultProfile":"ops","profiles":{"ops":{"apiToken":"\#(fixture.token)","baseUrl":"\#(fixture.emulator.baseURL)"}}}"#
    try document.write(toFile: path, atomically: true, encoding: .utf8)
    for (mode, warned) in [(0o644, true), (0o640, true), (0o600, false)] {
      chmod(path, mode_t(mode))
      let result = try await CeligoProcess.run(
        ["--config", path, "tags", "list"], environment: loginEnvironment(fixture))
      #expect(result.status == 0)
      let warning =
        "warning: config file \(path) is readable by other users (mode \(String(mode, radix: 8)));"
        + " run 'chmod 600 \(path)'\n"
      #expect(result.stderr == (warned ? warning : ""), "mode \(String(mode, radix: 8))")
    }
  }

  @Test(arguments: ["http://api.integrator.io", "http://127.0.0.1.example.com:8080", "http://10.0.0.5"])
  func plainHTTPRejected(_ baseURL: String) async throws {
    let fixture = try EmulatorFixture()
    let result = try await fixture.run(["tags", "list"], extra: ["CELIGO_BASE_URL": baseURL])
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "celigo: base URL '\(baseURL)' is not https: plain http is allowed only for loopback hosts"
        + " (127.0.0.1, localhost, ::1)\n")
    #expect(fixture.emulator.requests.isEmpty)
  }

  @Test func tokenAbsentFromVerboseSession() async throws {
    let token = "secret-token-3f9a7c"
    let fixture = try EmulatorFixture {
      $0.token = token
      $0.serverErrorEvery = 5
      $0.dropConnectionEvery = 7
      $0.malformedBodyEvery = 11
    }
    let flow = try #require(fixture.emulator.records("flows").first { $0["disabled"] == false }?["_id"]?.stringValue)
    let disabled = try #require(fixture.emulator.records("flows").first { $0["disabled"] == true }?["_id"]?.stringValue)
    let tag = try #require(fixture.emulator.records("tags").first?["_id"]?.stringValue)
    let missing = "0123456789abcdef01234567"
    let commands: [[String]] = [
      ["integrations", "list"], ["--format", "json", "integrations", "list"], ["flows", "list"],
      ["flows", "get", flow], ["flows", "errors", flow], ["flows", "run", flow], ["flows", "run", disabled], ["jobs", "list"],
      ["connections", "list"], ["tags", "list"], ["tags", "get", tag], ["tags", "create", "from-test"],
      ["users", "list"], ["caches", "list"], ["flows", "get", missing], ["jobs", "cancel", missing],
      ["tags", "delete", tag], ["flows", "get", "not-an-id"], ["jobs", "list", "--since", "yesterday"],
      ["--timeout", "0.001", "integrations", "list"], ["integrations", "list", "--help"],
    ]
    var outputs = ""
    var statuses: Set<Int32> = []
    for arguments in commands {
      let result = try await fixture.run(["--verbose"] + arguments)
      outputs += result.stdout + result.stderr
      statuses.insert(result.status)
    }
    let wrong = try await fixture.run(["--verbose", "integrations", "list"], extra: ["CELIGO_API_TOKEN": "wrong-secret-77"])
    outputs += wrong.stdout + wrong.stderr
    let login = try await CeligoProcess.run(
      ["--verbose", "login", "--config", fixture.home + "/login.json"], environment: loginEnvironment(fixture),
      input: token + "\n")
    outputs += login.stdout + login.stderr

    #expect(outputs.contains("* GET http://127.0.0.1"))
    #expect(outputs.contains("after status 503"))
    // The session succeeds, fails in the API, fails on bad input and on a
    // missing record.
    #expect(statuses.isSuperset(of: [0, 1, 2, 4]), "\(statuses)")
    #expect(login.status == 0)
    #expect(!outputs.contains(token))
    #expect(!outputs.contains("wrong-secret-77"))
  }
}
