import CeligoKit

extension Router {
  static let stepErrorRoutes: [Route] = [
    Route("GET", "flows/:flow/:step/errors") { context in
      let log = try context.stepLog()
      let request = context.request
      let from = try context.timeFilter("occurredAt_gte")
      let until = try context.timeFilter("occurredAt_lte")
      let errors = log.open.filter { error in
        (from.map { error.occurredAt >= $0 } ?? true) && (until.map { error.occurredAt <= $0 } ?? true)
      }
      return try context.errorPage(errors, key: "errors", kind: "errors")
    },
    Route("GET", "flows/:flow/:step/resolved") { context in
      let log = try context.stepLog()
      let from = try context.timeFilter("resolvedAt_gte")
      let until = try context.timeFilter("resolvedAt_lte")
      let errors = log.resolved.filter { error in
        let resolvedAt = error.resolvedAt ?? 0
        return (from.map { resolvedAt >= $0 } ?? true) && (until.map { resolvedAt <= $0 } ?? true)
      }
      return try context.errorPage(errors.sorted { $0.errorId < $1.errorId }, key: "resolved", kind: "resolved")
    },
    Route("PUT", "flows/:flow/:step/resolved") { context in
      let ids = try context.limitedArray("errors")
      try context.state.resolve(errorIds: ids, flowId: context.parameter("flow"), stepId: context.parameter("step"), at: context.now)
      return .empty(204)
    },
    Route("POST", "flows/:flow/:step/retry") { context in
      let keys = try context.limitedArray("retryDataKeys")
      // NOTE: Celigo documents no status for this response; 201 follows its rule for POSTs that create.
      let job = try context.state.startRetry(keys: keys, flowId: context.parameter("flow"), stepId: context.parameter("step"), at: context.now)
      return .json(context.state.jobJSON(job, at: context.now), status: 201)
    },
    Route("PUT", "flows/:flow/:step/errors/assign") { context in
      let ids = try context.stringArray("errorIds")
      guard let email = context.body?["email"]?.stringValue, email.contains("@") else {
        throw APIError.missingField("email")
      }
      try context.state.updateErrors(ids: ids, flowId: context.parameter("flow"), stepId: context.parameter("step")) { $0.assignedTo = email }
      return .empty(204)
    },
    Route("PUT", "flows/:flow/:step/tags") { context in
      let ids = try context.stringArray("errorIds")
      let tagIds = try context.stringArray("tagIds")
      let known = Set((context.state.collections["tags"] ?? []).flatMap { [$0["_id"]?.stringValue, $0["tagId"]?.stringValue].compactMap { $0 } })
      if let unknown = tagIds.first(where: { !known.contains($0) }) {
        throw APIError(status: 422, code: "invalid_field", message: "Tag \(unknown) does not exist.", field: "tagIds")
      }
      try context.state.updateErrors(ids: ids, flowId: context.parameter("flow"), stepId: context.parameter("step")) { $0.tags = tagIds }
      return .empty(204)
    },
    Route("GET", "flows/:flow/:step/:key/data") { context in
      .json(try context.retryData())
    },
    Route("PUT", "flows/:flow/:step/:key/data") { context in
      var current = try context.retryData()
      guard let data = context.body?["data"], case .object = data else { throw APIError.missingField("data") }
      current = current.setting("data", to: data)
      let stepKey = "\(context.parameter("flow"))/\(context.parameter("step"))"
      context.state.steps[stepKey]?.editedRetryData[context.parameter("key")] = (data, context.now)
      return .json(current)
    },
  ]
}

extension RouteContext {
  func stepLog() throws -> StepErrorLog {
    try state.stepLog(flowId: parameter("flow"), stepId: parameter("step"))
  }

  /// Returns a non-empty body array of ids that contains at most 1000 entries.
  func limitedArray(_ key: String) throws -> [String] {
    let values = try stringArray(key)
    guard values.count <= EmulatorState.maxErrorsPerRequest else {
      throw APIError(
        status: 422, code: "invalid_field",
        message: "\"\(key)\" contains \(values.count) entries, but the maximum per request is \(EmulatorState.maxErrorsPerRequest). Split the request.",
        field: key)
    }
    guard !values.isEmpty else {
      throw APIError(status: 422, code: "invalid_field", message: "\"\(key)\" must not be empty.", field: key)
    }
    return values
  }

  /// Applies the shared filters (`source`, `classification`, `_flowJobId`,
  /// `startAtErrorId`) and returns one page with `nextPageURL` when more remain.
  func errorPage(_ errors: [ErrorRecord], key: String, kind: String) throws -> HTTPResponse {
    let sources = Set(request.queryValues("source"))
    let classifications = Set(request.queryValues("classification"))
    let flowJobId = request.queryValue("_flowJobId")
    var startAt = Int.min
    if let text = request.queryValue("startAtErrorId") {
      guard let value = Int(text) else {
        throw APIError(status: 400, code: "invalid_query", message: "startAtErrorId must be a numeric error id, not \(text).")
      }
      startAt = value
    }
    let matching = errors.filter { error in
      error.errorId >= startAt && (sources.isEmpty || sources.contains(error.source))
        && (classifications.isEmpty || classifications.contains(error.classification))
        && (flowJobId == nil || error.flowJobId == flowJobId)
    }
    let page = matching.prefix(options.pageSize)
    var body: JSONValue = [key: .array(page.map(\.json))]
    if matching.count > page.count {
      let filters = request.query.filter { $0.0 != "startAtErrorId" }
      let query = URLDecoding.queryString([("startAtErrorId", String(matching[page.count].errorId))] + filters)
      body = body.setting("nextPageURL", to: .string("/v1/flows/\(parameter("flow"))/\(parameter("step"))/\(kind)?\(query)"))
    }
    return .json(body)
  }

  /// Returns the retry data document of the `key` parameter, or throws 404
  /// when no error of the step has that key.
  func retryData() throws -> JSONValue {
    let log = try stepLog()
    let key = parameter("key")
    guard let error = log.open.first(where: { $0.retryDataKey == key }) ?? log.resolved.first(where: { $0.retryDataKey == key })
    else { throw APIError.notFound("Retry data \(key)") }
    let data = log.editedRetryData[key]?.data ?? DemoRecords.retryData(kind: log.recordKind, retryDataKey: key)
    return ["data": data, "dataURI": nil, "stage": "transform", "traceKey": .string(error.traceKey)]
  }
}
