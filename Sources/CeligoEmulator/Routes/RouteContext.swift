import CeligoKit

/// What a route handler gets: the request, the path parameters and the
/// state, all under the store's lock.
struct RouteContext {
  let request: HTTPRequest
  /// Path parameters by the names in the route pattern, for example `id`.
  let parameters: [String: String]
  /// The parsed JSON body, or nil when the body was empty.
  let body: JSONValue?
  let state: EmulatorState
  /// `http://127.0.0.1:PORT`, for absolute `Link` URLs.
  let baseURL: String
  /// Request time in epoch milliseconds.
  let now: Int64

  var options: EmulatorOptions { state.options }

  /// Returns a path parameter; the route pattern guarantees it exists.
  func parameter(_ name: String) -> String {
    parameters[name] ?? ""
  }

  /// Returns the body's array of strings under `key`, or throws 422
  /// `missing_required_field` when it is absent or not an array of strings.
  func stringArray(_ key: String) throws -> [String] {
    guard let items = body?[key]?.arrayValue else { throw APIError.missingField(key) }
    return try items.map { item in
      guard let text = item.stringValue ?? item.intValue.map(String.init) else {
        throw APIError(
          status: 422, code: "invalid_field", message: "Every entry of \"\(key)\" must be a string.",
          field: key)
      }
      return text
    }
  }

  /// Returns a query time filter, or throws 400 `invalid_query` when the
  /// value is not a time.
  func timeFilter(_ name: String) throws -> Int64? {
    guard let text = request.queryValue(name) else { return nil }
    guard let value = Timestamp.parse(text) else {
      throw APIError(
        status: 400, code: "invalid_query",
        message: "Invalid value for \(name): \(text). Use an ISO-8601 time, a date or epoch milliseconds.")
    }
    return value
  }
}
