import CeligoKit

extension Router {
  /// Most jobs one `GET /v1/jobs` returns.
  static let maxJobsPerList = 1001

  static let jobRoutes: [Route] = [
    Route("GET", "jobs") { context in
      let query = try JobQuery(context)
      let now = context.now
      var matches = context.state.jobs.filter { query.matches($0, at: now) }
      matches.sort { $0.createdAt > $1.createdAt }
      return .json(.array(matches.prefix(maxJobsPerList).map { context.state.jobJSON($0, at: now) }))
    },
    Route("GET", "jobs/:id") { context in
      .json(context.state.jobJSON(try context.job(), at: context.now))
    },
    Route("GET", "jobs/:id/family") { context in
      let job = try context.job()
      let children = job.childIDs.compactMap(context.state.job).map { context.state.jobJSON($0, at: context.now) }
      return .json(context.state.jobJSON(job, at: context.now).setting("children", to: .array(children)))
    },
    Route("PUT", "jobs/:id/cancel") { context in
      try context.state.cancel(jobId: context.parameter("id"), at: context.now)
      return .empty(204)
    },
  ]
}

extension RouteContext {
  /// Returns the job named by the `id` parameter, or throws 404.
  func job() throws -> JobRecord {
    guard let job = state.job(parameter("id")) else { throw APIError.notFound("Job \(parameter("id"))") }
    return job
  }
}
