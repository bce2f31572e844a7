import CeligoKit

/// Tags, account users, lookup caches, audit records and connection debug
/// logs of the demo account.
struct DemoExtras {
  let state: EmulatorState
  let integrationIDs: [String]

  static let users: [(name: String, email: String, level: String, accepted: Bool)] = [
    ("Priya Raman", "priya.raman@acme-outfitters.com", "administrator", true),
    ("Marcus Chen", "marcus.chen@acme-outfitters.com", "manage", true),
    ("Elena Petrova", "elena.petrova@acme-outfitters.com", "monitor", true),
    ("Tom Becker", "tom.becker@acme-outfitters.com", "tile", true),
    ("Dana Whitfield", "dana.whitfield@northwind-consulting.com", "monitor", false),
  ]

  mutating func addAll(flows: [DemoFlow], connectionIDs: [String]) {
    addTags()
    addUsers()
    addCaches()
    addAudit(flows: flows)
    addDebugLogs(flows: flows, connectionIDs: connectionIDs)
  }

  private func time(daysAgo days: Double) -> JSONValue {
    .string(Timestamp.iso(state.startedAt - Int64(days * Double(DemoAccount.dayMilliseconds))))
  }

  private mutating func addTags() {
    for name in ["needs-review", "customer-data", "known-issue", "escalated"] {
      let id = state.generator.objectId()
      state.insert(["_id": .string(id), "tag": .string(name), "tagId": .string(state.generator.hex(6))], into: "tags")
    }
  }

  private mutating func addUsers() {
    for (index, user) in Self.users.enumerated() {
      var fields: [(key: String, value: JSONValue)] = [
        ("_id", .string(state.generator.objectId())), ("accepted", .bool(user.accepted)),
        ("dismissed", false), ("disabled", false), ("accessLevel", .string(user.level)),
      ]
      if user.level == "tile" {
        fields.append((
          "integrationAccessLevel",
          [["_integrationId": .string(integrationIDs[2]), "accessLevel": "manage"],
           ["_integrationId": .string(integrationIDs[3]), "accessLevel": "monitor"]]))
      }
      var sharedWith: [(key: String, value: JSONValue)] = [
        ("_id", .string(state.generator.objectId())), ("email", .string(user.email)), ("name", .string(user.name)),
      ]
      if user.accepted { sharedWith.append(("lastSignIn", time(daysAgo: Double(index) * 1.5 + 0.2))) }
      fields.append(("sharedWithUser", .object(sharedWith)))
      fields.append(("accountSSORequired", false))
      fields.append(("createdAt", time(daysAgo: Double(300 - index * 40))))
      fields.append(("lastModified", time(daysAgo: Double(20 - index))))
      state.insert(.object(fields), into: "ashares")
    }
  }

  private mutating func addCaches() {
    addCache(name: "Shopify SKU to NetSuite Item", description: "Maps Shopify SKUs to NetSuite item internal ids.", integration: 0, count: 4500) { index, generator in
      (String(format: "ACME-%05d", 10000 + index), ["internalId": .string(String(20000 + index * 3)), "itemType": .string(generator.pick(["InvtPart", "NonInvtPart", "Kit"]))])
    }
    addCache(name: "Salesforce Account to NetSuite Customer", description: "Salesforce Account Id to NetSuite customer internal id.", integration: 1, count: 350) { _, generator in
      ("0015e00000" + generator.hex(8).uppercased(), .string(String(generator.int(1000...99999))))
    }
    addCache(name: "EDI Ship-To Locations", description: "Acme Retail store numbers to NetSuite ship-to addresses.", integration: 3, count: 40) { index, generator in
      (String(format: "STORE-%04d", 100 + index * 7), ["addressId": .string(String(generator.int(100...9999))), "state": .string(generator.pick(["OH", "TX", "CA", "NY", "IL"]))])
    }
    if state.options.bulkCacheKeys > 0 {
      addCache(name: "Benchmark SKU cache", description: "Generated keys for load tests.", integration: 0, count: state.options.bulkCacheKeys) { index, _ in
        (String(format: "BENCH-%08d", index), .int(Int64(index)))
      }
    }
  }

