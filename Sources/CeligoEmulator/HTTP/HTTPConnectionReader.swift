#if canImport(Glibc)
  import Glibc
#endif

/// Reads HTTP/1.1 requests from one socket, keeping bytes that arrive
/// ahead of the current request for the next one.
struct HTTPConnectionReader {
  enum Outcome {
    case request(HTTPRequest)
    case malformed(status: Int, message: String)
    case closed
  }

  static let maxHeaderBytes = 64 * 1024
  static let maxBodyBytes = 64 * 1024 * 1024

  let socket: Int32
  private var buffer: [UInt8] = []

  init(socket: Int32) {
    self.socket = socket
  }

  mutating func nextRequest() -> Outcome {
    var headerEnd: Int?
    while headerEnd == nil {
      headerEnd = Self.find([13, 10, 13, 10], in: buffer)
      if headerEnd != nil { break }
      guard buffer.count <= Self.maxHeaderBytes else {
        return .malformed(status: 431, message: "Request headers are larger than 64 KiB.")
      }
      guard fill() else { return .closed }
      // 0x16 starts a TLS handshake record: a client sent https to this
      // plain-HTTP server, and would otherwise wait for a response forever.
      if buffer.first == 0x16 {
        return .malformed(status: 400, message: "The emulator serves plain HTTP: use an http:// base URL.")
      }
    }
    guard let end = headerEnd else { return .closed }
    let head = String(decoding: buffer[0..<end], as: UTF8.self)
    buffer.removeFirst(end + 4)
    var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
    guard !lines.isEmpty else { return .malformed(status: 400, message: "Empty request line.") }
    let requestLine = lines.removeFirst().split(separator: " ")
    guard requestLine.count == 3 else {
      return .malformed(status: 400, message: "Invalid request line.")
    }
    var headers: [(String, String)] = []
    for line in lines where !line.isEmpty {
      guard let colon = line.firstIndex(of: ":") else {
        return .malformed(status: 400, message: "Invalid header line: \(line)")
      }
      let name = String(line[..<colon]).trimmingSpaces()
      let value = String(line[line.index(after: colon)...]).trimmingSpaces()
      headers.append((name, value))
    }
    let target = requestLine[1]
    let pathPart = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let path = URLDecoding.decode(pathPart[0], plusIsSpace: false)
    let query = pathPart.count > 1 ? URLDecoding.queryItems(pathPart[1]) : []
    var body: [UInt8] = []
    let lengthText = headers.first(where: { $0.0.lowercased() == "content-length" })?.1
    if let lengthText {
      guard let length = Int(lengthText), length >= 0 else {
        return .malformed(status: 400, message: "Invalid Content-Length: \(lengthText)")
      }
      guard length <= Self.maxBodyBytes else {
        return .malformed(status: 413, message: "Request body is larger than 64 MiB.")
      }
      let expectsContinue = headers.contains { $0.0.lowercased() == "expect" && $0.1.lowercased() == "100-continue" }
      if expectsContinue, buffer.count < length {
        // curl waits up to a second for this before sending a large body.
        let interim = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
        _ = interim.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      }
      while buffer.count < length {
        guard fill() else { return .closed }
      }
      body = Array(buffer[0..<length])
      buffer.removeFirst(length)
    }
    return .request(
      HTTPRequest(
        method: String(requestLine[0]), path: path, query: query, headers: headers, body: body,
        version: String(requestLine[2])))
  }

  /// Reads more bytes; false when the peer closed or the read failed.
  private mutating func fill() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return false }
      buffer.append(contentsOf: chunk[0..<count])
      return true
    }
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start] == needle[0] && Array(haystack[start..<(start + needle.count)]) == needle {
      return start
    }
    return nil
  }
}

extension String {
  func trimmingSpaces() -> String {
    var scalars = Substring(self)
    while scalars.first == " " || scalars.first == "\t" { scalars.removeFirst() }
    while scalars.last == " " || scalars.last == "\t" { scalars.removeLast() }
    return String(scalars)
  }
}
