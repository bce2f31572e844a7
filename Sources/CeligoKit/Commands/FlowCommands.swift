/// `celigo flows …`
enum FlowCommands {
  static let example = "40d6824e2ef3fc17879e2e22"

  static func flowPath(_ invocation: Invocation, _ suffix: String = "") -> String {
    "/v1/flows/\(invocation.arguments["flow"] ?? "")\(suffix)"
  }

  static let all: [CommandSpec] = [
    CommandSpec(
      "flows", "list", "list flows",
      options: [
        OptionSpec("--integration", .id(.integration), "only flows of this integration"),
        OptionSpec("--disabled", .boolean, "only disabled (true) or enabled (false) flows"),
      ],
      examples: ["celigo flows list", "celigo flows list --integration \(IntegrationCommands.example)"],
      run: Build.list(.flows, { _ in "/v1/flows" }) {
        Build.query($0, [("--integration", "_integrationId"), ("--disabled", "disabled")])
      }),
    CommandSpec(
      "flows", "get", "show one flow",
      arguments: [Build.idArgument(.flow)],
      examples: ["celigo flows get \(example)"],
      run: Build.record { flowPath($0) }),
    CommandSpec(
      "flows", "descendants", "list the flow's exports and imports",
      arguments: [Build.idArgument(.flow)],
      examples: ["celigo flows descendants \(example)"],
      run: .api { invocation, context in
        let value = try await context.client.document(
          APIRequest("GET", flowPath(invocation, "/descendants")))
        if context.output.format == .json {
          context.output.record(value)
          return
        }
        context.output.records(Dependencies.rows(value), .dependencies)
      }),
    CommandSpec(
      "flows", "audit", "show the flow's audit log",
      arguments: [Build.idArgument(.flow)],
      examples: ["celigo flows audit \(example)"],
      run: Build.list(.audit) { flowPath($0, "/audit") }),
    CommandSpec(
      "flows", "dependencies", "list the resources the flow uses",
      arguments: [Build.idArgument(.flow)],
      examples: ["celigo flows dependencies \(example)"],
      run: Dependencies.handler { flowPath($0, "/dependencies") }),
    CommandSpec(
      "flows", "run", "run a flow now; prints the new flow job's ID",
      arguments: [Build.idArgument(.flow)],
      options: [
        OptionSpec("--export-ids", .idList(.export), "run only these exports (page generators) of the flow"),
        OptionSpec("--start-date", .date, "delta exports: records changed at or after this time"),
        OptionSpec("--end-date", .date, "delta exports: records changed before this time"),
        OptionSpec(
          "--wait", nil,
          "follow the run until it ends; exit 10 with record errors, 11 failed, 12 canceled"),
        WorkflowCommands.waitTimeout,
      ],
      examples: [
        "celigo flows run \(example)",
        "celigo flows run \(example) --start-date 2026-11-01 --end-date 2026-11-02",
        "celigo flows run \(example) --wait --wait-timeout 30m",
      ],
      run: .api { invocation, context in
        try await FlowRun.run(invocation, context)
      }),
    CommandSpec(
      "flows", "errors", "count open errors per step of the flow",
      arguments: [Build.idArgument(.flow)],
      examples: ["celigo flows errors \(example)"],
      run: .api { invocation, context in
        try await ErrorSummaries.flow(invocation, context)
      }),
    CommandSpec(
      "flows", "jobs-latest", "show the latest job of each of the flow's exports",
      arguments: [Build.idArgument(.flow)],
      examples: ["celigo flows jobs-latest \(example)"],
      run: Build.list(.latestJobs) { flowPath($0, "/jobs/latest") }),
    CommandSpec(
      "flows", "last-export-datetime", "show when the flow's delta export last ran",
      arguments: [Build.idArgument(.flow)],
      examples: ["celigo flows last-export-datetime \(example)"],
      run: .api { invocation, context in
        let value = try await context.client.document(
          APIRequest("GET", flowPath(invocation, "/lastExportDateTime")))
        context.output.result(
          json: value, text: value["lastExportDateTime"]?.cellText ?? "(never exported)")
      }),
  ]
}

/// Starting a flow run.
enum FlowRun {
  static func run(_ invocation: Invocation, _ context: CommandContext) async throws {
    guard let flow = invocation.argument("flow") else { return }
    var body: [(key: String, value: JSONValue)] = []
    var window: [(key: String, value: JSONValue)] = []
    if let start = invocation.value("--start-date") { window.append(("startDate", .string(start))) }
    if let end = invocation.value("--end-date") { window.append(("endDate", .string(end))) }
    if !window.isEmpty { body.append(("export", .object(window))) }
    let exports = invocation.list("--export-ids")
    if !exports.isEmpty { body.append(("_exportIds", .array(exports.map(JSONValue.string)))) }

    let response = try await context.client.json(
      APIRequest("POST", "/v1/flows/\(flow)/run", body: .object(body)))
    // The API returns one object, but some clients have seen a list of them.
    let first = response?.arrayValue?.first ?? response
    guard let jobId = first?["_jobId"]?.stringValue else {
      throw CeligoError.malformedResponse(
        method: "POST", path: "/v1/flows/\(flow)/run", reason: "no _jobId in the answer")
    }
    let timeout = invocation.value("--wait-timeout").flatMap(Int.init)
    guard invocation.flag("--wait") || timeout != nil else {
      context.output.result(
        json: response,
        text: "Started flow \(flow): job \(jobId) (queued)\nFollow it with: celigo jobs watch \(jobId)")
      return
    }
    let display = WatchDisplay(output: context.output, terminalWidth: context.terminal.liveWidth)
    display.announce(
      event: ["event": "started", "jobId": .string(jobId), "flowId": .string(flow)],
      text: "Started flow \(flow): job \(jobId)")
    try await RunFollower.follow(
      jobId: jobId, flowId: flow, timeout: timeout, display: display, context: context)
  }
}
