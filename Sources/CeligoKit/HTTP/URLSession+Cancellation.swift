import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension URLSession {
  /// Sends `request` and returns its body and response. Canceling the
  /// calling task cancels the data task at once and throws
  /// `CancellationError`. The async `data(for:)` of swift-corelibs-foundation
  /// does not stop its request when the task is canceled, so a Ctrl-C in
  /// the shell would otherwise wait for the response.
  func cancellableData(for request: URLRequest) async throws -> (Data, URLResponse) {
    let holder = DataTaskHolder()
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        let task = dataTask(with: request) { data, response, error in
          if let error {
            let canceled = (error as? URLError)?.code == .cancelled
            continuation.resume(throwing: canceled ? CancellationError() : error)
          } else if let response {
            continuation.resume(returning: (data ?? Data(), response))
          } else {
            continuation.resume(throwing: URLError(.badServerResponse))
          }
        }
        holder.start(task)
      }
    } onCancel: {
      holder.cancel()
    }
  }
}

/// The data task of one request, which the cancellation handler may reach
/// before or after the task exists.
private final class DataTaskHolder: @unchecked Sendable {
  private let lock = NSLock()
  private var task: URLSessionDataTask?
  private var canceled = false

  func start(_ task: URLSessionDataTask) {
    let cancelNow = lock.withLock { () -> Bool in
      self.task = task
      return canceled
    }
    task.resume()
    if cancelNow { task.cancel() }
  }

  func cancel() {
    let current = lock.withLock { () -> URLSessionDataTask? in
      canceled = true
      return task
    }
    current?.cancel()
  }
}
