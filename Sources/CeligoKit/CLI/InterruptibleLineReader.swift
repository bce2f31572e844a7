import Foundation

/// Reads one line of standard input so that Ctrl-C (SIGINT) ends the read at
/// once. While it waits, its own SIGINT handler replaces the process's
/// handler (the shell's, or the default that ends the process), and the
/// previous one is restored before it returns.
enum InterruptibleLineReader {
  enum Outcome: Equatable {
    case line(String)
    case endOfInput
    case interrupted
  }

  /// Returns the next line without its newline, or how the wait ended.
  static func readLine() -> Outcome {
    guard let pipe = interruptPipe else { return plainRead() }
    drain(pipe.read)

    var action = sigaction()
    #if os(Linux)
      action.__sigaction_handler.sa_handler = recordInterrupt
    #else
      action.__sigaction_u.__sa_handler = recordInterrupt
    #endif
    sigemptyset(&action.sa_mask)
    // No SA_RESTART, so poll on this thread returns EINTR.
    action.sa_flags = 0
    var previous = sigaction()
    guard sigaction(SIGINT, &action, &previous) == 0 else { return plainRead() }
    defer { sigaction(SIGINT, &previous, nil) }

    // A thread that blocks SIGINT would never run the handler, so this one
    // accepts it. The signal may still go to any other thread that accepts
    // it, so the wait watches the pipe and not only EINTR.
    var interruptOnly = sigset_t()
    sigemptyset(&interruptOnly)
    sigaddset(&interruptOnly, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &interruptOnly, nil)

    var descriptors = [
      pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
      pollfd(fd: pipe.read, events: Int16(POLLIN), revents: 0),
    ]
    while true {
      let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return plainRead()
      }
      if descriptors[1].revents != 0 {
        drain(pipe.read)
        return .interrupted
      }
      // A terminal in canonical mode reports input only once a whole
      // line, or end of input, is there, so this read does not block.
      if descriptors[0].revents != 0 { return plainRead() }
    }
  }

  static func plainRead() -> Outcome {
    Swift.readLine().map(Outcome.line) ?? .endOfInput
  }

  /// The self-pipe that the SIGINT handler writes a byte to; nil when the
  /// pipe could not be created.
  static let interruptPipe: (read: Int32, write: Int32)? = {
    var descriptors: [Int32] = [-1, -1]
    guard pipe(&descriptors) == 0 else { return nil }
    for descriptor in descriptors {
      _ = fcntl(descriptor, F_SETFL, O_NONBLOCK)
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }
    interruptWriteDescriptor = descriptors[1]
    return (descriptors[0], descriptors[1])
  }()

  /// Reads and drops every byte waiting in the non-blocking pipe.
  static func drain(_ descriptor: Int32) {
    var buffer = [UInt8](repeating: 0, count: 64)
    while read(descriptor, &buffer, buffer.count) > 0 {}
  }
}

/// The write end of `InterruptibleLineReader.interruptPipe`, for the signal
/// handler. It is set once, before the handler is first installed.
nonisolated(unsafe) private var interruptWriteDescriptor: Int32 = -1

/// Records a SIGINT: write(2) is async-signal-safe, and errno is kept.
private func recordInterrupt(_ signal: Int32) {
  let savedErrno = errno
  var byte: UInt8 = 1
  _ = write(interruptWriteDescriptor, &byte, 1)
  errno = savedErrno
}
