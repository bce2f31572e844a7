import Foundation

/// User-facing text for each error: what failed, on which value, and what to
/// do next.
public enum ErrorMessage {
  /// Returns the message printed after `celigo: ` for a failed command.
  public static func describe(_ error: Error) -> String {
    guard let error = error as? CeligoError else {
      if error is CancellationError { return "interrupted" }
      return "unexpected failure: \(error)"
    }
    switch error {
    case .usage(let text), .configuration(let text), .declined(let text):
      return text
    case .failed(let text, _):
      return text
    case .api(let apiError):
      return describe(apiError)
    case .rateLimited(let method, let path, let attempts):
      guard attempts > 1 else {
        // The Retry-After was missing a number or too long to wait out.
        return "rate limited: \(method) \(path) was answered 429 with a Retry-After that celigo does not"
          + " wait out (more than 120 s, or not a number of seconds); wait and run the command again"
      }
      return "rate limited: \(method) \(path) was answered 429 on all \(attempts) attempts;"
        + " wait a minute and run the command again"
    case .unreachable(let method, let url, let reason, let attempts):
      let tries = attempts > 1 ? " on all \(attempts) attempts" : ""
      return "cannot reach the API: \(method) \(url) failed\(tries) (\(reason));"
        + " check the network, --base-url or --region"
    case .uncertainWrite(let method, let path, let reason):
      return "\(method) \(path) failed in flight (\(reason)), so it may or may not have"
        + " taken effect; \(checkState(path)) before running it again"
    case .malformedResponse(let method, let path, let reason):
      return "invalid response to \(method) \(path): \(reason)"
    case .interrupted:
      return "interrupted"
    case .interruptedWrite(let method, let path):
      return "interrupted after \(method) \(path) was sent, so it may or may not have taken effect;"
        + " \(checkState(path)) before running it again"
    }
  }

  static func describe(_ error: APIError) -> String {
    let detail = error.code.map { "\(error.status) \($0)" } ?? "\(error.status)"
    switch error.status {
    case 401:
      return "authentication failed (\(detail)): the API token was rejected;"
        + " run 'celigo login' or set CELIGO_API_TOKEN to a valid token"
    case 403:
      return "access denied (\(detail)) for \(error.method) \(error.path): \(error.message);"
        + " use a token with full access or an administrator's token"
    case 404:
      let segments = pathSegments(error.path).map(String.init)
      guard let (kind, id) = resource(in: error.path) else {
        return "not found (404): \(error.method) \(error.path)"
      }
      if segments.last == id || error.message.lowercased().hasPrefix("\(kind.singular) \(id)") {
        return "\(kind.singular) \(id) not found (404): check the ID with"
          + " 'celigo \(kind.command) list'"
      }
      // Under a resource (a flow's step, a retry data key), the server's
      // message names the part that was not found.
      let message = error.message.hasSuffix(".") ? String(error.message.dropLast()) : error.message
      let check = kind.command == "flows" ? "flows descendants \(id)" : "\(kind.command) get \(id)"
      return "not found (404): \(message); check the IDs with 'celigo \(check)'"
    default:
      let field = error.field.map { " (field \($0))" } ?? ""
      let text = "\(error.method) \(error.path) failed (\(detail)): \(error.message)\(field)"
      // A server error on a write was not retried, and the server may have
      // applied the change before failing.
      guard error.status >= 500, !["GET", "HEAD"].contains(error.method) else { return text }
      let sentence = text.hasSuffix(".") ? String(text.dropLast()) : text
      return sentence + "; the change may or may not have taken effect, so \(checkState(error.path))"
        + " before running the command again"
    }
  }

  /// Returns advice to look at what a write touched, such as `check the
  /// state with 'celigo tags list'`.
  static func checkState(_ path: String) -> String {
    let parts = pathSegments(path).map(String.init)
    if let index = parts.firstIndex(of: "flows"), index + 2 < parts.count {
      // A flow run, or a change to the errors of one of the flow's steps.
      let flow = parts[index + 1]
      let command = parts.last == "run" ? "flows jobs-latest \(flow)" : "flows errors \(flow)"
      return "check the state with 'celigo \(command)'"
    }
    guard let kind = parts.last(where: { resourceNames[$0] != nil }).flatMap({ resourceNames[$0] }) else {
      return "check the state"
    }
    return "check the state with 'celigo \(kind.command) list'"
  }

  /// Returns the segments of a path before its query; an empty path has none.
  static func pathSegments(_ path: String) -> [Substring] {
    path.prefix { $0 != "?" }.split(separator: "/")
  }

  /// The resources of API paths: the singular noun and the command word.
  static let resourceNames: [String: (singular: String, command: String)] = [
    "integrations": ("integration", "integrations"), "flows": ("flow", "flows"),
    "connections": ("connection", "connections"), "exports": ("export", "exports"),
    "imports": ("import", "imports"), "jobs": ("job", "jobs"), "tags": ("tag", "tags"),
    "ashares": ("user", "users"), "lookupcaches": ("lookup cache", "caches"),
  ]

  /// Finds the resource named in an API path, for example `flow 5f1a…` in
  /// `/v1/flows/5f1a…/run`.
  static func resource(in path: String) -> ((singular: String, command: String), String)? {
    let names = resourceNames
    let parts = pathSegments(path).map(String.init)
    var found: ((singular: String, command: String), String)?
    for (index, part) in parts.enumerated() where index + 1 < parts.count {
      if let name = names[part] { found = (name, parts[index + 1]) }
    }
    return found
  }
}

