import CeligoKit

/// Fills an `EmulatorState` with the seeded demo account.
struct DemoAccount {
  static let dayMilliseconds: Int64 = 24 * 3600 * 1000

  let state: EmulatorState
  var integrationIDs: [String] = []
  var connectionIDs: [String] = []

  /// Builds every collection, 30 days of job history and the open errors.
  static func populate(_ state: EmulatorState) {
    var account = DemoAccount(state: state)
    account.addIntegrations()
    account.addConnections()
    var flows: [DemoFlow] = []
    for (index, spec) in DemoCatalog.flows.enumerated() {
      flows.append(account.addSteps(of: spec, index: index))
    }
    var history = DemoJobHistory(state: state)
    for index in flows.indices {
      flows[index].lastExecutedAt = history.addHistory(of: flows[index])
    }
    history.finish()
    for flow in flows {
      state.insert(account.flowRecord(flow), into: "flows")
    }
    var extras = DemoExtras(state: state, integrationIDs: account.integrationIDs)
    extras.addAll(flows: flows, connectionIDs: account.connectionIDs)
    for copy in 1..<max(state.options.scale, 1) {
      account.addCopy(number: copy + 1)
    }
  }

  /// Adds a copy of every integration and flow, named with `(copy N)`. The
  /// copies use the original connections and have no history or errors.
  mutating func addCopy(number: Int) {
    var copy = self
    copy.integrationIDs = []
    copy.addIntegrations(suffix: " (copy \(number))")
    for (index, spec) in DemoCatalog.flows.enumerated() {
      var renamed = spec
      renamed.name += " (copy \(number))"
      state.insert(flowRecord(copy.addSteps(of: renamed, index: index)), into: "flows")
    }
  }

  func time(daysAgo days: Double) -> JSONValue {
    .string(Timestamp.iso(state.startedAt - Int64(days * Double(Self.dayMilliseconds))))
  }

  mutating func addIntegrations(suffix: String = "") {
    for (index, spec) in DemoCatalog.integrations.enumerated() {
      let id = state.generator.objectId()
      integrationIDs.append(id)
      state.insert(
        [
          "_id": .string(id), "lastModified": time(daysAgo: Double(3 + index)),
          "name": .string(spec.name + suffix), "description": .string(spec.description),
          "install": [], "mode": "settings", "sandbox": .bool(spec.sandbox),
          "_registeredConnectionIds": [], "installSteps": [], "uninstallSteps": [],
          "flowGroupings": [], "createdAt": time(daysAgo: Double(420 - index * 37)),
        ], into: "integrations")
    }
  }

  mutating func addConnections() {
    for (index, spec) in DemoCatalog.connections.enumerated() {
      let id = state.generator.objectId()
      connectionIDs.append(id)
      var fields: [(key: String, value: JSONValue)] = [
        ("_id", .string(id)), ("createdAt", time(daysAgo: Double(410 - index * 20))),
        ("lastModified", time(daysAgo: Double(index % 5 + 1))), ("type", .string(spec.type)),
        ("name", .string(spec.name)), ("offline", .bool(spec.offline)), ("sandbox", .bool(spec.sandbox)),
      ]
      if let integration = spec.integration {
        fields.append(("_integrationId", .string(integrationIDs[integration])))
      }
      fields.append((spec.type, spec.settings))
      fields.append(("queues", [["name": .string(id), "size": .int(Int64(index == 1 ? 12 : 0))]]))
      state.insert(.object(fields), into: "connections")
    }
    for (index, integrationId) in integrationIDs.enumerated() {
      guard var integration = state.record("integrations", id: integrationId) else { continue }
      let registered = DemoCatalog.connections.indices
        .filter { DemoCatalog.connections[$0].integration == index }
        .map { JSONValue.string(connectionIDs[$0]) }
      integration = integration.setting("_registeredConnectionIds", to: .array(registered))
      state.replace(integration, in: "integrations")
    }
  }

