import CeligoKit

/// One request the emulator received, with the status it returned.
public struct RecordedRequest: Sendable {
  /// HTTP method, for example `GET`.
  public let method: String
  /// Percent-decoded path without the query.
  public let path: String
  /// Percent-decoded query items in their original order.
  public let query: [(String, String)]
  /// Request headers in their original order and spelling.
  public let headers: [(String, String)]
  /// Parsed JSON body, or nil when the body was empty or not JSON.
  public let body: JSONValue?
  /// Status code of the response, or 0 when the response was cut short or
  /// never sent.
  public let status: Int
  /// The fault injected into the response, or nil.
  public let fault: Fault?
}
