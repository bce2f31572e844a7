/// Process exit codes, as documented in the README.
public enum ExitCode {
  public static let success: Int32 = 0
  public static let failure: Int32 = 1
  public static let usage: Int32 = 2
  public static let authentication: Int32 = 3
  public static let notFound: Int32 = 4
  public static let rateLimited: Int32 = 5
  /// A waited-on run completed, but some records failed (`numError` > 0);
  /// also `health` when something needs attention.
  public static let completedWithErrors: Int32 = 10
  /// A waited-on run failed.
  public static let runFailed: Int32 = 11
  /// A waited-on run was canceled.
  public static let runCanceled: Int32 = 12
  /// The wait ended at `--wait-timeout` while the run kept going.
  public static let waitTimedOut: Int32 = 13
  public static let interrupted: Int32 = 130

  /// Returns the exit code a failed command ends with.
  public static func of(_ error: Error) -> Int32 {
    guard let error = error as? CeligoError else {
      return error is CancellationError ? interrupted : failure
    }
    switch error {
    // A declined confirmation changed nothing, like a usage error.
    case .usage, .declined: return usage
    case .configuration: return authentication
    case .api(let apiError):
      switch apiError.status {
      case 401, 403: return authentication
      case 404: return notFound
      case 429: return rateLimited
      default: return failure
      }
    case .rateLimited, .unreachable: return rateLimited
    case .uncertainWrite, .malformedResponse: return failure
    case .interrupted, .interruptedWrite: return interrupted
    case .failed(_, let code): return code
    }
  }
}
