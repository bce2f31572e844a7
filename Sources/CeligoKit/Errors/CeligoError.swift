import Foundation

/// An error returned by the integrator.io API, decoded from the
/// `{"errors":[{"code","message","field"}]}` envelope.
public struct APIError: Error, Sendable, Equatable {
  public let status: Int
  public let code: String?
  public let message: String
  public let field: String?
  public let method: String
  public let path: String

  public init(
    status: Int, code: String?, message: String, field: String? = nil, method: String,
    path: String
  ) {
    self.status = status
    self.code = code
    self.message = message
    self.field = field
    self.method = method
    self.path = path
  }
}

/// Every failure a command can end with; each maps to one exit code.
public enum CeligoError: Error, Sendable {
  /// Bad command line: nothing was sent.
  case usage(String)
  /// No token, an unreadable config file, an invalid base URL.
  case configuration(String)
  /// The API returned an error status.
  case api(APIError)
  /// 429 responses outlasted every retry.
  case rateLimited(method: String, path: String, attempts: Int)
  /// The server could not be reached, or the connection failed, after retries.
  case unreachable(method: String, url: String, reason: String, attempts: Int)
  /// A write that may or may not have reached the server failed in flight.
  case uncertainWrite(method: String, path: String, reason: String)
  /// The response could not be read as the API documents it.
  case malformedResponse(method: String, path: String, reason: String)
  /// The user declined a confirmation, or no terminal could ask.
  case declined(String)
  /// Ctrl-C or a cancelled task.
  case interrupted
  /// Ctrl-C or a cancelled task after a write was sent, so the change may
  /// or may not have been applied.
  case interruptedWrite(method: String, path: String)
  /// A command-specific failure with its own exit code (for example a
  /// connection test that failed).
  case failed(String, exitCode: Int32)
}
