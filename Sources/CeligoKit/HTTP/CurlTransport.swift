import CCurlShim
import CLibCurl
import Foundation

/// HTTP/1.1 and HTTP/2 transfers on one libcurl multi handle, run by a
/// thread of their own, which reuses connections across requests and
/// clients.
///
/// The client calls libcurl directly rather than through URLSession because
/// FoundationNetworking in Swift 6.3.1 stops the process ("Transfer
/// completed, but there's no response") when a connection closes before the
/// response headers are complete. Here that is an ordinary `TransportError`.
final class CurlTransport: @unchecked Sendable {
  /// The process-wide transport, started on the first request so that
  /// commands without a request never load libcurl's state.
  static let shared = CurlTransport()

  /// One request's bytes as libcurl sends them.
  struct Request {
    var method: String
    var url: String
    var headers: [String]
    var body: Data?
    /// Seconds without a received byte, connecting included, before the
    /// transfer fails as timed out.
    var idleTimeout: Double
    /// Opens a new connection, so that libcurl does not send the request a
    /// second time on its own when a reused connection turns out closed.
    var freshConnection: Bool
    /// Ignores `http_proxy` and the like, for a loopback host.
    var bypassProxy = false
    /// A CA bundle file and directory for TLS; nil keeps libcurl's default.
    var caFile: String?
    var caPath: String?
  }

  /// The largest response body accepted, 256 MiB. A page of the API is far
  /// smaller, so a longer body is a server fault that would otherwise fill
  /// memory.
  static let maxBodyLength = 256 << 20

  private let multi: UnsafeMutableRawPointer?
  private let lock = NSLock()
  /// Transfers handed over by callers and not yet in the multi handle.
  private var queued: [Transfer] = []
  /// Transfers in the multi handle by easy handle; the engine thread only.
  private var running: [UnsafeMutableRawPointer: Transfer] = [:]

  private init() {
    // No limit per host: the callers bound their own concurrency, and a
    // request queued inside libcurl would spend its timeout waiting.
    multi = celigo_multi_create(0)
    guard multi != nil else { return }
    let thread = Thread { [self] in runLoop() }
    thread.name = "celigo-http"
    thread.start()
  }

  /// Sends the request and returns the response, whatever its status.
  /// Throws `TransportError` when no complete response arrived. When the
  /// calling task is canceled, the transfer stops at once and this throws
  /// `TransferCanceled`, or `CancellationError` before the transfer started.
  func perform(_ request: Request) async throws -> APIResponse {
    guard multi != nil else {
      throw TransportError(reason: "libcurl failed to start", neverSent: true)
    }
    let transfer = try Transfer(request)
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        let accepted = lock.withLock { () -> Bool in
          guard !transfer.canceled else { return false }
          transfer.continuation = continuation
          queued.append(transfer)
          return true
        }
        if accepted {
          wake()
        } else {
          transfer.release()
          continuation.resume(throwing: CancellationError())
        }
      }
    } onCancel: {
      lock.withLock { transfer.canceled = true }
      wake()
    }
  }

  /// Ends the engine thread's poll, so that it picks up new work.
  private func wake() {
    curl_multi_wakeup(multi)
  }

  // MARK: - Engine thread

  private func runLoop() {
    guard let multi else { return }
    var stillRunning: Int32 = 0
    while true {
      let (added, canceled) = lock.withLock { () -> ([Transfer], [Transfer]) in
        defer { queued.removeAll() }
        return (queued, running.values.filter(\.canceled))
      }
      for transfer in added {
        running[transfer.easy] = transfer
        curl_multi_add_handle(multi, transfer.easy)
      }
      for transfer in canceled {
        finish(transfer, .failure(TransferCanceled(requestSent: transfer.requestSent)))
      }

      curl_multi_perform(multi, &stillRunning)
      var remaining: Int32 = 0
      while let message = curl_multi_info_read(multi, &remaining) {
        guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
          let transfer = running[easy]
        else { continue }
        finish(transfer, Self.outcome(of: transfer, code: message.pointee.data.result))
      }

      let now = celigo_monotonic_now()
      var nextDeadline = UInt64.max
      for transfer in running.values {
        let deadline = celigo_transfer_last_activity(transfer.handle) &+ transfer.idleTimeout
        if deadline <= now {
          finish(transfer, .failure(TransportError(reason: "timed out", neverSent: !transfer.requestSent)))
        } else {
          nextDeadline = min(nextDeadline, deadline)
        }
      }
      // libcurl's own timers end the poll sooner when they need to.
      let waitMilliseconds = nextDeadline == .max ? 60_000 : min(1000, (nextDeadline - now) / 1_000_000 + 1)
      curl_multi_poll(multi, nil, 0, Int32(waitMilliseconds), nil)
    }
  }

  /// Removes a transfer from the multi handle, frees it and resumes its caller.
  private func finish(_ transfer: Transfer, _ outcome: Result<APIResponse, Error>) {
    running[transfer.easy] = nil
    curl_multi_remove_handle(multi, transfer.easy)
    let continuation = lock.withLock { () -> CheckedContinuation<APIResponse, Error>? in
      defer { transfer.continuation = nil }
      return transfer.continuation
    }
    transfer.release()
    continuation?.resume(with: outcome)
  }

  private static func outcome(of transfer: Transfer, code: CURLcode) -> Result<APIResponse, Error> {
    guard code == CURLE_OK else {
      if celigo_transfer_body_too_large(transfer.handle) != 0 {
        let limit = "\(maxBodyLength >> 20) MiB"
        return .failure(
          TransportError(reason: "the response body is larger than \(limit)", neverSent: false, transient: false))
      }
      let detail = String(cString: celigo_transfer_error(transfer.handle))
      return .failure(TransportError(code: code, detail: detail, requestUnsent: !transfer.requestSent))
    }
    var headerLength = 0
    let headerBytes = celigo_transfer_headers(transfer.handle, &headerLength)
    let headerText = headerBytes.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: headerLength), as: UTF8.self) } ?? ""
    var bodyLength = 0
    let body = celigo_transfer_body(transfer.handle, &bodyLength).map { Data(bytes: $0, count: bodyLength) } ?? Data()
    let status = celigo_transfer_status(transfer.handle)
    return .success(APIResponse(status: Int(status), headers: Self.headerFields(headerText), body: body))
  }

  /// Parses header lines into lower-cased names; repeated fields are joined
  /// with ", " as RFC 9110 allows.
  static func headerFields(_ text: String) -> [String: String] {
    var fields: [String: String] = [:]
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      fields[name] = fields[name].map { "\($0), \(value)" } ?? value
    }
    return fields
  }
}

