import CeligoEmulator
import CeligoKit
import Foundation
import Testing

@Suite struct ListTests {
  @Test func linkPagingVisitsEveryIntegrationOnce() async throws {
    let server = try TestServer { $0.pageSize = 2 }
    var seen: [String] = []
    var next: String? = "/v1/integrations"
    var pages = 0
    while let url = next {
      let response = try await server.send("GET", url)
      #expect(response.status == 200)
      seen += (response.json?.arrayValue ?? []).map(\.id)
      next = response.nextLink
      pages += 1
    }
    let all = server.emulator.records("integrations").map(\.id)
    #expect(all.count == 5)
    #expect(seen == all)
    #expect(pages == 3)
  }

  @Test func linkKeepsFilters() async throws {
    let server = try TestServer { $0.pageSize = 3 }
    let integration = try server.named("integrations", "Shopify - NetSuite")
    let first = try await server.send("GET", "/v1/flows?_integrationId=\(integration.id)")
    #expect(first.json?.arrayValue?.count == 3)
    let link = try #require(first.nextLink)
    #expect(link == server.emulator.baseURL + "/v1/flows?_integrationId=\(integration.id)&skip=3&limit=3")
    let second = try await server.send("GET", link)
    #expect(second.json?.arrayValue?.count == 2)
    #expect(second.nextLink == nil)
  }

  @Test func includeAndExcludeProjectFields() async throws {
    let server = try TestServer()
    let included = try await server.getJSON("/v1/exports?include=adaptorType,http.method").arrayValue ?? []
    let first = try #require(included.first)
    #expect(first.objectPairs?.map(\.key) == ["_id", "name", "adaptorType", "http"])
    #expect(first["http"] == ["method": "GET"])
    let excluded = try await server.getJSON("/v1/exports?exclude=http.relativeURI,apiIdentifier").arrayValue ?? []
    #expect(excluded.first?["apiIdentifier"] == nil)
    #expect(excluded.first?["http"] == ["method": "GET"])
    let both = try await server.send("GET", "/v1/exports?include=name&exclude=http")
    #expect(both.status == 400)
    #expect(both.json?["errors"]?.arrayValue?.first?["code"] == "invalid_query_params")
    let invalid = try await server.send("GET", "/v1/exports?include=http[0]")
    #expect(invalid.status == 400)
  }

  @Test func emptyFlowListIs204() async throws {
    let server = try TestServer()
    let response = try await server.send("GET", "/v1/flows?_integrationId=000000000000000000000000")
    #expect(response.status == 204)
    #expect(response.body.isEmpty)
  }

  @Test func sandboxFilterSelectsIntegrations() async throws {
    let server = try TestServer()
    let sandbox = try await server.getJSON("/v1/integrations?sandbox=true").arrayValue ?? []
    #expect(sandbox.map { $0["name"] } == ["Shopify - NetSuite (Sandbox)"])
    let production = try await server.getJSON("/v1/integrations?sandbox=false").arrayValue ?? []
    #expect(production.count == 4)
  }

  @Test func standaloneFlowsHaveNoIntegration() async throws {
    let server = try TestServer()
    let flows = try await server.getJSON("/v1/flows").arrayValue ?? []
    #expect(flows.count == 21)
    let standalone = flows.filter { $0["_integrationId"] == nil }
    #expect(standalone.count == 3)
    #expect(standalone.filter { $0["name"] == "New flow" }.count == 2)
  }

  @Test func connectionsFilterByType() async throws {
    let server = try TestServer()
    let netsuite = try await server.getJSON("/v1/connections?type=netsuite").arrayValue ?? []
    #expect(netsuite.count == 4)
    #expect(netsuite.allSatisfy { $0["type"] == "netsuite" })
    let none = try await server.send("GET", "/v1/connections?type=mongodb")
    #expect(none.status == 204)
  }

  @Test func offlineConnectionPingFailsWith200() async throws {
    let server = try TestServer()
    let offline = server.emulator.records("connections").filter { $0["offline"] == true }
    #expect(offline.count == 1)
    let connection = try #require(offline.first)
    let ping = try await server.send("POST", "/v1/connections/\(connection.id)/ping")
    #expect(ping.status == 200)
    #expect(ping.json?["errors"]?.arrayValue?.isEmpty == false)
    let healthy = try server.named("connections", "Shopify - Acme Outfitters")
    let good = try await server.send("POST", "/v1/connections/\(healthy.id)/ping")
    #expect(good.json == ["code": 200])
  }

  @Test func debugLogIsPlainText() async throws {
    let server = try TestServer()
    let connection = try server.named("connections", "Shopify - Acme Outfitters")
    let response = try await server.send("GET", "/v1/connections/\(connection.id)/debug")
    #expect(response.status == 200)
    #expect(response.header("Content-Type")?.hasPrefix("text/plain") == true)
    let lines = response.text.split(separator: "\n")
    #expect(lines.count == 12)
    let header = lines[0].split(separator: " ")
    #expect(header.count == 4)
    #expect(header[2] == "exports")
    #expect((try? JSONValue.parse(String(lines[1]))) != nil)
  }

  @Test func integrationErrorsSkipStandaloneFlows() async throws {
    let server = try TestServer()
    let integration = try server.named("integrations", "Shopify - NetSuite")
    let summary = try await server.getJSON("/v1/integrations/\(integration.id)/errors").arrayValue ?? []
    let flow = try server.named("flows", "Shopify Order to NetSuite Sales Order")
    let entry = try #require(summary.first { $0["_flowId"]?.stringValue == flow.id })
    #expect(entry["numError"] == 12)
    #expect(summary.count == 2)
    let connectionErrors = try await server.getJSON("/v1/integrations/\(integration.id)/errors?source=connection").arrayValue ?? []
    #expect(connectionErrors.count == 1)
    #expect(connectionErrors.first?["numError"] == 4)
  }

  @Test func sameSeedGivesSameIDs() throws {
    let first = Emulator(options: EmulatorOptions())
    let second = Emulator(options: EmulatorOptions())
    #expect(first.records("flows").map(\.id) == second.records("flows").map(\.id))
    var options = EmulatorOptions()
    options.seed = 2
    let other = Emulator(options: options)
    #expect(first.records("flows").map(\.id) != other.records("flows").map(\.id))
  }
}
