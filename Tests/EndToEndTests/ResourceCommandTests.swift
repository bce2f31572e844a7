import CeligoEmulator
import CeligoKit
import Foundation
import Testing

/// Every read command of integrations, flows, connections, exports and
/// imports, run as the binary against the emulator: the JSON output must
/// equal what the emulator holds, and the table output must list it.
@Suite(.serialized) struct ResourceCommandTests {
  let fixture: EmulatorFixture

  init() throws {
    fixture = try EmulatorFixture()
  }

  func id(_ record: JSONValue?) -> String {
    record?["_id"]?.stringValue ?? "missing"
  }

  var integration: String { id(fixture.emulator.records("integrations").first) }
  var flow: String {
    id(fixture.emulator.records("flows").first { $0["_integrationId"] != nil && $0["disabled"] == false })
  }

  @Test func listsEqualTheStore() async throws {
    for (resource, collection) in [
      ("integrations", "integrations"), ("flows", "flows"), ("connections", "connections"),
      ("exports", "exports"), ("imports", "imports"),
    ] {
      let (output, _) = try await fixture.json([resource, "list"])
      #expect(output == .array(fixture.emulator.records(collection)), "\(resource) list")
    }
  }

  @Test func getsEqualTheStore() async throws {
    for (resource, collection) in [
      ("integrations", "integrations"), ("flows", "flows"), ("connections", "connections"),
      ("exports", "exports"), ("imports", "imports"),
    ] {
      let record = fixture.emulator.records(collection).last
      let (output, _) = try await fixture.json([resource, "get", id(record)])
      #expect(output == record, "\(resource) get")
    }
  }

  @Test func integrationChildrenEqualTheServer() async throws {
    for action in ["flows", "connections", "exports", "imports", "users", "dependencies", "audit", "errors"] {
      let (output, _) = try await fixture.json(["integrations", action, integration])
      let route = action == "users" ? "ashares" : action
      let expected = try await fixture.fetch("/v1/integrations/\(integration)/\(route)")
      #expect(output == expected, "integrations \(action)")
    }
    let (flows, _) = try await fixture.json(["integrations", "flows", integration])
    let stored = fixture.emulator.records("flows").filter { $0["_integrationId"]?.stringValue == integration }
    #expect(flows == .array(stored))
  }

  @Test func flowReadsEqualTheServer() async throws {
    for (action, route) in [
      ("descendants", "/descendants"), ("audit", "/audit"), ("dependencies", "/dependencies"),
      ("jobs-latest", "/jobs/latest"), ("last-export-datetime", "/lastExportDateTime"),
      ("errors", "/errors"),
    ] {
      let (output, _) = try await fixture.json(["flows", action, flow])
      let expected = try await fixture.fetch("/v1/flows/\(flow)\(route)")
      #expect(output == expected, "flows \(action)")
    }
  }

  @Test func listFiltersReachTheServer() async throws {
    let (flows, _) = try await fixture.json(["flows", "list", "--integration", integration, "--disabled", "false"])
    let expected = fixture.emulator.records("flows").filter {
      $0["_integrationId"]?.stringValue == integration && $0["disabled"] == false
    }
    #expect(flows == .array(expected))
    let request = fixture.requests("GET", "/v1/flows").last
    #expect(request?.query.contains { $0.0 == "_integrationId" && $0.1 == integration } == true)
    #expect(request?.query.contains { $0.0 == "disabled" && $0.1 == "false" } == true)

    let (netsuite, _) = try await fixture.json(["connections", "list", "--type", "netsuite"])
    #expect(netsuite == .array(fixture.emulator.records("connections").filter { $0["type"] == "netsuite" }))
  }

  @Test func connectionCommands() async throws {
    let connections = fixture.emulator.records("connections")
    let online = id(connections.first { $0["offline"] != true })
    let offline = id(connections.first { $0["offline"] == true })

    let (dependencies, _) = try await fixture.json(["connections", "dependencies", online])
    #expect(dependencies == (try await fixture.fetch("/v1/connections/\(online)/dependencies")))

    let passed = try await fixture.run(["connections", "test", online])
    #expect(passed.status == 0)
    #expect(passed.stdout == "Connection \(online) is online: the test passed\n")
    #expect(fixture.requests("POST", "/v1/connections/\(online)/ping").count == 1)

    let failed = try await fixture.run(["connections", "test", offline])
    #expect(failed.status == 1)
    #expect(failed.stderr.hasPrefix("celigo: connection \(offline) test failed: "))

    let log = try await fixture.run(["connections", "debug-log", online])
    #expect(log.status == 0)
    let raw = fixture.emulator.requests.last { $0.path == "/v1/connections/\(online)/debug" }
    #expect(raw?.status == 200)
    let (entries, _) = try await fixture.json(["connections", "logs", online])
    #expect((entries.arrayValue?.count ?? 0) > 0)
    #expect(entries.arrayValue?.first?["kind"] == "request")
  }

  @Test func tablesShowEveryRecord() async throws {
    let result = try await fixture.run(["integrations", "list"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("ID") == true)
    #expect(lines.count == fixture.emulator.records("integrations").count + 1)
    for record in fixture.emulator.records("integrations") {
      #expect(result.stdout.contains(id(record)))
    }

    let flowTable = try await fixture.run(["flows", "get", flow])
    #expect(flowTable.stdout.hasPrefix("FIELD"))
    #expect(flowTable.stdout.contains("_id"))
    #expect(flowTable.stdout.contains(flow))
  }

  @Test func everyReadCommandPrintsATable() async throws {
    let connection = id(fixture.emulator.records("connections").first { $0["offline"] != true })
    let export = id(fixture.emulator.records("exports").first)
    let importId = id(fixture.emulator.records("imports").first)
    let commands: [[String]] = [
      ["integrations", "list"], ["integrations", "get", integration], ["integrations", "flows", integration],
      ["integrations", "connections", integration], ["integrations", "exports", integration],
      ["integrations", "imports", integration], ["integrations", "users", integration],
      ["integrations", "dependencies", integration], ["integrations", "audit", integration],
      ["integrations", "errors", integration], ["flows", "list"], ["flows", "get", flow],
      ["flows", "descendants", flow], ["flows", "audit", flow], ["flows", "dependencies", flow],
      ["flows", "errors", flow], ["flows", "jobs-latest", flow], ["flows", "last-export-datetime", flow],
      ["connections", "list"], ["connections", "get", connection], ["connections", "dependencies", connection],
      ["connections", "debug-log", connection], ["connections", "logs", connection], ["exports", "list"],
      ["exports", "get", export], ["imports", "list"], ["imports", "get", importId],
      ["jobs", "list", "--flow", flow, "--since", "7d"],
    ]
    for command in commands {
      let result = try await fixture.run(command)
      #expect(result.status == 0, "\(command): \(result.stderr)")
      #expect(!result.stdout.isEmpty, "\(command) printed nothing")
      #expect(!result.stdout.hasPrefix("["), "\(command) printed a JSON array")
      #expect(!result.stdout.hasPrefix("{"), "\(command) printed a JSON object")
    }
  }
}
