import CeligoKit

/// `Link`-header paging of resource lists: a bare array per page and
/// `Link: <URL>; rel="next"` while more records remain.
enum LinkPaging {
  /// Returns one page of `records` chosen by the `skip` and `limit` query
  /// parameters and projected by `include` or `exclude`, or 204 when
  /// `emptyIsNoContent` and there are no records.
  static func page(_ records: [JSONValue], context: RouteContext, emptyIsNoContent: Bool = false) throws
    -> HTTPResponse
  {
    if records.isEmpty && emptyIsNoContent { return .empty(204) }
    let request = context.request
    let skip = try integer("skip", in: request) ?? 0
    let limit = min(try integer("limit", in: request) ?? context.options.pageSize, context.options.pageSize)
    let start = min(skip, records.count)
    let end = min(records.count, start + max(1, limit))
    var headers: [(String, String)] = []
    if end < records.count {
      let filters = request.query.filter { $0.0 != "skip" && $0.0 != "limit" }
      let query = URLDecoding.queryString(filters + [("skip", String(end)), ("limit", String(max(1, limit)))])
      headers.append(("Link", "<\(context.baseURL)\(request.path)?\(query)>; rel=\"next\""))
    }
    let projection = try FieldProjection(request)
    return .json(.array(records[start..<end].map(projection.apply)), headers: headers)
  }

  private static func integer(_ name: String, in request: HTTPRequest) throws -> Int? {
    guard let text = request.queryValue(name) else { return nil }
    guard let value = Int(text), value >= 0 else {
      throw APIError(
        status: 400, code: "invalid_query",
        message: "Invalid value for \(name): \(text). Use a whole number of 0 or more.")
    }
    return value
  }
}
