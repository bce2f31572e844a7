/// Error counts per flow of an integration, and per step of a flow, with
/// names added for tables.
enum ErrorSummaries {
  static func integration(_ invocation: Invocation, _ context: CommandContext) async throws {
    let id = try invocation.required("integration")
    let query = Build.query(
      invocation, [("--since", "occurredAt_gte"), ("--until", "occurredAt_lte"), ("--source", "source")])
    let summary = try await context.client.json(
      APIRequest("GET", "/v1/integrations/\(id)/errors", query: query))
    let rows = summary?.arrayValue ?? []
    if context.output.format == .json {
      context.output.record(.array(rows))
      return
    }
    var names: [String: JSONValue] = [:]
    try await context.client.forEachLinkPage(APIRequest("GET", "/v1/integrations/\(id)/flows")) { page in
      for flow in page {
        if let flowId = flow["_id"]?.stringValue { names[flowId] = flow["name"] }
      }
    }
    context.output.records(
      rows.map { $0.setting("name", to: names[$0["_flowId"]?.stringValue ?? ""] ?? .null) },
      .integrationErrors)
  }

  static func flow(_ invocation: Invocation, _ context: CommandContext) async throws {
    let id = try invocation.required("flow")
    let summary = try await context.client.json(APIRequest("GET", "/v1/flows/\(id)/errors"))
    if context.output.format == .json {
      context.output.record(summary ?? .object([]))
      return
    }
    let steps = try await self.steps(ofFlow: id, context)
    let rows = (summary?["flowErrors"]?.arrayValue ?? []).map { row -> JSONValue in
      let step = steps[row["_expOrImpId"]?.stringValue ?? ""]
      return row.setting("type", to: step.map { .string($0.kind) } ?? .null)
        .setting("name", to: step?.name ?? .null)
    }
    context.output.records(rows, .flowErrors)
  }

  /// Returns the kind (`export` or `import`) and name of each step of a
  /// flow by step ID, from `GET /v1/flows/{id}/descendants`.
  static func steps(
    ofFlow id: String, _ context: CommandContext
  ) async throws -> [String: (kind: String, name: JSONValue)] {
    let descendants = try await context.client.json(APIRequest("GET", "/v1/flows/\(id)/descendants"))
    var steps: [String: (kind: String, name: JSONValue)] = [:]
    for (type, singular) in [("exports", "export"), ("imports", "import")] {
      for step in descendants?[type]?.arrayValue ?? [] {
        if let stepId = step["_id"]?.stringValue { steps[stepId] = (singular, step["name"] ?? .null) }
      }
    }
    return steps
  }
}
