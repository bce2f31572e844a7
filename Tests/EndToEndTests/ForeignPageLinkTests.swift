import CeligoKit
import Foundation
import Testing

@testable import CeligoEmulator

/// A server whose list links its next page to a second server: the client
/// must not follow the link, so that the token never reaches that server.
@Suite struct ForeignPageLinkTests {
  final class RequestCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
  }

  @Test func linkToOtherServerIsNotFollowed() async throws {
    let foreignRequests = RequestCount()
    let foreign = HTTPServer { _ in
      foreignRequests.increment()
      return HTTPResponse.json(.array([]))
    }
    try foreign.start(port: 0)
    defer { foreign.stop() }
    let nextPage = "http://localhost:\(foreign.port)/v1/tags?page=2"
    let api = HTTPServer { _ in
      HTTPResponse.json(
        .array([.object([("_id", .string("5a3488df7830d537b7f0ee4a")), ("tag", .string("first"))])]),
        headers: [("Link", "<\(nextPage)>; rel=\"next\"")])
    }
    try api.start(port: 0)
    defer { api.stop() }

    let home = CeligoProcess.scratchHome()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let baseURL = "http://127.0.0.1:\(api.port)"
    let result = try await CeligoProcess.run(
      ["tags", "list"], environment: CeligoProcess.environment(baseURL: baseURL, token: "page-token", home: home))

    #expect(result.status == 1)
    #expect(
      result.stderr
        == "celigo: invalid response to GET /v1/tags: the next page is on another server"
        + " (http://localhost:\(foreign.port)) than the base URL \(baseURL); celigo does not send the token there\n")
    #expect(foreignRequests.count == 0)
  }
}