/// One transfer's libcurl state and its waiting caller.
private final class Transfer: @unchecked Sendable {
  let handle: OpaquePointer
  let easy: UnsafeMutableRawPointer
  /// Nanoseconds.
  let idleTimeout: UInt64
  /// Guarded by the transport's lock.
  var continuation: CheckedContinuation<APIResponse, Error>?
  /// Guarded by the transport's lock.
  var canceled = false

  init(_ request: CurlTransport.Request) throws {
    let timeoutMilliseconds = max(1, Int(request.idleTimeout * 1000))
    let strings = [request.caFile, request.caPath, "celigo/\(Help.version)"] + request.headers.map { $0 }
    let created = withCStrings(strings) { copies in
      request.body.withOptionalBytes { body in
        var options = celigo_transfer_options(
          connect_timeout_ms: timeoutMilliseconds, fresh_connection: request.freshConnection ? 1 : 0,
          bypass_proxy: request.bypassProxy ? 1 : 0, max_body_length: CurlTransport.maxBodyLength,
          user_agent: copies[2], ca_file: copies[0], ca_path: copies[1])
        let lines = Array(copies.dropFirst(3))
        return celigo_transfer_create(
          request.method, request.url, lines, lines.count, body?.baseAddress, body?.count ?? 0, &options)
      }
    }
    guard let created else {
      throw TransportError(reason: "libcurl could not create a transfer", neverSent: true)
    }
    handle = created
    easy = celigo_transfer_handle(created)
    idleTimeout = UInt64(timeoutMilliseconds) * 1_000_000
  }

  /// True once libcurl has sent bytes of the request; read it before `release`.
  var requestSent: Bool {
    celigo_transfer_request_size(handle) > 0
  }

  func release() {
    celigo_transfer_free(handle)
  }
}

/// Calls `body` with C copies of the strings, NULL for nil, freed when it
/// returns.
private func withCStrings<Result>(
  _ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> Result
) -> Result {
  let copies = strings.map { $0.flatMap { strdup($0) } }
  defer { copies.forEach { free($0) } }
  return body(copies.map { $0.map { UnsafePointer($0) } })
}

extension Optional where Wrapped == Data {
  fileprivate func withOptionalBytes<Result>(_ body: (UnsafeRawBufferPointer?) -> Result) -> Result {
    guard let data = self else { return body(nil) }
    return data.withUnsafeBytes { body($0) }
  }
}
