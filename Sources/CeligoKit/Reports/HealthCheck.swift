import Foundation

/// `celigo health` lists what needs attention in an account or one
/// integration. That is failed jobs since a time, open errors per flow,
/// offline connections and, on request, failed connection tests. Running
/// jobs are listed for context.
///
/// The lists are read side by side. Then one request goes out per
/// integration (`GET /v1/integrations/{id}/errors`), per standalone flow
/// (`GET /v1/flows/{id}/errors`, because integration summaries leave
/// standalone flows out) and per connection ping. At most `--concurrency`
/// requests are in flight on one client, whose 429 handling honours
/// `Retry-After`.
enum HealthCheck {
  /// One request of the second phase.
  enum Probe: Sendable {
    case integrationErrors(String)
    case flowErrors(String)
    case ping(String)
  }

  /// The result of one probe.
  enum ProbeResult: Sendable {
    /// Rows `{_flowId, numError, lastErrorAt}` of one integration.
    case integrationErrors([JSONValue])
    /// The `flowErrors` step rows of one standalone flow.
    case flowErrors(String, [JSONValue])
    /// A connection test: the failure reasons, or nil when it passed.
    case ping(String, [String]?)
  }

  static let defaultConcurrency = 8

  static func run(_ invocation: Invocation, _ context: CommandContext) async throws {
    let integration = invocation.value("--integration")
    let since = invocation.value("--since") ?? DateValue.format(Date().addingTimeInterval(-86_400))
    let limit = invocation.value("--concurrency").flatMap(Int.init) ?? defaultConcurrency
    let client = context.client

    // NOTE: the four lists always go out side by side, so --concurrency 1
    // makes only the per-integration, per-flow and ping requests sequential.
    let scope = integration.map { "/v1/integrations/\($0)" }
    async let integrationList = integrations(integration, client: client)
    async let flowList = client.linkList(APIRequest("GET", (scope ?? "/v1") + "/flows"))
    async let connectionList = client.linkList(APIRequest("GET", (scope ?? "/v1") + "/connections"))
    var jobQuery = [("status", "failed"), ("status", "running"), ("status", "queued"), ("createdAt_gte", since)]
    if let integration { jobQuery.insert(("_integrationId", integration), at: 0) }
    async let jobList = JobPages.all(query: jobQuery, limit: 100_000, client: client)
    var report = HealthReport(
      since: since, integrations: try await integrationList, flows: try await flowList,
      connections: try await connectionList, jobs: try await jobList)

    var probes = report.integrations.compactMap { $0["_id"]?.stringValue }.map(Probe.integrationErrors)
    probes += report.standaloneFlowIDs.map(Probe.flowErrors)
    if invocation.flag("--test-connections") {
      probes += report.connections.compactMap { $0["_id"]?.stringValue }.map(Probe.ping)
    }
    let results = try await FanOut.map(probes, limit: limit) { probe in
      try await answer(probe, client: client)
    }
    report.add(results, testedConnections: invocation.flag("--test-connections"))

    if context.output.format == .json {
      context.output.record(report.json(integration: integration))
    } else {
      context.output.sections(report.sections(testedConnections: invocation.flag("--test-connections")))
      context.output.text(report.verdict)
    }
    if let start = report.firstFlowToTroubleshoot {
      throw CeligoError.failed(
        "the account needs attention; start with 'celigo troubleshoot \(start)'",
        exitCode: ExitCode.completedWithErrors)
    }
    if report.needsAttention {
      throw CeligoError.failed("the account needs attention", exitCode: ExitCode.completedWithErrors)
    }
  }

  /// Returns every integration, or the one named, which must exist.
  static func integrations(_ id: String?, client: APIClient) async throws -> [JSONValue] {
    guard let id else { return try await client.linkList(APIRequest("GET", "/v1/integrations")) }
    return [try await client.document(APIRequest("GET", "/v1/integrations/\(id)"))]
  }

  static func answer(_ probe: Probe, client: APIClient) async throws -> ProbeResult {
    switch probe {
    case .integrationErrors(let id):
      let rows = try await client.json(APIRequest("GET", "/v1/integrations/\(id)/errors"))
      return .integrationErrors(rows?.arrayValue ?? [])
    case .flowErrors(let id):
      let summary = try await client.json(APIRequest("GET", "/v1/flows/\(id)/errors"))
      return .flowErrors(id, summary?["flowErrors"]?.arrayValue ?? [])
    case .ping(let id):
      // A ping changes nothing, so it is safe to send again after a failure.
      let response = try await client.json(
        APIRequest("POST", "/v1/connections/\(id)/ping", idempotent: true))
      // A failed ping can still return 2xx, with the reasons in errors[].
      guard let failures = response?["errors"]?.arrayValue, !failures.isEmpty else {
        return .ping(id, nil)
      }
      return .ping(id, failures.map { $0["message"]?.stringValue ?? "no reason given" })
    }
  }
}
