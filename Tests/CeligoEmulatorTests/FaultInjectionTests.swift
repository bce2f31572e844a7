import CeligoEmulator
import CeligoKit
import Foundation
import Testing

/// The faults the emulator injects on request, as a plain HTTP client sees
/// them.
@Suite struct FaultInjectionTests {
  @Test func htmlErrorIsBadGatewayPage() async throws {
    let server = try TestServer { $0.htmlErrorEvery = 1 }
    let response = try await server.send("GET", "/v1/integrations")
    #expect(response.status == 502)
    #expect(response.header("Content-Type") == "text/html")
    #expect(response.text.contains("<title>502 Bad Gateway</title>"))
    #expect(server.emulator.requests.map(\.fault) == [.htmlError])
  }

  @Test func rateLimitStormEndsAfterCount() async throws {
    let server = try TestServer {
      $0.rateLimitStorm = 2
      $0.stormRetryAfter = 7
    }
    var statuses: [Int] = []
    var waits: [String?] = []
    for _ in 0..<3 {
      let response = try await server.send("GET", "/v1/tokenInfo")
      statuses.append(response.status)
      waits.append(response.header("Retry-After"))
    }
    #expect(statuses == [429, 429, 200])
    #expect(waits == ["7", "7", nil])
  }

  @Test func stalledWriteIsAppliedUnanswered() async throws {
    let server = try TestServer { $0.stallWriteEvery = 1 }
    let socket = try RawSocket(port: server.emulator.port)
    let body = #"{"tag":"stalled"}"#
    try socket.write(
      "POST /v1/tags HTTP/1.1\r\nAuthorization: Bearer celigo-demo-token\r\n"
        + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
    // The server records the request after applying it, before it goes silent.
    while server.emulator.requests.isEmpty { try await Task.sleep(nanoseconds: 10_000_000) }
    socket.closeWrite()
    let text = try socket.read(until: { _ in false })
    #expect(text.isEmpty)
    #expect(server.emulator.requests.map(\.status) == [0])
    #expect(server.emulator.requests.map(\.fault) == [.stall])
    #expect(server.emulator.records("tags").contains { $0["tag"] == "stalled" })
  }

  @Test func faultRateFollowsSeed() async throws {
    func faults(seed: UInt64) async throws -> [Fault?] {
      let server = try TestServer {
        $0.faultRate = 0.3
        $0.seed = seed
        $0.randomFaults = [.serverError, .htmlError]
      }
      for _ in 0..<40 { _ = try await server.send("GET", "/v1/tokenInfo") }
      return server.emulator.requests.map(\.fault)
    }
    let first = try await faults(seed: 5)
    let second = try await faults(seed: 5)
    #expect(first == second)
    #expect(first.contains(.serverError))
    #expect(first.contains(.htmlError))
    #expect(first.contains(nil))
  }
}
