/// `celigo caches …`: lookup caches and their key/value data.
enum CacheCommands {
  static let example = "bec43ad9ff92bff6e5d6a987"

  static let all: [CommandSpec] = [
    CommandSpec(
      "caches", "list", "list lookup caches",
      examples: ["celigo caches list"],
      run: Build.list(.caches) { _ in "/v1/lookupcaches" }),
    CommandSpec(
      "caches", "get", "show one lookup cache",
      arguments: [Build.idArgument(.cache)],
      examples: ["celigo caches get \(example)"],
      run: Build.record { "/v1/lookupcaches/\($0.arguments["cache"] ?? "")" }),
    CommandSpec(
      "caches", "data", "list a lookup cache's keys and values",
      arguments: [Build.idArgument(.cache)],
      options: [
        OptionSpec("--keys", .textList, "only these keys, comma-separated"),
        OptionSpec("--starts-with", .text, "only keys that start with this text"),
        OptionSpec("--start-after", .text, "only keys after this one (to continue a listing)"),
        OptionSpec("--page-size", .integer(1...1_000_000), "at most this many entries, then a hint to continue"),
      ],
      rules: [.atMostOne(["--keys", "--starts-with"])],
      examples: [
        "celigo caches data \(example)",
        "celigo caches data \(example) --starts-with ACME-100 --page-size 100",
        "celigo caches data \(example) --keys ACME-10001,ACME-10002",
      ],
      run: .api { invocation, context in try await CacheData.run(invocation, context) }),
  ]
}

/// `caches data`: `POST /v1/lookupcaches/{id}/getData` pages with
/// `nextPageURL`; `startAfterKey` goes in the query, `keys` and
/// `startsWith` in the body.
enum CacheData {
  static func run(_ invocation: Invocation, _ context: CommandContext) async throws {
    let id = try invocation.required("cache")
    var body: [(key: String, value: JSONValue)] = []
    let keys = invocation.list("--keys")
    if !keys.isEmpty { body.append(("keys", .array(keys.map(JSONValue.string)))) }
    if let prefix = invocation.value("--starts-with") { body.append(("startsWith", .string(prefix))) }
    let query = invocation.value("--start-after").map { [("startAfterKey", $0)] } ?? []
    let limit = Int(invocation.value("--page-size") ?? "")

    let writer = context.output.list(.cacheData)
    var count = 0
    var lastKey: String?
    var more = false
    let request = APIRequest(
      "POST", "/v1/lookupcaches/\(id)/getData", query: query, body: .object(body), idempotent: true)
    try await context.client.forEachBodyPage(request, itemsKey: "data") { page in
      var entries = page
      if let limit, count + entries.count > limit {
        entries = Array(entries.prefix(limit - count))
        more = true
      }
      writer.add(entries)
      count += entries.count
      if let key = entries.last?["key"]?.stringValue { lastKey = key }
      if let limit, count >= limit {
        more = more || !page.isEmpty
        return false
      }
      return true
    }
    writer.finish()
    if more, let lastKey {
      context.output.note(
        "more entries may follow: continue with --start-after \(ShellQuote.quote(lastKey))")
    }
  }
}

/// Quoting for values shown in hints, so they can be pasted into a shell.
enum ShellQuote {
  static func quote(_ text: String) -> String {
    let safe = text.allSatisfy { $0.isLetter || $0.isNumber || "-_.:/@".contains($0) }
    return safe && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
