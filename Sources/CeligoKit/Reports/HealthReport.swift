/// The findings of `celigo health`, as rows for its tables and its JSON object.
struct HealthReport {
  let since: String
  let integrations: [JSONValue]
  let flows: [JSONValue]
  let connections: [JSONValue]
  /// Failed, running and queued jobs created since `since`.
  let jobs: [JSONValue]
  /// `{flowId, flow, integration, numError, lastErrorAt}` per flow with open errors.
  var openErrors: [JSONValue] = []
  /// `{_id, name, type, result}` per connection tested.
  var connectionTests: [JSONValue] = []

  init(since: String, integrations: [JSONValue], flows: [JSONValue], connections: [JSONValue], jobs: [JSONValue]) {
    self.since = since
    self.integrations = integrations
    self.flows = flows
    self.connections = connections
    self.jobs = jobs
  }

  /// Flows outside any integration, whose errors only their own summary shows.
  var standaloneFlowIDs: [String] {
    flows.filter { $0["_integrationId"] == nil || $0["_integrationId"] == .null }
      .compactMap { $0["_id"]?.stringValue }
  }

  func flowName(_ id: String?) -> JSONValue {
    flows.first { $0["_id"]?.stringValue == id }?["name"] ?? .null
  }

  func integrationName(_ id: String?) -> JSONValue {
    guard let id else { return "(standalone)" }
    return integrations.first { $0["_id"]?.stringValue == id }?["name"] ?? .string(id)
  }

  /// Adds the results of the per-integration, per-flow and ping requests.
  mutating func add(_ results: [HealthCheck.ProbeResult], testedConnections: Bool) {
    for result in results {
      switch result {
      case .integrationErrors(let rows):
        for row in rows where (row["numError"]?.intValue ?? 0) > 0 {
          let flowId = row["_flowId"]?.stringValue
          let integrationId = flows.first { $0["_id"]?.stringValue == flowId }?["_integrationId"]?.stringValue
          openErrors.append(errorRow(flowId: flowId, integrationId: integrationId, count: row["numError"], last: row["lastErrorAt"]))
        }
      case .flowErrors(let flowId, let steps):
        let count = steps.reduce(0) { $0 + ($1["numError"]?.intValue ?? 0) }
        guard count > 0 else { continue }
        let last = steps.compactMap { $0["lastErrorAt"]?.stringValue }.max()
        openErrors.append(errorRow(flowId: flowId, integrationId: nil, count: .int(Int64(count)), last: last.map(JSONValue.string)))
      case .ping(let id, let failures):
        let connection = connections.first { $0["_id"]?.stringValue == id }
        let result = failures.map { "failed: " + $0.joined(separator: "; ") } ?? "passed"
        connectionTests.append([
          "_id": .string(id), "name": connection?["name"] ?? .null, "type": connection?["type"] ?? .null,
          "result": .string(result),
        ])
      }
    }
    openErrors.sort { ($0["numError"]?.intValue ?? 0) > ($1["numError"]?.intValue ?? 0) }
  }

  func errorRow(flowId: String?, integrationId: String?, count: JSONValue?, last: JSONValue?) -> JSONValue {
    [
      "flowId": flowId.map(JSONValue.string) ?? .null, "flow": flowName(flowId),
      "integration": integrationName(integrationId), "numError": count ?? 0, "lastErrorAt": last ?? .null,
    ]
  }

  /// One row per flow with failed jobs: how many, and the latest.
  var failedFlows: [JSONValue] {
    var order: [String] = []
    var groups: [String: [JSONValue]] = [:]
    for job in jobs where job["status"] == "failed" {
      let flowId = job["_flowId"]?.stringValue ?? ""
      if groups[flowId] == nil { order.append(flowId) }
      groups[flowId, default: []].append(job)
    }
    return order.map { flowId in
      let failed = groups[flowId] ?? []
      // Jobs arrive newest first.
      return [
        "flowId": .string(flowId), "flow": flowName(flowId), "failedJobs": .int(Int64(failed.count)),
        "lastFailedAt": failed.first?["createdAt"] ?? .null, "lastJobId": failed.first?["_id"] ?? .null,
      ]
    }
  }

