/// `celigo integrations …`
enum IntegrationCommands {
  static let example = "f893a2eefb32555e71c18690"

  static let all: [CommandSpec] = [
    CommandSpec(
      "integrations", "list", "list integrations",
      options: [OptionSpec("--sandbox", .boolean, "only sandbox (true) or production (false) integrations")],
      examples: ["celigo integrations list", "celigo integrations list --format json"],
      run: Build.list(.integrations, { _ in "/v1/integrations" }) {
        Build.query($0, [("--sandbox", "sandbox")])
      }),
    CommandSpec(
      "integrations", "get", "show one integration",
      arguments: [Build.idArgument(.integration)],
      examples: ["celigo integrations get \(example)"],
      run: Build.record { "/v1/integrations/\($0.arguments["integration"] ?? "")" }),
    child("flows", .flows, "list the integration's flows"),
    child("connections", .connections, "list the integration's connections"),
    child("exports", .exports, "list the integration's exports"),
    child("imports", .imports, "list the integration's imports"),
    CommandSpec(
      "integrations", "users", "list the users the integration is shared with",
      arguments: [Build.idArgument(.integration)],
      examples: ["celigo integrations users \(example)"],
      run: Build.list(.users) { "/v1/integrations/\($0.arguments["integration"] ?? "")/ashares" }),
    CommandSpec(
      "integrations", "dependencies", "list the resources the integration uses",
      arguments: [Build.idArgument(.integration)],
      examples: ["celigo integrations dependencies \(example)"],
      run: Dependencies.handler { "/v1/integrations/\($0.arguments["integration"] ?? "")/dependencies" }),
    CommandSpec(
      "integrations", "audit", "show the integration's audit log",
      arguments: [Build.idArgument(.integration)],
      examples: ["celigo integrations audit \(example)"],
      run: Build.list(.audit) { "/v1/integrations/\($0.arguments["integration"] ?? "")/audit" }),
    CommandSpec(
      "integrations", "errors", "count open errors per flow of the integration",
      arguments: [Build.idArgument(.integration)],
      options: [
        OptionSpec("--since", .date, "errors that occurred at or after this time"),
        OptionSpec("--until", .date, "errors that occurred at or before this time"),
        OptionSpec("--source", .choice(ErrorCommands.sources), "only errors from this source"),
      ],
      examples: ["celigo integrations errors \(example)"],
      run: .api { invocation, context in
        try await ErrorSummaries.integration(invocation, context)
      }),
  ]

  static func child(_ kind: String, _ layout: TableLayout, _ summary: String) -> CommandSpec {
    CommandSpec(
      "integrations", kind, summary,
      arguments: [Build.idArgument(.integration)],
      examples: ["celigo integrations \(kind) \(example)"],
      run: Build.list(layout) { "/v1/integrations/\($0.arguments["integration"] ?? "")/\(kind)" })
  }
}

/// Dependency responses are objects keyed by resource type, so tables show one
/// row per dependent resource.
enum Dependencies {
  static func handler(_ path: @escaping @Sendable (Invocation) -> String) -> CommandRunKind {
    .api { invocation, context in
      let value = try await context.client.json(APIRequest("GET", path(invocation))) ?? .object([])
      if context.output.format == .json {
        context.output.record(value)
        return
      }
      context.output.records(rows(value), .dependencies)
    }
  }

  /// Flattens `{"exports": [{…}], "imports": [{…}]}` into one row per
  /// resource with its type, ID and name.
  static func rows(_ value: JSONValue) -> [JSONValue] {
    var rows: [JSONValue] = []
    for (type, items) in value.objectPairs ?? [] {
      for item in items.arrayValue ?? [] {
        rows.append([
          "type": .string(type), "id": item["id"] ?? item["_id"] ?? .null, "name": item["name"] ?? .null,
        ])
      }
    }
    return rows
  }
}
