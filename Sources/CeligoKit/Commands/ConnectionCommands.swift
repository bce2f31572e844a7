/// `celigo connections …`
enum ConnectionCommands {
  static let example = "6f9b6dae6f4c57a82ac2ce17"
  static let types = [
    "rest", "http", "netsuite", "salesforce", "ftp", "s3", "rdbms", "wrapper", "as2", "mongodb",
    "dynamodb", "jdbc",
  ]

  static func connectionPath(_ invocation: Invocation, _ suffix: String = "") -> String {
    "/v1/connections/\(invocation.arguments["connection"] ?? "")\(suffix)"
  }

  static let all: [CommandSpec] = [
    CommandSpec(
      "connections", "list", "list connections",
      options: [
        OptionSpec("--integration", .id(.integration), "only connections of this integration"),
        OptionSpec("--type", .choice(types), "only connections of this type"),
      ],
      examples: ["celigo connections list", "celigo connections list --type netsuite"],
      run: Build.list(.connections, { _ in "/v1/connections" }) {
        Build.query($0, [("--integration", "_integrationId"), ("--type", "type")])
      }),
    CommandSpec(
      "connections", "get", "show one connection",
      arguments: [Build.idArgument(.connection)],
      examples: ["celigo connections get \(example)"],
      run: Build.record { connectionPath($0) }),
    CommandSpec(
      "connections", "dependencies", "list the resources that use the connection",
      arguments: [Build.idArgument(.connection)],
      examples: ["celigo connections dependencies \(example)"],
      run: Dependencies.handler { connectionPath($0, "/dependencies") }),
    CommandSpec(
      "connections", "test", "test (ping) the connection; exit 1 when it fails",
      arguments: [Build.idArgument(.connection)],
      examples: ["celigo connections test \(example)"],
      run: .api { invocation, context in
        let id = invocation.arguments["connection"] ?? ""
        let response = try await context.client.json(
          APIRequest("POST", connectionPath(invocation, "/ping")))
        // A failed ping can still answer 2xx, with the reason in errors[].
        if let failures = response?["errors"]?.arrayValue, !failures.isEmpty {
          let reasons = failures.compactMap { $0["message"]?.stringValue }.joined(separator: "; ")
          if context.output.format == .json { context.output.record(response ?? .null) }
          throw CeligoError.failed(
            "connection \(id) test failed: \(reasons.isEmpty ? "no reason given" : reasons)",
            exitCode: ExitCode.failure)
        }
        context.output.result(json: response, text: "Connection \(id) is online: the test passed")
      }),
    CommandSpec(
      "connections", "debug-log", "print the connection's debug log as the API returns it",
      arguments: [Build.idArgument(.connection)],
      examples: ["celigo connections debug-log \(example)"],
      run: .api { invocation, context in
        let response = try await context.client.send(
          APIRequest("GET", connectionPath(invocation, "/debug")))
        context.output.text(String(decoding: response.body, as: UTF8.self))
      }),
    CommandSpec(
      "connections", "logs", "list the connection's debug log as entries",
      arguments: [Build.idArgument(.connection)],
      examples: ["celigo connections logs \(example)", "celigo connections logs \(example) -f json"],
      run: .api { invocation, context in
        let response = try await context.client.send(
          APIRequest("GET", connectionPath(invocation, "/debug")))
        let entries = DebugLog.parse(String(decoding: response.body, as: UTF8.self))
        context.output.records(entries, .debugLog)
      }),
  ]
}

/// The connection debug log: a header line `<ISO time> <request id>
/// <resource type> <resource id>` before each request or response body.
enum DebugLog {
  static func parse(_ text: String) -> [JSONValue] {
    var entries: [JSONValue] = []
    var seen = Set<String>()
    var header: [String]?
    var body: [String] = []

    func flush() {
      guard let fields = header else { return }
      let requestId = fields.count > 1 ? fields[1] : ""
      let kind = seen.insert(requestId).inserted ? "request" : "response"
      let bodyText = body.joined(separator: "\n")
      let parsed = (try? JSONValue.parse(bodyText)) ?? .string(bodyText)
      entries.append([
        "time": .string(fields[0]), "requestId": .string(requestId),
        "resourceType": .string(fields.count > 2 ? fields[2] : ""),
        "resourceId": .string(fields.count > 3 ? fields[3] : ""), "kind": .string(kind),
        "body": parsed,
      ])
      body = []
    }

    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let fields = line.split(separator: " ").map(String.init)
      if let first = fields.first, isTimestamp(first), fields.count >= 2 {
        flush()
        header = fields
      } else if header != nil, !line.isEmpty {
        body.append(String(line))
      }
    }
    flush()
    return entries
  }

  static func isTimestamp(_ word: String) -> Bool {
    word.count >= 20 && word.hasSuffix("Z") && word.dropFirst(4).first == "-"
      && word.prefix(4).allSatisfy(\.isNumber)
  }
}
