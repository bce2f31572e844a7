import CLibCurl

/// A transfer stopped because its task was canceled, as by Ctrl-C.
struct TransferCanceled: Error, Sendable {
  /// True when libcurl had sent bytes of the request.
  let requestSent: Bool
}

/// A request that ended without a complete HTTP response.
struct TransportError: Error, Sendable, CustomStringConvertible {
  /// A short description for messages, such as "connection refused".
  let reason: String
  /// True when no byte of the request can have reached the server, so that
  /// even a POST may be sent again.
  let neverSent: Bool
  /// False when sending again cannot help, as with a rejected certificate.
  let transient: Bool

  init(reason: String, neverSent: Bool, transient: Bool = true) {
    self.reason = reason
    self.neverSent = neverSent
    self.transient = transient
  }

  /// Describes a failed libcurl transfer from its code and the text of its
  /// error buffer. `requestUnsent` is true when libcurl sent no byte of the
  /// request, whatever the code.
  init(code: CURLcode, detail: String, requestUnsent: Bool = false) {
    let standard = String(cString: curl_easy_strerror(code))
    let specific = detail.isEmpty ? standard : detail
    // Other codes keep libcurl's message, such as "transfer closed with 120
    // bytes remaining to read" for CURLE_PARTIAL_FILE.
    var reason = specific
    var neverSent = false
    var transient = true
    switch code {
    case CURLE_COULDNT_CONNECT:
      reason = "connection refused"
      neverSent = true
    case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
      reason = "host not found"
      neverSent = true
    case CURLE_OPERATION_TIMEDOUT:
      reason = "timed out"
    case CURLE_GOT_NOTHING:
      reason = "connection closed with no response"
    case CURLE_SEND_ERROR, CURLE_RECV_ERROR:
      reason = "connection lost: \(specific)"
    case CURLE_SSL_CONNECT_ERROR:
      // The TLS handshake comes before any byte of the request. OpenSSL
      // reports "wrong version number" when the server responds in plain text.
      let hint = specific.contains("wrong version number") ? " (the server may not speak TLS)" : ""
      reason = "TLS connection failed: \(specific)\(hint)"
      neverSent = true
    case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
      CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND:
      reason = "TLS connection failed: \(specific)"
      neverSent = true
      transient = false
    case CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_BAD_CONTENT_ENCODING:
      reason = "invalid HTTP response: \(specific)"
    default:
      break
    }
    self.init(reason: reason, neverSent: neverSent || requestUnsent, transient: transient)
  }

  var description: String { reason }
}
