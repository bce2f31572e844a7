import Foundation

/// `jobs list`: `GET /v1/jobs` returns at most 1001 jobs, newest first, with
/// no cursor. Later pages repeat the query with `createdAt_lte` set to the
/// last job's `createdAt` (inclusive, since jobs can share a millisecond)
/// and drop the jobs already seen.
enum JobList {
  /// A page this long may have more behind it; the cap is 1000 or 1001
  /// depending on the API revision.
  static let fullPage = 1000

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

    let limit = Int(invocation.value("--limit") ?? "") ?? 1000
    var until = invocation.value("--until")
    var seen = Set<String>()
    let writer = context.output.list(.jobs)
    var emitted = 0

    while emitted < limit {
      var pageQuery = query
      if let until { pageQuery.append(("createdAt_lte", until)) }
      let request = APIRequest("GET", "/v1/jobs", query: pageQuery)
      var page: [JSONValue] = []
      try await context.client.forEachLinkPage(request) { page.append(contentsOf: $0) }

      var fresh: [JSONValue] = []
      for job in page {
        guard let id = job["_id"]?.stringValue, seen.insert(id).inserted else { continue }
        if emitted + fresh.count < limit { fresh.append(job) }
      }
      writer.add(fresh)
      emitted += fresh.count

      guard page.count >= fullPage, !fresh.isEmpty,
        let last = page.last?["createdAt"]?.stringValue
      else { break }
      until = last
    }
    writer.finish()
  }
}
