import CeligoEmulator
import CeligoKit
import Foundation
import Testing

@Suite struct ResourceTests {
  @Test func getDataPagesEveryKeyOnce() async throws {
    let server = try TestServer()
    let cache = try server.named("lookupcaches", "Shopify SKU to NetSuite Item")
    var keys: [String] = []
    var next: String? = "/v1/lookupcaches/\(cache.id)/getData"
    while let url = next {
      let page = try await server.send("POST", url, body: [:])
      #expect(page.status == 200)
      let data = page.json?["data"]?.arrayValue ?? []
      #expect(data.count <= 1000)
      keys += data.compactMap { $0["key"]?.stringValue }
      next = page.json?["nextPageURL"]?.stringValue
    }
    #expect(keys.count == 4500)
    #expect(Set(keys).count == 4500)
    #expect(keys == keys.sorted())
  }

  @Test func getDataByPrefixAndKeys() async throws {
    let server = try TestServer { $0.pageSize = 50 }
    let cache = try server.named("lookupcaches", "Shopify SKU to NetSuite Item")
    var keys: [String] = []
    var next: String? = "/v1/lookupcaches/\(cache.id)/getData"
    while let url = next {
      let page = try await server.getJSONPost(url, body: ["startsWith": "ACME-101"])
      keys += (page["data"]?.arrayValue ?? []).compactMap { $0["key"]?.stringValue }
      next = page["nextPageURL"]?.stringValue
    }
    #expect(keys == (10100...10199).map { "ACME-\($0)" })
    let picked = try await server.getJSONPost("/v1/lookupcaches/\(cache.id)/getData", body: ["keys": ["ACME-10005", "missing", "ACME-10001"]])
    #expect(picked["data"]?.arrayValue?.map { $0["key"] } == ["ACME-10005", "ACME-10001"])
    #expect(picked["nextPageURL"] == nil)
  }

  @Test func tagsCreateUpdateDelete() async throws {
    let server = try TestServer()
    let created = try await server.send("POST", "/v1/tags", body: ["tag": "vip-customer"])
    #expect(created.status == 201)
    let id = try #require(created.json?["_id"]?.stringValue)
    #expect(created.json?["tagId"]?.stringValue?.isEmpty == false)
    let updated = try await server.send("PUT", "/v1/tags/\(id)", body: ["tag": "vip"])
    #expect(updated.json?["tag"] == "vip")
    #expect(try await server.getJSON("/v1/tags/\(id)")["tag"] == "vip")
    #expect((try await server.getJSON("/v1/tags").arrayValue ?? []).count == 5)
    let deleted = try await server.send("DELETE", "/v1/tags/\(id)")
    #expect(deleted.status == 204)
    #expect(try await server.send("GET", "/v1/tags/\(id)").status == 404)
    let invalid = try await server.send("POST", "/v1/tags", body: ["name": "x"])
    #expect(invalid.status == 422)
  }

  @Test func usersAndIntegrationViews() async throws {
    let server = try TestServer()
    let users = try await server.getJSON("/v1/ashares").arrayValue ?? []
    #expect(users.count == 5)
    #expect(Set(users.compactMap { $0["accessLevel"]?.stringValue }) == ["administrator", "manage", "monitor", "tile"])
    let integration = try server.named("integrations", "Salesforce - NetSuite")
    let shared = try await server.getJSON("/v1/integrations/\(integration.id)/ashares").arrayValue ?? []
    #expect(shared.count == 4)
    let dependencies = try await server.getJSON("/v1/integrations/\(integration.id)/dependencies")
    #expect(dependencies["flows"]?.arrayValue?.count == 4)
    #expect(dependencies["connections"]?.arrayValue?.first?["name"] != nil)
    let flow = try server.named("flows", "Salesforce Opportunity to NetSuite Sales Order")
    let descendants = try await server.getJSON("/v1/flows/\(flow.id)/descendants")
    #expect(descendants["exports"]?.arrayValue?.count == 2)
    #expect(descendants["imports"]?.arrayValue?.first?["adaptorType"] == "NetSuiteDistributedImport")
    let audit = try await server.getJSON("/v1/integrations/\(integration.id)/audit").arrayValue ?? []
    #expect(audit.count == 8)
    #expect(audit.first?["byUser"]?["email"] != nil)
  }
}

extension TestServer {
  /// Returns the JSON body of a POST that must return 200.
  func getJSONPost(_ path: String, body: JSONValue) async throws -> JSONValue {
    let response = try await send("POST", path, body: body)
    guard response.status == 200, let json = response.json else {
      throw TestFailure("POST \(path) returned \(response.status): \(response.text)")
    }
    return json
  }
}
