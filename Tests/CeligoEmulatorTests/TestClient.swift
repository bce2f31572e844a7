import CeligoEmulator
import CeligoKit
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A response as the tests see it.
struct TestResponse {
  let status: Int
  let headers: [String: String]
  let body: Data

  var json: JSONValue? { try? JSONValue.parse(Array(body)) }
  var text: String { String(decoding: body, as: UTF8.self) }

  /// Returns the header, compared case-insensitively.
  func header(_ name: String) -> String? {
    headers.first(where: { $0.key.lowercased() == name.lowercased() })?.value
  }

  /// The `rel="next"` URL of the `Link` header.
  var nextLink: String? {
    guard let link = header("Link"), let start = link.firstIndex(of: "<"), let end = link.firstIndex(of: ">"),
      link.contains("rel=\"next\"")
    else { return nil }
    return String(link[link.index(after: start)..<end])
  }
}

/// An emulator started on a free port, with a URLSession client for it.
final class TestServer: @unchecked Sendable {
  let emulator: Emulator
  let session: URLSession

  init(configure: (inout EmulatorOptions) -> Void = { _ in }) throws {
    var options = EmulatorOptions()
    options.rateLimit = false
    configure(&options)
    emulator = Emulator(options: options)
    try emulator.start()
    session = URLSession(configuration: .ephemeral)
  }

  deinit {
    emulator.stop()
  }

  /// Sends a request to a `/v1/…` path or an absolute URL.
  func send(
    _ method: String, _ path: String, body: JSONValue? = nil, token: String? = "celigo-demo-token",
    contentType: String = "application/json", rawBody: Data? = nil
  ) async throws -> TestResponse {
    let address = path.hasPrefix("http") ? path : emulator.baseURL + path
    guard let url = URL(string: address) else { throw URLError(.badURL) }
    var request = URLRequest(url: url)
    request.httpMethod = method
    if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
    if let body {
      request.httpBody = Data(body.serialized().utf8)
      request.setValue(contentType, forHTTPHeaderField: "Content-Type")
    } else if let rawBody {
      request.httpBody = rawBody
      request.setValue(contentType, forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await session.data(for: request)
    guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
    var headers: [String: String] = [:]
    for (key, value) in http.allHeaderFields {
      headers["\(key)"] = "\(value)"
    }
    return TestResponse(status: http.statusCode, headers: headers, body: data)
  }

  /// Returns the JSON body of a GET that must return 200.
  func getJSON(_ path: String) async throws -> JSONValue {
    let response = try await send("GET", path)
    guard response.status == 200, let json = response.json else {
      throw TestFailure("GET \(path) returned \(response.status): \(response.text)")
    }
    return json
  }

  /// Returns the first record of a collection with the given name.
  func named(_ collection: String, _ name: String) throws -> JSONValue {
    guard let found = emulator.records(collection).first(where: { $0["name"]?.stringValue == name }) else {
      throw TestFailure("no \(collection) record named \(name)")
    }
    return found
  }
}

struct TestFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

extension JSONValue {
  /// The `_id` field, or an empty string.
  var id: String { self["_id"]?.stringValue ?? "" }
}
