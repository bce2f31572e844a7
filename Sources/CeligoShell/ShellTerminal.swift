import CeligoKit
import Foundation

/// The shell's terminal: it writes to `base`, except inside
/// `ShellTerminal.capture`, where a background command's output and errors
/// go to a buffer so they cannot draw over the line being edited.
public struct ShellTerminal: TerminalIO {
  /// The buffer of the background command running in this task, if any.
  @TaskLocal static var captureBuffer: CaptureBuffer?

  private let base: any TerminalIO

  /// Creates a terminal that writes to `base` outside of a capture.
  public init(base: any TerminalIO) {
    self.base = base
  }

  /// Whether the current task runs a background command.
  public static var isCapturing: Bool {
    captureBuffer != nil
  }

  /// Runs `body` with this task's output and errors going to a buffer, and
  /// returns its exit code with the text it wrote.
  public static func capture(_ body: () async -> Int32) async -> (Int32, String) {
    let buffer = CaptureBuffer()
    let code = await $captureBuffer.withValue(buffer) { await body() }
    return (code, buffer.text)
  }

  public func writeOutput(_ text: String) {
    if let buffer = Self.captureBuffer {
      buffer.append(text)
    } else {
      base.writeOutput(text)
    }
  }

  public func writeError(_ text: String) {
    if let buffer = Self.captureBuffer {
      buffer.append(text)
    } else {
      base.writeError(text)
    }
  }

  /// False in a capture, so a background command cannot prompt: one that
  /// needs a confirmation fails with a message to add `--yes`.
  public var isInteractive: Bool {
    Self.isCapturing ? false : base.isInteractive
  }

  /// Nil in a capture, so tables are not fitted and `--wait` prints one
  /// line per change in place of redrawing its lines with ANSI codes.
  public var outputWidth: Int? {
    Self.isCapturing ? nil : base.outputWidth
  }

  public var colorOutput: Bool {
    Self.isCapturing ? false : base.colorOutput
  }

  public func confirm(_ question: String) -> ConfirmationAnswer {
    Self.isCapturing ? .no : base.confirm(question)
  }

  public func readSecret(_ prompt: String) -> String? {
    Self.isCapturing ? nil : base.readSecret(prompt)
  }
}

/// Output and errors of one background command, in the order written.
final class CaptureBuffer: @unchecked Sendable {
  // NOTE: @unchecked because every access to `storage` takes `lock`.
  private let lock = NSLock()
  private var storage = ""

  var text: String {
    lock.withLock { storage }
  }

  func append(_ text: String) {
    lock.withLock { storage += text }
  }
}
