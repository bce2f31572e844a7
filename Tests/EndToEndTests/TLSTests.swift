import Foundation
import Testing

/// The client over TLS, against `openssl s_server` on loopback with a
/// self-signed certificate that no trust store accepts.
@Suite struct TLSTests {
  @Test func untrustedCertificateFailsOnce() async throws {
    let server = try await OpenSSLServer()
    defer { server.stop() }
    let home = CeligoProcess.scratchHome()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let baseURL = "https://127.0.0.1:\(server.port)"
    let environment = CeligoProcess.environment(baseURL: baseURL, token: "tls-test-token", home: home)

    let result = try await CeligoProcess.run(["--verbose", "tags", "list"], environment: environment)
    #expect(result.status == 5)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n")
    // The handshake failed, so the request never left: one attempt, no retry.
    #expect(lines.filter { $0.hasPrefix("* GET \(baseURL)/v1/tags failed after ") }.count == 1)
    #expect(!result.stderr.contains("retrying"))
    #expect(
      lines.last.map(String.init)
        == "celigo: cannot reach the API: GET \(baseURL)/v1/tags failed (TLS connection failed: SSL"
        + " certificate problem: self-signed certificate); check the network, --base-url or --region")
    #expect(!result.stderr.contains("tls-test-token"))
  }
}

extension TLSTests {
  @Test func httpsToPlainEmulatorFailsFast() async throws {
    let fixture = try EmulatorFixture()
    let baseURL = fixture.emulator.baseURL.replacingOccurrences(of: "http://", with: "https://")
    let result = try await fixture.run(["tags", "create", "never-sent"], extra: ["CELIGO_BASE_URL": baseURL])
    #expect(result.status == 5)
    // No byte of the POST left, so it was safe to try again.
    #expect(result.stderr.hasPrefix("celigo: cannot reach the API: POST \(baseURL)/v1/tags failed on all 4 attempts (TLS connection failed: "))
    #expect(result.stderr.hasSuffix("wrong version number (the server may not speak TLS)); check the network, --base-url or --region\n"))
    #expect(fixture.emulator.requests.isEmpty)
    #expect(!fixture.emulator.records("tags").contains { $0["tag"] == "never-sent" })
  }
}

/// `openssl s_server` with a fresh self-signed certificate on a free port.
final class OpenSSLServer {
  let port: UInt16
  private let process = Process()
  private let directory: String

  init() async throws {
    directory = CeligoProcess.scratchHome()
    let key = directory + "/key.pem"
    let certificate = directory + "/cert.pem"
    let generated = try await CeligoProcess.run(
      [
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=127.0.0.1",
      ], environment: [:], executable: "/usr/bin/openssl")
    guard generated.status == 0 else {
      throw FixtureError.failed("openssl req exited \(generated.status): \(generated.stderr)")
    }

    port = try Self.freePort()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    process.arguments = ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", key, "-www", "-quiet"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    try await waitUntilListening()
  }

  /// Kills the server. `openssl s_server` outlives SIGTERM, and
  /// `Process.waitUntilExit` can spin forever off the main thread, so this
  /// sends SIGKILL and polls for at most 5 seconds.
  func stop() {
    kill(process.processIdentifier, SIGKILL)
    for _ in 0..<500 where process.isRunning {
      usleep(10_000)
    }
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// Returns a port that the kernel reported free a moment ago.
  private static func freePort() throws -> UInt16 {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw FixtureError.failed("socket() failed: errno \(errno)") }
    defer { close(socket) }
    var address = loopback(port: 0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
        bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
      }
    }
    guard bound else { throw FixtureError.failed("bind() failed: errno \(errno)") }
    return UInt16(bigEndian: address.sin_port)
  }

  /// Waits up to 10 seconds for the server to accept a connection.
  private func waitUntilListening() async throws {
    for _ in 0..<200 {
      let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = Self.loopback(port: port)
      let connected = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
      }
      close(socket)
      if connected { return }
      guard process.isRunning else { throw FixtureError.failed("openssl s_server exited \(process.terminationStatus)") }
      try await Task.sleep(nanoseconds: 50_000_000)
    }
    throw FixtureError.failed("openssl s_server did not listen on port \(port) within 10 s")
  }

  private static func loopback(port: UInt16) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
  }
}
