import Foundation

/// Commands that change errors: retry, resolve, assign, tag and retry data.
enum ErrorChanges {
  /// The API takes at most 1000 errors per retry or resolve request.
  static let batchSize = 1000

  static func updateRetryData(_ invocation: Invocation, _ context: CommandContext) async throws {
    let key = try invocation.required("--key")
    let record: JSONValue
    if let text = invocation.value("--data") {
      record = try JSONValue.parse(text)
    } else {
      let file = try invocation.required("--file")
      // `--file -` reads the record from standard input.
      let contents = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
      guard let data = contents else {
        throw CeligoError.usage(
          "cannot read --file \(EscapedValue.escaped(file)): check that it is a readable file,"
            + " or use - for standard input")
      }
      do {
        record = try JSONValue.parse(data)
      } catch {
        throw CeligoError.usage(
          "invalid --file \(EscapedValue.escaped(file)): the JSON does not parse"
            + " (\(EscapedValue.escaped("\(error)")))")
      }
    }
    guard case .object = record else {
      let source = invocation.value("--data") != nil ? "--data" : "--file"
      throw CeligoError.usage("invalid \(source): the record must be a JSON object such as '{\"sku\":\"A-100\"}'")
    }

    // PUT replaces the whole document, so the current one is read and only
    // its `data` replaced.
    let path = try ErrorStep.path(invocation, "/\(key)/data")
    let current = try await context.client.document(APIRequest("GET", path))
    let updated = current.setting("data", to: record)
    let response = try await context.client.json(APIRequest("PUT", path, body: updated))
    context.output.result(
      json: response ?? updated, text: "Updated the retry data of \(key); retry it with"
        + " 'celigo errors retry --flow \(try invocation.required("--flow")) --\(stepKind(invocation)) \(try ErrorStep.id(invocation)) --keys \(key)'")
  }

  static func stepKind(_ invocation: Invocation) -> String {
    invocation.value("--import") != nil ? "import" : "export"
  }

  static func retry(_ invocation: Invocation, _ context: CommandContext) async throws {
    var keys = invocation.list("--keys")
    if invocation.flag("--all") {
      keys = try await openErrors(invocation, context).compactMap { $0["retryDataKey"]?.stringValue }
      guard !keys.isEmpty else {
        context.output.result(json: .array([]), text: "No open errors with retry data: nothing to retry")
        return
      }
      try context.confirm("Retry all \(keys.count) open errors of \(try ErrorStep.describe(invocation))?")
    }
    var jobs: [JSONValue] = []
    try await inBatches(keys, done: { count in
      let started = jobs.compactMap { $0["_id"]?.stringValue }.joined(separator: ", ")
      return "\(count) of \(keys.count) errors were sent for retry (retry jobs \(started))"
    }) { batch in
      let body: JSONValue = ["retryDataKeys": .array(batch.map(JSONValue.string))]
      let job = try await context.client.json(
        APIRequest("POST", try ErrorStep.path(invocation, "/retry"), body: body))
      jobs.append(job ?? .null)
    }
    let ids = jobs.compactMap { $0["_id"]?.stringValue }
    let follow = ids.map { "\nFollow it with: celigo jobs get \($0)" }.joined()
    context.output.result(
      json: jobs.count == 1 ? jobs[0] : .array(jobs),
      text: "Retrying \(Plural.count(keys.count, "error")) in retry job \(ids.joined(separator: ", "))\(follow)")
  }

  static func resolve(_ invocation: Invocation, _ context: CommandContext) async throws {
    var ids = invocation.list("--ids")
    if invocation.flag("--all") {
      ids = try await openErrors(invocation, context).compactMap { $0["errorId"]?.stringValue }
      guard !ids.isEmpty else {
        context.output.result(json: .object([]), text: "No open errors: nothing to resolve")
        return
      }
    }
    try context.confirm(
      "Resolve \(Plural.count(ids.count, "error")) (\(listed(ids))) of \(try ErrorStep.describe(invocation))?")
    try await inBatches(ids, done: { "\($0) of \(ids.count) errors were resolved" }) { batch in
      let body: JSONValue = ["errors": .array(batch.map(JSONValue.string))]
      _ = try await context.client.send(APIRequest("PUT", try ErrorStep.path(invocation, "/resolved"), body: body))
    }
    context.output.result(
      json: ["resolved": .int(Int64(ids.count))],
      text: "Resolved \(Plural.count(ids.count, "error")) of \(try ErrorStep.describe(invocation))")
  }

