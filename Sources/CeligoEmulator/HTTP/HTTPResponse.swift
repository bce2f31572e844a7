import CeligoKit

/// A response ready to be written: status, headers and body bytes.
struct HTTPResponse: Sendable {
  var status: Int
  var headers: [(String, String)] = []
  var body: [UInt8] = []
  /// How much of the response the server sends.
  var delivery = Delivery.whole

  /// How much of a response reaches the client, for fault injection.
  enum Delivery: Sendable {
    /// The whole response.
    case whole
    /// The headers and half the body (or half the headers when there is no
    /// body), then the connection closes.
    case partial
    /// Nothing: the connection stays open and silent until the client
    /// closes it.
    case never
  }

  /// A JSON response.
  static func json(_ value: JSONValue, status: Int = 200, headers: [(String, String)] = [])
    -> HTTPResponse
  {
    var bytes: [UInt8] = []
    value.write(into: &bytes, pretty: false, indent: 0)
    return HTTPResponse(
      status: status,
      headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
      body: bytes)
  }

  /// A plain-text response, used by the connection debug log.
  static func text(_ text: String, status: Int = 200) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: [("Content-Type", "text/plain; charset=utf-8")],
      body: Array(text.utf8))
  }

  /// A response with no body, such as 204.
  static func empty(_ status: Int = 204) -> HTTPResponse {
    HTTPResponse(status: status)
  }

  /// Serializes the status line, headers and body.
  func encoded(keepAlive: Bool) -> [UInt8] {
    var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
    for (name, value) in headers {
      head += "\(name): \(value)\r\n"
    }
    head += "Content-Length: \(body.count)\r\n"
    head += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
    return Array(head.utf8) + body
  }

  /// The bytes sent for `.partial` delivery.
  func partialBytes() -> [UInt8] {
    let bytes = encoded(keepAlive: false)
    let kept = body.isEmpty ? bytes.count / 2 : bytes.count - (body.count - body.count / 2)
    return Array(bytes.prefix(kept))
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 200: return "OK"
    case 201: return "Created"
    case 204: return "No Content"
    case 400: return "Bad Request"
    case 401: return "Unauthorized"
    case 404: return "Not Found"
    case 411: return "Length Required"
    case 413: return "Payload Too Large"
    case 415: return "Unsupported Media Type"
    case 422: return "Unprocessable Entity"
    case 429: return "Too Many Requests"
    case 500: return "Internal Server Error"
    case 502: return "Bad Gateway"
    case 503: return "Service Unavailable"
    default: return "Status \(status)"
    }
  }
}

/// A failure that becomes the API's error envelope
/// `{"errors":[{"code","message"[,"field"]}]}`.
struct APIError: Error, Sendable {
  let status: Int
  let code: String
  let message: String
  var field: String? = nil
  var headers: [(String, String)] = []

  static func notFound(_ what: String) -> APIError {
    APIError(status: 404, code: "not_found", message: "\(what) not found.")
  }

  static func missingField(_ field: String) -> APIError {
    APIError(
      status: 422, code: "missing_required_field",
      message: "The request body must contain \"\(field)\".", field: field)
  }

  var response: HTTPResponse {
    var entry: [(key: String, value: JSONValue)] = [("code", .string(code)), ("message", .string(message))]
    if let field { entry.append(("field", .string(field))) }
    return .json(["errors": [.object(entry)]], status: status, headers: headers)
  }
}
