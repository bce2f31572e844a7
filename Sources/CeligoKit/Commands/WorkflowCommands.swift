/// `celigo jobs watch`, `celigo health` and `celigo troubleshoot`: commands
/// that combine several API calls to follow a run or check an account.
enum WorkflowCommands {
  static let waitTimeout = OptionSpec(
    "--wait-timeout", .duration,
    "stop waiting after this long, such as 90s, 30m or 1h (default: no limit); the run goes on")

  static let all: [CommandSpec] = [
    CommandSpec(
      "jobs", "watch", "follow a job and its export and import jobs until it ends",
      arguments: [Build.idArgument(.job)],
      options: [waitTimeout],
      examples: [
        "celigo jobs watch \(JobCommands.example)",
        "celigo jobs watch \(JobCommands.example) --wait-timeout 1h --format json",
      ],
      run: .api { invocation, context in
        let display = WatchDisplay(output: context.output, terminalWidth: context.terminal.liveWidth)
        try await RunFollower.follow(
          jobId: try invocation.required("job"), flowId: nil,
          timeout: invocation.value("--wait-timeout").flatMap(Int.init), display: display,
          context: context)
      }),
    CommandSpec(
      "health", nil, "check failed and running jobs, open errors and offline connections; exit 10 on problems",
      options: [
        OptionSpec("--integration", .id(.integration), "check only this integration"),
        OptionSpec("--since", .date, "failed jobs created at or after this time (default 24h)"),
        OptionSpec("--test-connections", nil, "also test (ping) every connection"),
        OptionSpec("--concurrency", .integer(1...16), "requests in flight at once (default 8)"),
      ],
      examples: [
        "celigo health", "celigo health --since 7d --test-connections",
        "celigo health --integration \(IntegrationCommands.example) --format json",
      ],
      run: .api { invocation, context in try await HealthCheck.run(invocation, context) }),
    CommandSpec(
      "troubleshoot", nil, "show a flow's latest runs, failing steps, errors by pattern and next commands",
      arguments: [Build.idArgument(.flow)],
      examples: ["celigo troubleshoot \(FlowCommands.example)"],
      run: .api { invocation, context in try await Troubleshoot.run(invocation, context) }),
  ]
}
