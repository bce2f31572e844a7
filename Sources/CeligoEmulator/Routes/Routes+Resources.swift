import CeligoKit

extension Router {
  static let resourceRoutes: [Route] = listAndGet("exports") + listAndGet("imports") + listAndGet("ashares") + [
    Route("GET", "tags") { context in
      try LinkPaging.page(context.state.collections["tags"] ?? [], context: context)
    },
    Route("GET", "tags/:id") { context in
      .json(try context.state.require("tags", id: context.parameter("id")))
    },
    Route("POST", "tags") { context in
      let name = try context.tagName()
      let tag: JSONValue = ["_id": .string(context.state.generator.objectId()), "tag": .string(name), "tagId": .string(context.state.generator.hex(6))]
      context.state.insert(tag, into: "tags")
      return .json(tag, status: 201)
    },
    Route("PUT", "tags/:id") { context in
      let current = try context.state.require("tags", id: context.parameter("id"))
      let name = try context.tagName()
      let tag: JSONValue = ["_id": current["_id"] ?? .null, "tag": .string(name), "tagId": context.body?["tagId"] ?? current["tagId"] ?? .null]
      context.state.replace(tag, in: "tags")
      return .json(tag)
    },
    Route("DELETE", "tags/:id") { context in
      _ = try context.state.require("tags", id: context.parameter("id"))
      context.state.collections["tags"]?.removeAll { $0["_id"]?.stringValue == context.parameter("id") }
      return .empty(204)
    },
    Route("GET", "lookupcaches") { context in
      try LinkPaging.page(context.state.collections["lookupcaches"] ?? [], context: context, emptyIsNoContent: true)
    },
    Route("GET", "lookupcaches/:id") { context in
      .json(try context.state.require("lookupcaches", id: context.parameter("id")))
    },
    Route("POST", "lookupcaches/:id/getData") { context in
      try context.cacheData()
    },
  ]

  /// `GET /v1/{collection}` with `Link` paging and `GET /v1/{collection}/{id}`.
  static func listAndGet(_ collection: String) -> [Route] {
    [
      Route("GET", collection) { context in
        try LinkPaging.page(context.state.collections[collection] ?? [], context: context)
      },
      Route("GET", "\(collection)/:id") { context in
        .json(try context.state.require(collection, id: context.parameter("id")))
      },
    ]
  }
}

extension RouteContext {
  func tagName() throws -> String {
    guard let name = body?["tag"]?.stringValue, !name.isEmpty else { throw APIError.missingField("tag") }
    return name
  }

  /// Returns the `getData` result: the keys listed in `keys`, or a page of keys in
  /// order, optionally limited to a `startsWith` prefix and starting after
  /// the `startAfterKey` query parameter.
  func cacheData() throws -> HTTPResponse {
    let id = parameter("id")
    _ = try state.require("lookupcaches", id: id)
    let entries = state.cacheEntries[id] ?? []
    func render(_ items: ArraySlice<(key: String, value: JSONValue)>) -> JSONValue {
      .array(items.map { ["key": .string($0.key), "value": $0.value] })
    }
    if body?["keys"] != nil {
      let keys = try stringArray("keys")
      let index = Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
      let found = keys.compactMap { key in index[key].map { (key: key, value: $0) } }
      return .json(["data": render(found[...])])
    }
    let prefix = body?["startsWith"]?.stringValue ?? ""
    let after = request.queryValue("startAfterKey")
    var start = entries.partitionIndex { $0.key < prefix }
    if let after {
      start = max(start, entries.partitionIndex { $0.key <= after })
    }
    var end = start
    let limit = min(options.pageSize, 1000)
    while end < entries.count, end - start < limit, entries[end].key.hasPrefix(prefix) {
      end += 1
    }
    var response: JSONValue = ["data": render(entries[start..<end])]
    if end < entries.count, entries[end].key.hasPrefix(prefix), end > start {
      let query = URLDecoding.queryString([("startAfterKey", entries[end - 1].key)])
      response = response.setting("nextPageURL", to: .string("/v1/lookupcaches/\(id)/getData?\(query)"))
    }
    return .json(response)
  }
}

extension Array {
  /// Returns the first index whose element fails `belongsBefore`, for an
  /// array already partitioned by it (binary search).
  func partitionIndex(where belongsBefore: (Element) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if belongsBefore(self[middle]) { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
