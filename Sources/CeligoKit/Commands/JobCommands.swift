/// `celigo jobs …`
enum JobCommands {
  /// A completed flow job of `FlowCommands.example` with no errors.
  // NOTE: the demo account starts with no queued or running job, so the
  // `jobs cancel` examples are rejected there. Cancel a job of `flows run`.
  static let example = "4cce5aae375896659ec598a0"
  static let statuses = ["queued", "running", "completed", "failed", "canceled", "retrying", "canceling"]
  static let types = ["flow", "export", "import", "retry", "bulk_retry"]

  static let all: [CommandSpec] = [
    CommandSpec(
      "jobs", "list", "list jobs, newest first (the last 24 hours when no filter is given)",
      options: [
        OptionSpec("--status", .choice(statuses), "only jobs with this status (repeatable)"),
        OptionSpec("--integration", .id(.integration), "only jobs of this integration"),
        OptionSpec("--flow", .id(.flow), "only jobs of this flow"),
        OptionSpec("--export", .id(.export), "only jobs of this export"),
        OptionSpec("--import", .id(.import), "only jobs of this import"),
        OptionSpec("--flow-job", .id(.job), "only the export and import jobs of this flow job"),
        OptionSpec("--type", .choice(types), "only jobs of this type"),
        OptionSpec("--since", .date, "jobs created at or after this time (ISO date or age: 24h, 7d)"),
        OptionSpec("--until", .date, "jobs created at or before this time"),
        OptionSpec("--limit", .integer(1...1_000_000), "at most this many jobs (default 1000)"),
      ],
      examples: [
        "celigo jobs list --flow \(FlowCommands.example) --status failed",
        "celigo jobs list --integration \(IntegrationCommands.example) --since 7d --limit 5000",
        "celigo jobs list --flow-job \(example)",
      ],
      run: .api { invocation, context in
        try await JobList.run(invocation, context)
      }),
    CommandSpec(
      "jobs", "get", "show one job",
      arguments: [Build.idArgument(.job)],
      examples: ["celigo jobs get \(example)"],
      run: Build.record { "/v1/jobs/\($0.arguments["job"] ?? "")" }),
    CommandSpec(
      "jobs", "cancel", "cancel a queued or running flow job (asks first)",
      arguments: [Build.idArgument(.job)],
      examples: ["celigo jobs cancel \(example)", "celigo jobs cancel \(example) --yes"],
      run: .api { invocation, context in
        try await JobCancel.run(invocation, context)
      }),
  ]
}

/// Canceling a job: only flow jobs can be canceled, so the job is read first.
enum JobCancel {
  static func run(_ invocation: Invocation, _ context: CommandContext) async throws {
    let id = try invocation.required("job")
    let job = try await context.client.document(APIRequest("GET", "/v1/jobs/\(id)"))
    let type = job["type"]?.stringValue ?? "unknown"
    let status = job["status"]?.stringValue ?? "unknown"

    guard type == "flow" else {
      let parent = job["_flowJobId"]?.stringValue.map { "; cancel its flow job \($0) instead" } ?? ""
      throw CeligoError.usage("job \(id) is an \(type) job: only flow jobs can be canceled\(parent)")
    }
    guard status == "queued" || status == "running" else {
      throw CeligoError.usage("job \(id) is \(status): only queued or running jobs can be canceled")
    }

    let flow = job["_flowId"]?.stringValue ?? "unknown flow"
    try context.confirm("Cancel \(status) flow job \(id) of flow \(flow)?")
    let response = try await context.client.json(APIRequest("PUT", "/v1/jobs/\(id)/cancel", body: .object([])))
    context.output.result(json: response, text: "Canceled job \(id) of flow \(flow)")
  }
}
