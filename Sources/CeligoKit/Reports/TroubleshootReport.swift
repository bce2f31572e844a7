/// The findings of `celigo troubleshoot` about one flow, as text sections
/// and one JSON object.
struct TroubleshootReport {
  let flow: JSONValue
  let runs: [JSONValue]
  /// `flowErrors` rows of `GET /v1/flows/{id}/errors`.
  let summary: [JSONValue]
  let steps: [String: FlowStep]
  var groups: [ErrorGroup] = []

  init(flow: JSONValue, runs: [JSONValue], summary: [JSONValue], descendants: JSONValue) {
    self.flow = flow
    self.runs = runs
    self.summary = summary
    var steps: [String: FlowStep] = [:]
    for (collection, type) in [("exports", "export"), ("imports", "import")] {
      for step in descendants[collection]?.arrayValue ?? [] {
        guard let id = step["_id"]?.stringValue else { continue }
        steps[id] = FlowStep(
          id: id, type: type, name: step["name"]?.stringValue ?? id,
          connectionId: step["_connectionId"]?.stringValue)
      }
    }
    self.steps = steps
  }

  var flowId: String { flow["_id"]?.stringValue ?? "" }

  /// Steps with open errors, most errors first. A step missing from the
  /// descendants is taken for an import, the usual place of record errors.
  var failingSteps: [FlowStep] {
    summary.filter { ($0["numError"]?.intValue ?? 0) > 0 }
      .sorted { ($0["numError"]?.intValue ?? 0) > ($1["numError"]?.intValue ?? 0) }
      .compactMap { row in
        guard let id = row["_expOrImpId"]?.stringValue else { return nil }
        return steps[id] ?? FlowStep(id: id, type: "import", name: id, connectionId: nil)
      }
  }

  var heading: String {
    let name = flow["name"]?.stringValue ?? flowId
    let integration = flow["_integrationId"]?.stringValue.map { "integration \($0)" } ?? "standalone flow"
    let disabled = flow["disabled"] == true ? ", disabled" : ""
    return "Flow \(name) (\(flowId)), \(integration)\(disabled)\n\n"
  }

  var stepRows: [JSONValue] {
    failingSteps.map { step in
      let row = summary.first { $0["_expOrImpId"]?.stringValue == step.id } ?? .object([])
      return [
        "stepId": .string(step.id), "type": .string(step.type), "step": .string(step.name),
        "numError": row["numError"] ?? .null, "lastErrorAt": row["lastErrorAt"] ?? .null,
      ]
    }
  }

  var sections: [ReportSection] {
    [
      ReportSection(
        "Latest runs",
        [
          TableColumn("JOB", "_id"), TableColumn("STATUS", "status"), TableColumn("CREATED", "createdAt"),
          TableColumn("SUCCESS", "numSuccess"), TableColumn("ERRORS", "numError"),
          TableColumn("IGNORED", "numIgnore"),
        ], runs, emptyText: "no runs"),
      ReportSection(
        "Steps with open errors",
        [
          TableColumn("STEP", "stepId"), TableColumn("TYPE", "type"), TableColumn("NAME", "step", flexible: true),
          TableColumn("ERRORS", "numError"), TableColumn("LAST ERROR", "lastErrorAt"),
        ], stepRows),
      ReportSection(
        "Open errors by message",
        [
          TableColumn("COUNT", "count"), TableColumn("STEP", "step", flexible: true), TableColumn("CODE", "code"),
          TableColumn("CLASSIFICATION", "classification"), TableColumn("MESSAGE", "pattern", flexible: true),
        ], groups.map(\.json)),
    ]
  }

  /// The commands to run next, each with what it is for.
  var nextCommands: [(command: String, purpose: String)] {
    var commands: [(String, String)] = []
    for step in failingSteps {
      let options = "--flow \(flowId) --\(step.type) \(step.id)"
      let stepGroups = groups.filter { $0.step.id == step.id }
      commands.append(("celigo errors list \(options)", "read the open errors of \(step.name)"))
      if let key = stepGroups.first?.example["retryDataKey"]?.stringValue, !key.isEmpty {
        commands.append(("celigo errors retry-data \(options) --key \(key)", "see the record behind the most common error"))
      }
      if stepGroups.contains(where: \.connectionProblem), let connection = step.connectionId {
        commands.append(("celigo connections test \(connection)", "check the connection \(step.name) uses"))
      }
      commands.append(("celigo errors retry \(options) --all", "retry them once the cause is fixed"))
      commands.append(("celigo errors resolve \(options) --all", "resolve them when no retry is needed"))
    }
    if flow["disabled"] != true {
      commands.append(("celigo flows run \(flowId) --wait", "run the flow again and follow it"))
    }
    return commands
  }

  /// Returns each command under a `#` line that names its purpose, so that
  /// the block can be pasted into a shell as it is.
  var nextCommandsText: String {
    let lines = nextCommands.map { "  # \($0.purpose)\n  \($0.command)" }
    return "Next commands\n" + lines.joined(separator: "\n")
  }

  var json: JSONValue {
    [
      "flow": ["_id": .string(flowId), "name": flow["name"] ?? .null, "_integrationId": flow["_integrationId"] ?? .null],
      "latestRuns": .array(runs), "failingSteps": .array(stepRows), "errorGroups": .array(groups.map(\.json)),
      "nextCommands": .array(nextCommands.map { .string($0.command) }),
    ]
  }
}
