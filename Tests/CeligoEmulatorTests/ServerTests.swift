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

@Suite struct RequestCheckTests {
  @Test func wrongContentTypeIs415() async throws {
    let server = try TestServer()
    let response = try await server.send("POST", "/v1/tags", contentType: "text/plain", rawBody: Data("tag=x".utf8))
    #expect(response.status == 415)
    #expect(response.json?["errors"]?.arrayValue?.first?["code"] == "unsupported_media_type")
  }

  @Test func malformedJSONIs400() async throws {
    let server = try TestServer()
    let response = try await server.send("POST", "/v1/tags", rawBody: Data("{\"tag\":".utf8))
    #expect(response.status == 400)
    #expect(response.json?["errors"]?.arrayValue?.first?["code"] == "invalid_json")
  }

  @Test func unknownRouteAndIdAre404() async throws {
    let server = try TestServer()
    let route = try await server.send("GET", "/v1/nothing/here")
    #expect(route.status == 404)
    #expect(route.json?["errors"]?.arrayValue?.first?["code"] == "not_found")
    let record = try await server.send("GET", "/v1/flows/000000000000000000000000")
    #expect(record.status == 404)
    #expect(record.header("Content-Type") == "application/json; charset=utf-8")
  }

  @Test func emptyBucketGives429() async throws {
    let server = try TestServer { $0.rateLimit = true }
    server.emulator.setRateLimitTokens(0)
    let response = try await server.send("GET", "/v1/integrations")
    #expect(response.status == 429)
    #expect(response.json?["errors"]?.arrayValue?.first?["code"] == "rate_limited")
    let wait = Int(response.header("Retry-After") ?? "")
    #expect((wait ?? 0) >= 1)
  }

  @Test func bucketRefillsAfterRetryAfter() async throws {
    let server = try TestServer { $0.rateLimit = true }
    server.emulator.setRateLimitTokens(0)
    let limited = try await server.send("GET", "/v1/tokenInfo")
    #expect(limited.status == 429)
    let wait = Int(limited.header("Retry-After") ?? "") ?? 1
    try await Task.sleep(for: .milliseconds(wait * 1000 + 200))
    let retried = try await server.send("GET", "/v1/tokenInfo")
    #expect(retried.status == 200)
  }

  @Test func keepAliveServesTwoRequests() throws {
    let server = try TestServer()
    let socket = try RawSocket(port: server.emulator.port)
    let request = "GET /v1/tokenInfo HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer celigo-demo-token\r\n\r\n"
    try socket.write(request + request)
    let text = try socket.read(until: { $0.components(separatedBy: "HTTP/1.1 200 OK").count == 3 })
    #expect(text.components(separatedBy: "\"scope\":\"*\"").count == 3)
    try socket.write("GET /v1/tokenInfo HTTP/1.1\r\nAuthorization: Bearer celigo-demo-token\r\nConnection: close\r\n\r\n")
    let last = try socket.read(until: { _ in false })
    #expect(last.contains("Connection: close"))
    #expect(server.emulator.requests.count == 3)
  }

  @Test func chunkedBodyIs411() throws {
    let server = try TestServer()
    let socket = try RawSocket(port: server.emulator.port)
    try socket.write("POST /v1/tags HTTP/1.1\r\nAuthorization: Bearer celigo-demo-token\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\"}\r\n0\r\n\r\n")
    let text = try socket.read(until: { $0.contains("\r\n\r\n{") && $0.hasSuffix("}") })
    #expect(text.hasPrefix("HTTP/1.1 411"))
    #expect(text.contains("length_required"))
  }

  @Test func serverSurvivesDroppedClients() async throws {
    let server = try TestServer()
    for _ in 0..<5 {
      let socket = try RawSocket(port: server.emulator.port)
      try socket.write("POST /v1/tags HTTP/1.1\r\nAuthorization: Bearer celigo-demo-token\r\nContent-Length: 500\r\n\r\n{\"tag\"")
    }
    let garbage = try RawSocket(port: server.emulator.port)
    try garbage.write("NOT-HTTP\r\n\r\n")
    #expect(try garbage.read(until: { _ in false }).hasPrefix("HTTP/1.1 400"))
    let info = try await server.send("GET", "/v1/tokenInfo")
    #expect(info.status == 200)
  }

  @Test func parallelRequestsAllSucceed() async throws {
    let server = try TestServer()
    let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<40 {
        group.addTask { try await server.send("GET", "/v1/integrations").status }
      }
      return try await group.reduce(into: [Int]()) { $0.append($1) }
    }
    #expect(statuses == Array(repeating: 200, count: 40))
    #expect(server.emulator.requests.count == 40)
  }

  @Test func queryIsPercentDecoded() async throws {
    let server = try TestServer()
    _ = try await server.send("GET", "/v1/flows?_integrationId=a%20b&x=1+2")
    let recorded = try #require(server.emulator.requests.last)
    #expect(recorded.query.map(\.0) == ["_integrationId", "x"])
    #expect(recorded.query.map(\.1) == ["a b", "1 2"])
  }
}

@Suite struct ProtocolTests {
  @Test func expectContinueGetsInterimResponse() throws {
    let server = try TestServer()
    let socket = try RawSocket(port: server.emulator.port)
    let body = #"{"tag":"from-curl"}"#
    try socket.write("POST /v1/tags HTTP/1.1\r\nAuthorization: Bearer celigo-demo-token\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nExpect: 100-continue\r\n\r\n")
    let interim = try socket.read(until: { $0.hasSuffix("\r\n\r\n") })
    #expect(interim == "HTTP/1.1 100 Continue\r\n\r\n")
    try socket.write(body)
    let final = try socket.read(until: { $0.contains("from-curl") })
    #expect(final.hasPrefix("HTTP/1.1 201 Created"))
  }

  @Test func http10ClosesByDefault() throws {
    let server = try TestServer()
    let socket = try RawSocket(port: server.emulator.port)
    try socket.write("GET /v1/tokenInfo HTTP/1.0\r\nAuthorization: Bearer celigo-demo-token\r\n\r\n")
    let text = try socket.read(until: { _ in false })
    #expect(text.hasPrefix("HTTP/1.1 200 OK"))
    #expect(text.contains("Connection: close"))
  }
}

@Suite struct FaultTests {
  @Test func serverErrorEveryThirdRequest() async throws {
    let server = try TestServer { $0.serverErrorEvery = 3 }
    var statuses: [Int] = []
    for _ in 0..<6 {
      statuses.append(try await server.send("GET", "/v1/tokenInfo").status)
    }
    #expect(statuses == [200, 200, 503, 200, 200, 503])
  }

  @Test func malformedBodyIsCut() async throws {
    let server = try TestServer { $0.malformedBodyEvery = 1 }
    let response = try await server.send("GET", "/v1/integrations")
    #expect(response.status == 200)
    #expect(response.json == nil)
    #expect(!response.body.isEmpty)
  }

  @Test func droppedConnectionCutsResponse() throws {
    let server = try TestServer { $0.dropConnectionEvery = 2 }
    let socket = try RawSocket(port: server.emulator.port)
    let request = "GET /v1/tokenInfo HTTP/1.1\r\nAuthorization: Bearer celigo-demo-token\r\n\r\n"
    try socket.write(request + request)
    let text = try socket.read(until: { _ in false })
    let responses = text.components(separatedBy: "HTTP/1.1 200 OK")
    #expect(responses.count == 3)
    #expect(responses[2].count < responses[1].count)
    #expect(server.emulator.requests.map(\.status) == [200, 0])
    #expect(server.emulator.requests.map(\.fault) == [nil, .dropConnection])
  }
}