  var runningJobs: [JSONValue] {
    jobs.filter { $0["status"] == "running" || $0["status"] == "queued" }.map { job in
      [
        "_id": job["_id"] ?? .null, "flowId": job["_flowId"] ?? .null,
        "flow": flowName(job["_flowId"]?.stringValue), "status": job["status"] ?? .null,
        "createdAt": job["createdAt"] ?? .null, "numSuccess": job["numSuccess"] ?? .null,
        "numError": job["numError"] ?? .null,
      ]
    }
  }

  var offlineConnections: [JSONValue] {
    connections.filter { $0["offline"] == true }.map { connection in
      ["_id": connection["_id"] ?? .null, "name": connection["name"] ?? .null, "type": connection["type"] ?? .null]
    }
  }

  var failedTests: Int { connectionTests.filter { $0["result"] != "passed" }.count }

  var needsAttention: Bool {
    !failedFlows.isEmpty || !openErrors.isEmpty || !offlineConnections.isEmpty || failedTests > 0
  }

  /// The flow to look at first: the latest failing one, else the one with most open errors.
  var firstFlowToTroubleshoot: String? {
    (failedFlows.first?["flowId"] ?? openErrors.first?["flowId"])?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Returns `Needs attention: …` or `All is well: …`.
  var verdict: String {
    let failedJobs = failedFlows.reduce(0) { $0 + ($1["failedJobs"]?.intValue ?? 0) }
    let errors = openErrors.reduce(0) { $0 + ($1["numError"]?.intValue ?? 0) }
    var problems: [String] = []
    if failedJobs > 0 {
      problems.append(Self.count(failedJobs, "failed job") + " in " + Self.count(failedFlows.count, "flow"))
    }
    if errors > 0 { problems.append(Self.count(errors, "open error") + " in " + Self.count(openErrors.count, "flow")) }
    if !offlineConnections.isEmpty { problems.append(Self.count(offlineConnections.count, "offline connection")) }
    if failedTests > 0 { problems.append(Self.count(failedTests, "failed connection test")) }
    guard problems.isEmpty else { return "Needs attention: " + problems.joined(separator: ", ") }
    return "All is well: no failed jobs since \(since), no open errors, no offline connections"
  }

  /// Returns `1 flow` or `2 flows`.
  static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }

  func sections(testedConnections: Bool) -> [ReportSection] {
    var sections = [
      ReportSection(
        "Failed jobs since \(since)",
        [
          TableColumn("FLOW", "flowId"), TableColumn("NAME", "flow", flexible: true),
          TableColumn("FAILED", "failedJobs"), TableColumn("LAST FAILED", "lastFailedAt"),
          TableColumn("LAST JOB", "lastJobId"),
        ], failedFlows),
      ReportSection(
        "Open errors",
        [
          TableColumn("FLOW", "flowId"), TableColumn("NAME", "flow", flexible: true),
          TableColumn("INTEGRATION", "integration", flexible: true), TableColumn("ERRORS", "numError"),
          TableColumn("LAST ERROR", "lastErrorAt"),
        ], openErrors),
      ReportSection(
        "Offline connections",
        [TableColumn("ID", "_id"), TableColumn("NAME", "name", flexible: true), TableColumn("TYPE", "type")],
        offlineConnections),
      ReportSection(
        "Running jobs",
        [
          TableColumn("JOB", "_id"), TableColumn("FLOW", "flow", flexible: true), TableColumn("STATUS", "status"),
          TableColumn("CREATED", "createdAt"), TableColumn("SUCCESS", "numSuccess"), TableColumn("ERRORS", "numError"),
        ], runningJobs),
    ]
    if testedConnections {
      sections.append(
        ReportSection(
          "Connection tests",
          [
            TableColumn("ID", "_id"), TableColumn("NAME", "name", flexible: true),
            TableColumn("RESULT", "result", flexible: true),
          ], connectionTests, emptyText: "no connections"))
    }
    return sections
  }

  func json(integration: String?) -> JSONValue {
    var fields: [(key: String, value: JSONValue)] = [("since", .string(since))]
    if let integration { fields.append(("integration", .string(integration))) }
    fields += [
      ("needsAttention", .bool(needsAttention)), ("failedJobs", .array(failedFlows)),
      ("openErrors", .array(openErrors)), ("offlineConnections", .array(offlineConnections)),
      ("runningJobs", .array(runningJobs)),
    ]
    if !connectionTests.isEmpty { fields.append(("connectionTests", .array(connectionTests))) }
    return .object(fields)
  }
}
