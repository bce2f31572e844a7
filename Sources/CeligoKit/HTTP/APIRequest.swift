import Foundation

/// One API call: a path under the base URL (or an absolute URL taken from a
/// `Link` header or `nextPageURL`), query items in order, and a JSON body.
public struct APIRequest: Sendable {
  public var method: String
  public var path: String
  public var query: [(String, String)]
  public var body: JSONValue?
  /// True when repeating the request cannot change the account twice; only
  /// such requests are retried after a failure that may have reached the
  /// server.
  public var idempotent: Bool
  /// A URL to request as is, for a server-given next page.
  public var absoluteURL: URL?

  public init(
    _ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil,
    idempotent: Bool? = nil
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.body = body
    self.idempotent = idempotent ?? (method == "GET" || method == "HEAD")
  }

  /// Returns the URL to send, joining the base URL, path and query.
  func url(base: URL) throws -> URL {
    if let absoluteURL { return absoluteURL }
    var text = base.absoluteString + path
    if !query.isEmpty {
      text += (path.contains("?") ? "&" : "?") + query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }
        .joined(separator: "&")
    }
    guard let url = URL(string: text) else {
      throw CeligoError.usage("cannot build a URL from \(text)")
    }
    return url
  }

  static let unreserved = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

  /// Percent-encodes a query name or value.
  static func encode(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
  }

  /// Percent-encodes one path segment, such as a lookup-cache key.
  public static func pathSegment(_ text: String) -> String {
    encode(text)
  }
}

/// A response as received: status, lower-cased header names and the body.
public struct APIResponse: Sendable {
  public let status: Int
  public let headers: [String: String]
  public let body: Data
  /// The body parsed by `parsingJSON`, so that it is parsed once.
  private var parsedBody: JSONValue?
  private var isParsed = false

  public init(status: Int, headers: [String: String], body: Data) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// Returns the response with its body parsed as JSON, or throws
  /// `CeligoError.malformedResponse`.
  func parsingJSON(method: String, path: String) throws -> APIResponse {
    var parsed = self
    parsed.parsedBody = try json(method: method, path: path)
    parsed.isParsed = true
    return parsed
  }

  /// Parses the body as JSON; an empty body is nil.
  public func json(method: String, path: String) throws -> JSONValue? {
    if isParsed { return parsedBody }
    if body.isEmpty || body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }) { return nil }
    do {
      return try JSONValue.parse(body)
    } catch {
      throw CeligoError.malformedResponse(method: method, path: path, reason: "\(error)")
    }
  }
}
