import CeligoEmulator
import CeligoKit
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An emulator on a free loopback port plus a scratch HOME, and the means
/// to run `celigo` against them and to read the server's own answers.
final class EmulatorFixture {
  let emulator: Emulator
  let home: String
  let token: String

  init(configure: (inout EmulatorOptions) -> Void = { _ in }) throws {
    var options = EmulatorOptions()
    options.jobSpeed = 20
    configure(&options)
    token = options.token
    emulator = Emulator(options: options)
    try emulator.start()
    home = CeligoProcess.scratchHome()
  }

  deinit {
    emulator.stop()
    try? FileManager.default.removeItem(atPath: home)
  }

  var environment: [String: String] {
    CeligoProcess.environment(baseURL: emulator.baseURL, token: token, home: home)
  }

  /// Runs `celigo` with the fixture's base URL and token.
  func run(_ arguments: [String], input: String? = nil, extra: [String: String] = [:]) async throws -> ProcessResult {
    var environment = self.environment
    environment.merge(extra) { $1 }
    return try await CeligoProcess.run(arguments, environment: environment, input: input)
  }

  /// Runs `celigo --format json …` and parses stdout.
  func json(_ arguments: [String]) async throws -> (JSONValue, ProcessResult) {
    let result = try await run(["--format", "json"] + arguments)
    guard result.status == 0 else {
      throw FixtureError.failed("celigo \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
    }
    return (try JSONValue.parse(result.stdout), result)
  }

  /// Fetches a route straight from the emulator, following `Link` pages, as
  /// the ground truth a command's output must equal.
  func fetch(_ path: String, method: String = "GET", body: String? = nil) async throws -> JSONValue? {
    var next = URL(string: emulator.baseURL + path)
    var items: [JSONValue] = []
    var single: JSONValue?
    while let url = next {
      var request = URLRequest(url: url)
      request.httpMethod = method
      request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
      if let body { request.httpBody = Data(body.utf8) }
      let (data, response) = try await URLSession.shared.data(for: request)
      let http = response as? HTTPURLResponse
      next = (http?.value(forHTTPHeaderField: "Link")).flatMap(LinkHeader.nextURL(in:))
      if data.isEmpty { return items.isEmpty ? .array([]) : .array(items) }
      let value = try JSONValue.parse(data)
      if let page = value.arrayValue {
        items.append(contentsOf: page)
      } else {
        single = value
      }
    }
    return single ?? .array(items)
  }

  /// Requests the emulator received whose path starts with `prefix`.
  func requests(_ method: String, _ prefix: String) -> [RecordedRequest] {
    emulator.requests.filter { $0.method == method && $0.path.hasPrefix(prefix) }
  }
}

enum FixtureError: Error, CustomStringConvertible {
  case failed(String)
  var description: String {
    switch self {
    case .failed(let text): return text
    }
  }
}
