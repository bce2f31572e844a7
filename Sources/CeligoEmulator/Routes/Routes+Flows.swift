import CeligoKit

extension Router {
  static let flowRoutes: [Route] = [
    Route("GET", "flows") { context in
      var flows = context.state.collections["flows"] ?? []
      if let integrationId = context.request.queryValue("_integrationId") {
        flows = flows.filter { $0["_integrationId"]?.stringValue == integrationId }
      }
      if let disabled = context.request.queryValue("disabled") {
        let expected = disabled == "true"
        flows = flows.filter { ($0["disabled"]?.boolValue ?? false) == expected }
      }
      return try LinkPaging.page(flows, context: context, emptyIsNoContent: true)
    },
    Route("GET", "flows/:id") { context in
      .json(try context.flow())
    },
    Route("GET", "flows/:id/descendants") { context in
      let flow = try context.flow()
      let state = context.state
      let exports = (state.generatorIDs(ofFlow: flow) + state.processorIDs(ofFlow: flow).filter { $0.type == "export" }.map(\.id))
        .compactMap { state.record("exports", id: $0) }
      let imports = state.processorIDs(ofFlow: flow).filter { $0.type == "import" }.compactMap { state.record("imports", id: $0.id) }
      return .json(["exports": .array(exports), "imports": .array(imports)])
    },
    Route("GET", "flows/:id/audit") { context in
      let id = try context.flow()["_id"]?.stringValue
      return try LinkPaging.page(context.state.audit.filter { $0["_resourceId"]?.stringValue == id }, context: context)
    },
    Route("GET", "flows/:id/dependencies") { context in
      .json(context.state.dependencies(ofFlow: try context.flow()))
    },
    Route("GET", "flows/:id/errors") { context in
      .json(["flowErrors": context.state.flowErrors(try context.flow())])
    },
    Route("GET", "flows/:id/jobs/latest") { context in
      let flow = try context.flow()
      let state = context.state
      let flowId = context.parameter("id")
      var latest: [JSONValue] = []
      var seen = Set<String>()
      for generator in state.generatorIDs(ofFlow: flow) {
        let job = state.jobs.last {
          $0.kind == .flow && $0.flowId == flowId && ($0.exportId == generator || $0.exportIDs.contains(generator))
        }
        if let job, seen.insert(job.id).inserted { latest.append(state.jobJSON(job, at: context.now)) }
      }
      return .json(.array(latest))
    },
    Route("GET", "flows/:id/lastExportDateTime") { context in
      let flowId = try context.flow()["_id"]?.stringValue
      let job = context.state.jobs.last { $0.kind == .flow && $0.flowId == flowId && $0.status(at: context.now) == .completed }
      return .json(["lastExportDateTime": job.map { .string(Timestamp.iso($0.createdAt)) } ?? .null])
    },
    Route("POST", "flows/:id/run") { context in
      let flow = try context.flow()
      let name = flow["name"]?.stringValue ?? ""
      if flow["disabled"]?.boolValue == true {
        throw APIError(status: 422, code: "invalid_operation", message: "Flow \(name) is disabled. Enable it before running it.")
      }
      let generators = context.state.generatorIDs(ofFlow: flow)
      guard !generators.isEmpty else {
        throw APIError(status: 422, code: "invalid_operation", message: "Flow \(name) has no page generators to run.")
      }
      var selected = generators
      if context.body?["_exportIds"] != nil {
        selected = try context.stringArray("_exportIds")
        if let unknown = selected.first(where: { !generators.contains($0) }) {
          throw APIError(
            status: 422, code: "invalid_field",
            message: "Export \(unknown) is not a page generator of flow \(name).", field: "_exportIds")
        }
      }
      for field in ["startDate", "endDate"] {
        if let value = context.body?["export"]?[field], value.stringValue.flatMap(Timestamp.parse) == nil {
          throw APIError(
            status: 422, code: "invalid_field", message: "export.\(field) must be an ISO-8601 time.",
            field: "export.\(field)")
        }
      }
      let job = context.state.startRun(flow: flow, exportIDs: selected.isEmpty ? generators : selected, at: context.now)
      return .json(["_jobId": .string(job.id)], status: 201)
    },
  ]
}

extension RouteContext {
  /// Returns the flow named by the `id` parameter, or throws 404.
  func flow() throws -> JSONValue {
    try state.require("flows", id: parameter("id"))
  }
}
