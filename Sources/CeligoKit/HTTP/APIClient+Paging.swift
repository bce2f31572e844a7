import Foundation

extension APIClient {
  /// Sends a request and parses its JSON body; an empty body is nil.
  public func json(_ request: APIRequest) async throws -> JSONValue? {
    let response = try await send(request, parsingJSON: true)
    return try response.json(method: request.method, path: request.path)
  }

  /// Sends a request whose response must be a JSON document.
  public func document(_ request: APIRequest) async throws -> JSONValue {
    guard let value = try await json(request) else {
      throw CeligoError.malformedResponse(
        method: request.method, path: request.path, reason: "empty body, expected JSON")
    }
    return value
  }

  /// Fetches a list that pages with `Link: rel="next"`, calling `page` with
  /// each page's records. A 204 response is an empty list. Next URLs are
  /// followed verbatim.
  public func forEachLinkPage(
    _ first: APIRequest, page: ([JSONValue]) throws -> Void
  ) async throws {
    var request = first
    var seen = Set<String>()
    while true {
      let response = try await send(request, parsingJSON: true)
      let body = try response.json(method: request.method, path: request.path)
      switch body {
      case nil: try page([])
      case .array(let records)?: try page(records)
      case let other?:
        throw CeligoError.malformedResponse(
          method: request.method, path: request.path,
          reason: "expected a JSON array, got \(other.serialized().prefix(80))")
      }
      guard let link = response.headers["link"], let found = LinkHeader.nextURL(in: link) else {
        return
      }
      let next = try sameServer(found, request)
      // A server that links a page to itself would otherwise loop forever.
      guard seen.insert(next.absoluteString).inserted else { return }
      request = APIRequest("GET", next.path)
      request.absoluteURL = next
    }
  }

  /// Returns every record of a `Link`-paged list.
  public func linkList(_ request: APIRequest) async throws -> [JSONValue] {
    var records: [JSONValue] = []
    try await forEachLinkPage(request) { records.append(contentsOf: $0) }
    return records
  }

  /// Fetches a list whose body is `{"<itemsKey>": [...], "nextPageURL": ...}`,
  /// calling `page` with each page's items. `nextPageURL` may be absolute,
  /// `/v1/…` or `/api/…`.
  public func forEachBodyPage(
    _ first: APIRequest, itemsKey: String, page: ([JSONValue]) throws -> Bool
  ) async throws {
    var request = first
    var seen = Set<String>()
    while true {
      let body = try await json(request)
      guard let body else {
        _ = try page([])
        return
      }
      guard let items = body[itemsKey]?.arrayValue else {
        throw CeligoError.malformedResponse(
          method: request.method, path: request.path,
          reason: "expected an object with an '\(itemsKey)' array")
      }
      guard try page(items) else { return }
      guard let nextText = body["nextPageURL"]?.stringValue, !nextText.isEmpty,
        let found = resolvePageURL(nextText)
      else { return }
      let next = try sameServer(found, request)
      guard seen.insert(next.absoluteString).inserted else { return }
      let method = request.method
      let bodyValue = request.body
      request = APIRequest(method, next.path, body: bodyValue, idempotent: request.idempotent)
      request.absoluteURL = next
    }
  }

  /// Returns a server-given next-page URL when it has the base URL's scheme,
  /// host and port, and throws otherwise, so that the token is never sent
  /// to a server the user did not choose.
  func sameServer(_ url: URL, _ request: APIRequest) throws -> URL {
    func origin(_ url: URL) -> String {
      let scheme = url.scheme?.lowercased() ?? ""
      let port = url.port ?? (scheme == "https" ? 443 : 80)
      return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }
    guard origin(url) == origin(baseURL) else {
      throw CeligoError.malformedResponse(
        method: request.method, path: request.path,
        reason: "the next page is on another server (\(origin(url))) than the base URL \(baseURL.absoluteString);"
          + " celigo does not send the token there")
    }
    return url
  }

  /// Resolves a `nextPageURL` against the base URL. The web UI's form
  /// starts with `/api/` where the public API has `/v1/`.
  func resolvePageURL(_ text: String) -> URL? {
    if text.hasPrefix("http://") || text.hasPrefix("https://") { return URL(string: text) }
    var path = text.hasPrefix("/") ? text : "/" + text
    if path.hasPrefix("/api/") { path = "/v1/" + path.dropFirst(5) }
    return URL(string: baseURL.absoluteString + path)
  }
}