  private mutating func addCache(
    name: String, description: String, integration: Int, count: Int,
    entry: (Int, inout SeededGenerator) -> (String, JSONValue)
  ) {
    let id = state.generator.objectId()
    var entries: [(key: String, value: JSONValue)] = []
    entries.reserveCapacity(count)
    var seen = Set<String>()
    for index in 0..<count {
      let (key, value) = entry(index, &state.generator)
      if seen.insert(key).inserted { entries.append((key, value)) }
    }
    entries.sort { $0.key < $1.key }
    state.cacheEntries[id] = entries
    let bytes = count * 64
    state.insert(
      [
        "_id": .string(id), "_userId": .string(state.userId), "name": .string(name),
        "description": .string(description), "_integrationId": .string(integrationIDs[integration]),
        "includeDataInTemplatesAndCloning": false, "size": .int(Int64(bytes)),
        "sizeInMB": .string(bytes < 1_048_576 ? "<1 MB" : "<\(bytes / 1_048_576 + 1) MB"), "draft": false,
        "createdAt": time(daysAgo: 200), "lastModified": time(daysAgo: 1),
      ], into: "lookupcaches")
  }

  private mutating func addAudit(flows: [DemoFlow]) {
    let users = state.collections["ashares"] ?? []
    for (index, flow) in flows.enumerated() {
      for change in 0..<2 {
        let user = users[(index + change) % max(1, users.count)]["sharedWithUser"] ?? .null
        let field: (String, JSONValue, JSONValue) =
          change == 0 ? ("disabled", .bool(!flow.spec.disabled), .bool(flow.spec.disabled))
          : ("schedule", "? 0 */12 * * *", flow.spec.schedule.map { .string($0) } ?? .null)
        var record: [(key: String, value: JSONValue)] = [
          ("_id", .string(state.generator.objectId())), ("resourceType", "flow"), ("_resourceId", .string(flow.id)),
          ("source", change == 0 ? "ui" : "api"), ("event", "update"),
          ("time", time(daysAgo: Double(index % 9) + Double(change) * 3.5 + 0.4)),
          ("byUser", .object((user.objectPairs ?? []).filter { $0.key != "lastSignIn" })),
          ("fieldChanges", [["fieldPath": .string(field.0), "oldValue": field.1, "newValue": field.2]]),
        ]
        if let integrationId = flow.integrationId { record.append(("_integrationId", .string(integrationId))) }
        state.audit.append(.object(record))
      }
    }
    state.audit.sort { ($0["time"]?.stringValue ?? "") > ($1["time"]?.stringValue ?? "") }
  }

  private mutating func addDebugLogs(flows: [DemoFlow], connectionIDs: [String]) {
    let exports = state.collections["exports"] ?? []
    for (index, connectionId) in connectionIDs.enumerated() {
      let spec = DemoCatalog.connections[index]
      let export = exports.first(where: { $0["_connectionId"]?.stringValue == connectionId })
      let resourceId = export?["_id"]?.stringValue ?? connectionId
      var text = ""
      for entry in 0..<3 {
        let requestId = state.generator.uuid()
        let at = state.startedAt - Int64(3 - entry) * 300_000
        let status = spec.offline ? 401 : 200
        text += "\(Timestamp.iso(at)) \(requestId) exports \(resourceId)\n"
        text += #"{"url":"\#(DemoExtras.baseURL(spec))/ping","method":"GET","headers":{"authorization":"********","accept":"application/json"}}"# + "\n"
        text += "\(Timestamp.iso(at + 412)) \(requestId) exports \(resourceId)\n"
        text += #"{"statusCode":\#(status),"headers":{"content-type":"application/json"},"body":"\#(spec.offline ? "Incorrect username or password was specified." : "{\\\"ok\\\":true}")"}"# + "\n"
      }
      state.debugLogs[connectionId] = text
    }
  }

  static func baseURL(_ spec: ConnectionSpec) -> String {
    spec.settings["baseURI"]?.stringValue ?? spec.settings["hostURI"]?.stringValue
      ?? spec.settings["host"]?.stringValue.map { "https://\($0)" } ?? "https://\(spec.type).example.com"
  }
}
