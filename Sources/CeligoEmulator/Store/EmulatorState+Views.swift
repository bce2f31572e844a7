import CeligoKit

/// Read-only views that combine several collections: dependencies, error
/// summaries, audit records and the users of an integration.
extension EmulatorState {
  /// Returns `{"id","name"}` for each record.
  func references(_ records: [JSONValue]) -> JSONValue {
    .array(records.map { ["id": $0["_id"] ?? .null, "name": $0["name"] ?? .null] })
  }

  func dependencies(ofIntegration id: String) -> JSONValue {
    [
      "flows": references(records("flows", where: "_integrationId", is: id)),
      "exports": references(records("exports", where: "_integrationId", is: id)),
      "imports": references(records("imports", where: "_integrationId", is: id)),
      "connections": references(records("connections", where: "_integrationId", is: id)),
    ]
  }

  func dependencies(ofFlow flow: JSONValue) -> JSONValue {
    let exports = generatorIDs(ofFlow: flow) + processorIDs(ofFlow: flow).filter { $0.type == "export" }.map(\.id)
    let exportRecords = exports.compactMap { record("exports", id: $0) }
    let importRecords = processorIDs(ofFlow: flow).filter { $0.type == "import" }.compactMap { record("imports", id: $0.id) }
    let connectionIDs = (exportRecords + importRecords).compactMap { $0["_connectionId"]?.stringValue }
    var seen = Set<String>()
    let connections = connectionIDs.filter { seen.insert($0).inserted }.compactMap { record("connections", id: $0) }
    let integrations = flow["_integrationId"]?.stringValue.flatMap { record("integrations", id: $0) }
    return [
      "integrations": references(integrations.map { [$0] } ?? []),
      "exports": references(exportRecords), "imports": references(importRecords),
      "connections": references(connections),
    ]
  }

  func dependencies(ofConnection id: String) -> JSONValue {
    let exports = records("exports", where: "_connectionId", is: id)
    let imports = records("imports", where: "_connectionId", is: id)
    let stepIDs = Set((exports + imports).compactMap { $0["_id"]?.stringValue })
    let flows = (collections["flows"] ?? []).filter { flow in
      (generatorIDs(ofFlow: flow) + processorIDs(ofFlow: flow).map(\.id)).contains(where: stepIDs.contains)
    }
    return ["flows": references(flows), "exports": references(exports), "imports": references(imports)]
  }

  /// Returns the open error count and latest error time of each step of
  /// a flow, counting only the errors `include` accepts.
  func stepSummaries(ofFlow flow: JSONValue, include: (ErrorRecord) -> Bool = { _ in true })
    -> [(stepId: String, count: Int, last: Int64?)]
  {
    let flowId = flow["_id"]?.stringValue ?? ""
    return (generatorIDs(ofFlow: flow) + processorIDs(ofFlow: flow).map(\.id)).map { stepId in
      let open = (steps["\(flowId)/\(stepId)"]?.open ?? []).filter(include)
      return (stepId, open.count, open.map(\.occurredAt).max())
    }
  }

  /// `flowErrors` entries of `GET /v1/flows/{id}/errors`; steps without
  /// open errors have no `lastErrorAt`.
  func flowErrors(_ flow: JSONValue) -> JSONValue {
    .array(stepSummaries(ofFlow: flow).map { summary in
      var entry: JSONValue = ["_expOrImpId": .string(summary.stepId), "numError": .int(Int64(summary.count))]
      if let last = summary.last { entry = entry.setting("lastErrorAt", to: .string(Timestamp.iso(last))) }
      return entry
    })
  }

  /// Returns one summary per flow of the integration that has open errors
  /// accepted by `include`.
  func errorSummary(ofIntegration id: String, include: (ErrorRecord) -> Bool) -> [JSONValue] {
    records("flows", where: "_integrationId", is: id).compactMap { flow in
      let summaries = stepSummaries(ofFlow: flow, include: include)
      let count = summaries.reduce(0) { $0 + $1.count }
      guard count > 0, let last = summaries.compactMap(\.last).max() else { return nil }
      return ["_flowId": flow["_id"] ?? .null, "numError": .int(Int64(count)), "lastErrorAt": .string(Timestamp.iso(last))]
    }
  }

  /// Audit records of the integration and of every resource in it.
  func audit(ofIntegration id: String) -> [JSONValue] {
    audit.filter { $0["_integrationId"]?.stringValue == id || $0["_resourceId"]?.stringValue == id }
  }

  /// Account users who can see the integration: every account-level user
  /// and the tile users granted this integration.
  func users(ofIntegration id: String) -> [JSONValue] {
    (collections["ashares"] ?? []).filter { share in
      guard share["accessLevel"]?.stringValue == "tile" else { return true }
      return (share["integrationAccessLevel"]?.arrayValue ?? []).contains { $0["_integrationId"]?.stringValue == id }
    }
  }
}
