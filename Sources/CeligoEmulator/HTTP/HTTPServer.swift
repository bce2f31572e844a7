import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1: one thread accepts connections
/// and each connection gets its own thread, with keep-alive.
final class HTTPServer: @unchecked Sendable {
  typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

  private let handler: Handler
  private let lock = NSLock()
  private var listener: Int32 = -1
  private var clients: Set<Int32> = []
  private var stopped = false
  private(set) var port: Int = 0

  init(handler: @escaping Handler) {
    self.handler = handler
  }

  /// Binds and listens on 127.0.0.1:`port` (0 picks a free port), then
  /// starts the accept thread.
  func start(port requestedPort: Int) throws {
    signal(SIGPIPE, SIG_IGN)
    let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socketFD >= 0 else { throw ServerError.failed("socket", errno) }
    var reuse: Int32 = 1
    setsockopt(socketFD, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(requestedPort).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else {
      let code = errno
      close(socketFD)
      throw ServerError.failed("bind to 127.0.0.1:\(requestedPort)", code)
    }
    guard listen(socketFD, 128) == 0 else {
      let code = errno
      close(socketFD)
      throw ServerError.failed("listen", code)
    }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
    }
    lock.withLock {
      listener = socketFD
      port = Int(UInt16(bigEndian: actual.sin_port))
    }
    let thread = Thread { [self] in acceptLoop(socketFD) }
    thread.name = "emulator-accept"
    thread.start()
  }

  /// Closes the listening socket and every open connection.
  func stop() {
    let (socketFD, open) = lock.withLock { () -> (Int32, Set<Int32>) in
      stopped = true
      let current = (listener, clients)
      listener = -1
      return current
    }
    if socketFD >= 0 {
      shutdown(socketFD, Int32(SHUT_RDWR))
      close(socketFD)
    }
    for client in open {
      shutdown(client, Int32(SHUT_RDWR))
    }
  }

  private func acceptLoop(_ socketFD: Int32) {
    while true {
      let client = accept(socketFD, nil, nil)
      if client < 0 {
        if errno == EINTR { continue }
        return
      }
      let accepted = lock.withLock { () -> Bool in
        guard !stopped else { return false }
        clients.insert(client)
        return true
      }
      guard accepted else {
        close(client)
        return
      }
      let thread = Thread { [self] in serve(client) }
      thread.name = "emulator-connection"
      thread.start()
    }
  }

  /// Serves requests on one connection until the client closes it, asks
  /// for `Connection: close`, or sends something unreadable.
  private func serve(_ client: Int32) {
    defer {
      lock.withLock { _ = clients.remove(client) }
      close(client)
    }
    var reader = HTTPConnectionReader(socket: client)
    while true {
      let request: HTTPRequest
      switch reader.nextRequest() {
      case .closed:
        return
      case .malformed(let status, let message):
        let error = APIError(status: status, code: "bad_request", message: message)
        _ = writeAll(client, error.response.encoded(keepAlive: false))
        return
      case .request(let parsed):
        request = parsed
      }
      let response = handler(request)
      switch response.delivery {
      case .whole:
        break
      case .partial:
        _ = writeAll(client, response.partialBytes())
        return
      case .never:
        waitForClose(client)
        return
      }
      let chunked = request.header("Transfer-Encoding") != nil
      let keepAlive = !request.wantsClose && !chunked
      guard writeAll(client, response.encoded(keepAlive: keepAlive)), keepAlive else { return }
    }
  }

  /// Reads and discards until the client closes the connection or the
  /// server stops.
  private func waitForClose(_ client: Int32) {
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
      if count < 0, errno == EINTR { continue }
      if count <= 0 { return }
    }
  }

  private func writeAll(_ client: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes {
        send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      if written < 0, errno == EINTR { continue }
      guard written > 0 else { return false }
      offset += written
    }
    return true
  }
}

/// A socket call that failed while starting the server.
enum ServerError: Error, CustomStringConvertible {
  case failed(String, Int32)

  var description: String {
    switch self {
    case .failed(let call, let code):
      return "\(call) failed: \(String(cString: strerror(code)))"
    }
  }
}
