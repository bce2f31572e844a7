/// `celigo troubleshoot <flow>`: the flow's latest runs, the steps with open
/// errors, those errors grouped by message pattern, and the commands to run
/// next with the IDs filled in.
enum Troubleshoot {
  static let latestRunCount = 10

  static func run(_ invocation: Invocation, _ context: CommandContext) async throws {
    let flowId = try invocation.required("flow")
    let client = context.client
    let flow = try await client.document(APIRequest("GET", "/v1/flows/\(flowId)"))

    // The newest jobs come first; the API has no page-size parameter for
    // jobs, so one page is read and cut to the latest runs.
    async let jobList = client.linkList(APIRequest("GET", "/v1/jobs", query: [("_flowId", flowId)]))
    async let summary = client.json(APIRequest("GET", "/v1/flows/\(flowId)/errors"))
    async let descendants = client.json(APIRequest("GET", "/v1/flows/\(flowId)/descendants"))
    var report = TroubleshootReport(
      flow: flow, runs: Array(try await jobList.prefix(latestRunCount)),
      summary: try await summary?["flowErrors"]?.arrayValue ?? [],
      descendants: try await descendants ?? .object([]))

    report.groups = try await FanOut.map(report.failingSteps, limit: HealthCheck.defaultConcurrency) { step in
      try await groups(flowId: flowId, step: step, client: client)
    }.flatMap { $0 }.sorted { ($0.count, $1.pattern) > ($1.count, $0.pattern) }

    if context.output.format == .json {
      context.output.record(report.json)
    } else {
      context.output.text(report.heading)
      context.output.sections(report.sections)
      context.output.text(report.nextCommandsText)
    }
  }

  /// Reads every open error of one step and groups them by pattern, in
  /// first-seen order.
  static func groups(flowId: String, step: FlowStep, client: APIClient) async throws -> [ErrorGroup] {
    var order: [String] = []
    var groups: [String: ErrorGroup] = [:]
    try await client.forEachBodyPage(
      APIRequest("GET", "/v1/flows/\(flowId)/\(step.id)/errors"), itemsKey: "errors"
    ) { page in
      for error in page {
        let pattern = ErrorPattern.normalize(error["message"]?.stringValue ?? "")
        if groups[pattern] == nil {
          order.append(pattern)
          groups[pattern] = ErrorGroup(step: step, pattern: pattern, example: error)
        }
        groups[pattern]?.add(error)
      }
      return true
    }
    return order.compactMap { groups[$0] }
  }
}

/// An export or import of the flow, from `GET /v1/flows/{id}/descendants`.
struct FlowStep: Sendable {
  let id: String
  /// `export` or `import`, the option name of `celigo errors` commands.
  let type: String
  let name: String
  let connectionId: String?
}

/// Open errors of one step that share a message pattern.
struct ErrorGroup: Sendable {
  let step: FlowStep
  let pattern: String
  /// The first error seen, whose retry data key the next commands use.
  let example: JSONValue
  var count = 0
  var lastOccurredAt = ""
  /// True when the API classified an error as a connection problem.
  var connectionProblem = false

  mutating func add(_ error: JSONValue) {
    count += 1
    lastOccurredAt = max(lastOccurredAt, error["occurredAt"]?.stringValue ?? "")
    if error["classification"] == "connection" || error["source"] == "connection" { connectionProblem = true }
  }

  var json: JSONValue {
    [
      "stepId": .string(step.id), "type": .string(step.type), "step": .string(step.name),
      "count": .int(Int64(count)), "pattern": .string(pattern), "code": example["code"] ?? .null,
      "source": example["source"] ?? .null, "classification": example["classification"] ?? .null,
      "lastOccurredAt": .string(lastOccurredAt), "exampleMessage": example["message"] ?? .null,
      "exampleErrorId": example["errorId"] ?? .null, "exampleRetryDataKey": example["retryDataKey"] ?? .null,
    ]
  }
}
