import CeligoEmulator
import CeligoKit
import Foundation
import Testing

@Suite struct ServerTests {
  @Test func tokenInfoReturnsUser() async throws {
    let server = try TestServer()
    let info = try await server.getJSON("/v1/tokenInfo")
    #expect(info["scope"] == "*")
    #expect(info["_userId"]?.stringValue?.count == 24)
  }

  @Test func missingTokenIsRejected() async throws {
    let server = try TestServer()
    let response = try await server.send("GET", "/v1/integrations", token: nil)
    #expect(response.status == 401)
    #expect(response.json?["errors"]?.arrayValue?.first?["code"] == "unauthorized")
    let wrong = try await server.send("GET", "/v1/integrations", token: "nope")
    #expect(wrong.status == 401)
    #expect(server.emulator.requests.map(\.status) == [401, 401])
  }
}