  static func assign(_ invocation: Invocation, _ context: CommandContext) async throws {
    let ids = invocation.list("--ids")
    let email = try invocation.required("--email")
    let body: JSONValue = ["errorIds": .array(ids.map(JSONValue.string)), "email": .string(email)]
    let response = try await context.client.json(
      APIRequest("PUT", try ErrorStep.path(invocation, "/errors/assign"), body: body))
    context.output.result(json: response, text: "Assigned \(Plural.count(ids.count, "error")) to \(email)")
  }

  static func integrationAssign(_ invocation: Invocation, _ context: CommandContext) async throws {
    let ids = invocation.list("--ids")
    let email = try invocation.required("--email")
    let integration = try invocation.required("--integration")
    let body: JSONValue = ["errorIds": .array(ids.map(JSONValue.string)), "email": .string(email)]
    let response = try await context.client.json(
      APIRequest("PUT", "/v1/integrations/\(integration)/errors/assign", body: body))
    context.output.result(json: response, text: "Assigned \(Plural.count(ids.count, "error")) to \(email)")
  }

  static func tag(_ invocation: Invocation, _ context: CommandContext) async throws {
    let ids = try errorIds(invocation)
    let tags = invocation.list("--tag-ids")
    let body: JSONValue = [
      "errorIds": .array(ids.map(JSONValue.string)), "tagIds": .array(tags.map(JSONValue.string)),
    ]
    let response = try await context.client.json(
      APIRequest("PUT", try ErrorStep.path(invocation, "/tags"), body: body))
    context.output.result(json: response, text: "Tagged \(Plural.count(ids.count, "error")) with \(Plural.count(tags.count, "tag"))")
  }

  /// Reads `--ids`, or `--errors` as a JSON array of IDs or of error records.
  static func errorIds(_ invocation: Invocation) throws -> [String] {
    guard let text = invocation.value("--errors") else { return invocation.list("--ids") }
    guard let items = (try? JSONValue.parse(text))?.arrayValue else {
      throw CeligoError.usage("invalid --errors: expected a JSON array such as '[\"986924456\"]'")
    }
    let ids = items.compactMap { item in
      item.stringValue ?? item["errorId"]?.stringValue ?? item["id"]?.stringValue
        ?? item.intValue.map(String.init)
    }
    guard ids.count == items.count, !ids.isEmpty else {
      throw CeligoError.usage(
        "invalid --errors: every item must be an error ID or an object with 'errorId', and the list must not be empty")
    }
    for id in ids { _ = try ValueValidator.id(id, resource: .error, label: "--errors") }
    return ids
  }

  static func openErrors(_ invocation: Invocation, _ context: CommandContext) async throws -> [JSONValue] {
    var errors: [JSONValue] = []
    try await ErrorList.forEach(invocation, context, resolved: false) { page in
      errors.append(contentsOf: page)
      return true
    }
    return errors
  }

  /// Returns up to five IDs, then how many more there are.
  static func listed(_ ids: [String]) -> String {
    let shown = ids.prefix(5).joined(separator: ", ")
    return ids.count > 5 ? "\(shown) and \(ids.count - 5) more" : shown
  }

  /// Runs `send` on each batch of `items` in turn. When a batch fails after
  /// others succeeded, the error message adds what `done` reports for the items of
  /// those batches, so that the user knows what already changed.
  static func inBatches(
    _ items: [String], done: (Int) -> String, send: ([String]) async throws -> Void
  ) async throws {
    var sent = 0
    for batch in batches(items) {
      do {
        try await send(batch)
      } catch {
        guard sent > 0 else { throw error }
        throw CeligoError.failed(
          "\(ErrorMessage.describe(error)); before that failure, \(done(sent))", exitCode: ExitCode.of(error))
      }
      sent += batch.count
    }
  }

  static func batches(_ items: [String]) -> [[String]] {
    stride(from: 0, to: items.count, by: batchSize).map {
      Array(items[$0..<min($0 + batchSize, items.count)])
    }
  }
}
