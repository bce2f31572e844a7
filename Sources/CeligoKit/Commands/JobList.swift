import Foundation

/// `jobs list`: `GET /v1/jobs` with the options renamed to API filters.
enum JobList {
  static func run(_ invocation: Invocation, _ context: CommandContext) async throws {
    var query = Build.query(
      invocation,
      [
        ("--integration", "_integrationId"), ("--flow", "_flowId"), ("--export", "_exportId"),
        ("--import", "_importId"), ("--flow-job", "_flowJobId"), ("--type", "type"),
        ("--status", "status"), ("--since", "createdAt_gte"),
      ])
    let scoped = ["--integration", "--flow", "--export", "--import", "--flow-job", "--since", "--until"]
      .contains { invocation.options[$0] != nil }
    if let type = invocation.value("--type"), type == "export" || type == "import",
      !["--flow-job", "--export", "--import"].contains(where: { invocation.options[$0] != nil })
    {
      throw CeligoError.usage(
        "--type \(type) needs --flow-job, --export or --import: the API lists child jobs only within a scope")
    }
    if !scoped {
      let since = DateValue.format(Date().addingTimeInterval(-86_400))
      query.append(("createdAt_gte", since))
      context.output.note(
        "note: no filter given, so listing jobs of the last 24 hours (since \(since)); use --since to widen")
    }

    let writer = context.output.list(.jobs)
    try await JobPages.forEach(
      query: query, until: invocation.value("--until"),
      limit: Int(invocation.value("--limit") ?? "") ?? 1000, client: context.client
    ) { writer.add($0) }
    writer.finish()
  }
}

/// Paging of `GET /v1/jobs`: it returns at most 1001 jobs, newest first,
/// with no cursor. Later pages repeat the query with `createdAt_lte` set to
/// the last job's `createdAt` (inclusive, since jobs can share a
/// millisecond) and drop the jobs already seen.
enum JobPages {
  /// A page this long may have more behind it; the cap is 1000 or 1001
  /// depending on the API revision.
  static let fullPage = 1000

  /// Calls `page` with each page of new jobs until `limit` jobs were passed.
  static func forEach(
    query: [(String, String)], until first: String? = nil, limit: Int, client: APIClient,
    page: ([JSONValue]) throws -> Void
  ) async throws {
    var until = first
    var seen = Set<String>()
    var emitted = 0
    while emitted < limit {
      var pageQuery = query
      if let until { pageQuery.append(("createdAt_lte", until)) }
      var jobs: [JSONValue] = []
      try await client.forEachLinkPage(APIRequest("GET", "/v1/jobs", query: pageQuery)) {
        jobs.append(contentsOf: $0)
      }

      var fresh: [JSONValue] = []
      for job in jobs {
        guard let id = job["_id"]?.stringValue, seen.insert(id).inserted else { continue }
        if emitted + fresh.count < limit { fresh.append(job) }
      }
      try page(fresh)
      emitted += fresh.count

      guard jobs.count >= fullPage, !fresh.isEmpty,
        let last = jobs.last?["createdAt"]?.stringValue
      else { return }
      until = last
    }
  }

  /// Returns every job of the query, up to `limit`.
  static func all(query: [(String, String)], limit: Int, client: APIClient) async throws -> [JSONValue] {
    var jobs: [JSONValue] = []
    try await forEach(query: query, limit: limit, client: client) { jobs.append(contentsOf: $0) }
    return jobs
  }
}
