import CeligoKit

extension Router {
  static let integrationRoutes: [Route] = [
    Route("GET", "tokenInfo") { context in
      .json(["_userId": .string(context.state.userId), "scope": "*"])
    },
    Route("GET", "integrations") { context in
      var integrations = context.state.collections["integrations"] ?? []
      if let sandbox = context.request.queryValue("sandbox") {
        let expected = sandbox == "true"
        integrations = integrations.filter { ($0["sandbox"]?.boolValue ?? false) == expected }
      }
      return try LinkPaging.page(integrations, context: context)
    },
    Route("GET", "integrations/:id") { context in
      .json(try context.state.require("integrations", id: context.parameter("id")))
    },
    Route("GET", "integrations/:id/:collection") { context in
      let id = context.parameter("id")
      _ = try context.state.require("integrations", id: id)
      let state = context.state
      switch context.parameter("collection") {
      case let collection where ["flows", "connections", "exports", "imports"].contains(collection):
        return try LinkPaging.page(state.records(collection, where: "_integrationId", is: id), context: context)
      case "ashares":
        return try LinkPaging.page(state.users(ofIntegration: id), context: context)
      case "dependencies":
        return .json(state.dependencies(ofIntegration: id))
      case "audit":
        return try LinkPaging.page(state.audit(ofIntegration: id), context: context)
      case "errors":
        // occurredAt_gte, occurredAt_lte and source are sent by some clients; the UI sends none.
        let from = try context.timeFilter("occurredAt_gte")
        let until = try context.timeFilter("occurredAt_lte")
        let sources = Set(context.request.queryValues("source"))
        let summary = state.errorSummary(ofIntegration: id) { error in
          (from.map { error.occurredAt >= $0 } ?? true) && (until.map { error.occurredAt <= $0 } ?? true)
            && (sources.isEmpty || sources.contains(error.source))
        }
        return .json(.array(summary))
      default:
        throw APIError.notFound("Route \(context.request.method) \(context.request.path)")
      }
    },
    // NOTE: Celigo documents no REST path for integration-wide assignment; this
    // one mirrors PUT /v1/flows/{f}/{step}/errors/assign.
    Route("PUT", "integrations/:id/errors/assign") { context in
      let id = context.parameter("id")
      _ = try context.state.require("integrations", id: id)
      let errorIds = try context.stringArray("errorIds")
      guard let email = context.body?["email"]?.stringValue else { throw APIError.missingField("email") }
      for stepKey in context.state.stepKeys(ofIntegration: id) {
        let parts = stepKey.split(separator: "/").map(String.init)
        try context.state.updateErrors(ids: errorIds, flowId: parts[0], stepId: parts[1]) { $0.assignedTo = email }
      }
      return .empty(204)
    },
  ]
}
