/// The names of a flow and of its exports and imports, to label watched jobs.
struct StepNames: Sendable {
  var flowName: String?
  /// Export and import names by ID.
  var steps: [String: String] = [:]

  /// Reads `GET /v1/flows/{id}` and `GET /v1/flows/{id}/descendants`. A
  /// flow deleted since its run returns 404, so its jobs are labelled by ID.
  static func load(flowId: String?, client: APIClient) async throws -> StepNames {
    var names = StepNames()
    guard let flowId else { return names }
    do {
      let flow = try await client.document(APIRequest("GET", "/v1/flows/\(flowId)"))
      names.flowName = flow["name"]?.stringValue
      let descendants = try await client.document(APIRequest("GET", "/v1/flows/\(flowId)/descendants"))
      for kind in ["exports", "imports"] {
        for step in descendants[kind]?.arrayValue ?? [] {
          if let id = step["_id"]?.stringValue { names.steps[id] = step["name"]?.stringValue }
        }
      }
    } catch CeligoError.api(let error) where error.status == 404 {
      return names
    }
    return names
  }

  /// Returns the flow's or step's name, or the ID when the name is unknown.
  func label(_ job: JobProgress) -> String {
    if job.type == "flow" { return flowName ?? job.id }
    guard let stepId = job.stepId else { return job.id }
    return steps[stepId] ?? stepId
  }
}