  /// Creates the exports and imports of one flow and returns its ids.
  mutating func addSteps(of spec: FlowSpec, index: Int) -> DemoFlow {
    let flowId = state.generator.objectId()
    let integrationId = spec.integration.map { integrationIDs[$0] }
    var flow = DemoFlow(spec: spec, id: flowId, integrationId: integrationId, createdDaysAgo: Double(380 - index * 11))
    for step in spec.generators {
      flow.generatorIDs.append(addStep(step, collection: "exports", integrationId: integrationId, isGenerator: true))
    }
    for step in spec.lookups {
      flow.lookupIDs.append(addStep(step, collection: "exports", integrationId: integrationId, isGenerator: false))
    }
    for step in spec.imports {
      flow.importIDs.append(addStep(step, collection: "imports", integrationId: integrationId, isGenerator: false))
    }
    return flow
  }

  private mutating func addStep(_ step: StepSpec, collection: String, integrationId: String?, isGenerator: Bool) -> String {
    let id = state.generator.objectId()
    var fields: [(key: String, value: JSONValue)] = [
      ("_id", .string(id)), ("createdAt", time(daysAgo: 300)), ("lastModified", time(daysAgo: 6)),
      ("name", .string(step.name)), ("_connectionId", .string(connectionIDs[step.connection])),
    ]
    if let integrationId { fields.append(("_integrationId", .string(integrationId))) }
    let prefix = collection == "exports" ? "e" : "i"
    fields.append(("apiIdentifier", .string(prefix + state.generator.hex(10))))
    fields.append(("asynchronous", true))
    if collection == "imports" {
      fields.append(("ignoreExisting", false))
    } else if isGenerator, step.adaptorType != "FTPExport" {
      fields.append(("type", "delta"))
    }
    fields.append(("adaptorType", .string(step.adaptorType)))
    fields.append((step.key, step.settings))
    state.insert(.object(fields), into: collection)
    return id
  }

  func flowRecord(_ flow: DemoFlow) -> JSONValue {
    let spec = flow.spec
    var fields: [(key: String, value: JSONValue)] = [
      ("_id", .string(flow.id)), ("lastModified", time(daysAgo: spec.disabled ? 10 : 2)),
      ("name", .string(spec.name)), ("disabled", .bool(spec.disabled)),
    ]
    if let schedule = spec.schedule { fields.append(("schedule", .string(schedule))) }
    if let timezone = spec.timezone { fields.append(("timezone", .string(timezone))) }
    if let integrationId = flow.integrationId { fields.append(("_integrationId", .string(integrationId))) }
    fields.append(("skipRetries", false))
    let processors: [JSONValue] =
      flow.lookupIDs.map { ["responseMapping": ["fields": [["extract": "internalId", "generate": "customerId"]], "lists": []], "type": "export", "_exportId": .string($0)] }
      + flow.importIDs.map { ["responseMapping": ["fields": [], "lists": []], "type": "import", "_importId": .string($0)] }
    if !processors.isEmpty { fields.append(("pageProcessors", .array(processors))) }
    if !flow.generatorIDs.isEmpty {
      fields.append(("pageGenerators", .array(flow.generatorIDs.map { ["_exportId": .string($0), "skipRetries": false] })))
    }
    fields.append(("createdAt", time(daysAgo: flow.createdDaysAgo)))
    if let last = flow.lastExecutedAt { fields.append(("lastExecutedAt", .string(Timestamp.iso(last)))) }
    fields.append(("autoResolveMatchingTraceKeys", true))
    fields.append(contentsOf: spec.extra)
    return .object(fields)
  }
}

/// A demo flow's spec together with the ids it was given.
struct DemoFlow {
  var spec: FlowSpec
  var id: String
  var integrationId: String?
  var createdDaysAgo: Double
  var generatorIDs: [String] = []
  var lookupIDs: [String] = []
  var importIDs: [String] = []
  var lastExecutedAt: Int64?
}
