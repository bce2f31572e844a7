import CeligoKit

extension Router {
  static let connectionRoutes: [Route] = [
    Route("GET", "connections") { context in
      var connections = context.state.collections["connections"] ?? []
      for field in ["type", "_integrationId"] {
        if let value = context.request.queryValue(field) {
          connections = connections.filter { $0[field]?.stringValue == value }
        }
      }
      return try LinkPaging.page(connections, context: context, emptyIsNoContent: true)
    },
    Route("GET", "connections/:id") { context in
      .json(try context.state.require("connections", id: context.parameter("id")))
    },
    Route("GET", "connections/:id/dependencies") { context in
      _ = try context.state.require("connections", id: context.parameter("id"))
      return .json(context.state.dependencies(ofConnection: context.parameter("id")))
    },
    Route("POST", "connections/:id/ping") { context in
      let connection = try context.state.require("connections", id: context.parameter("id"))
      guard connection["offline"]?.boolValue == true else { return .json(["code": 200]) }
      // The API reports a failed ping with status 200 and an errors array.
      return .json([
        "errors": [["code": "401", "message": "Incorrect username or password was specified. The connection is offline."]],
      ])
    },
    Route("GET", "connections/:id/debug") { context in
      _ = try context.state.require("connections", id: context.parameter("id"))
      return .text(context.state.debugLogs[context.parameter("id")] ?? "")
    },
  ]
}
