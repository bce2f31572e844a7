import Foundation

/// Runs command lines for both front ends: parses against the catalog,
/// resolves settings, calls the handler and turns failures into a message
/// on stderr and an exit code.
public final class CommandRunner: @unchecked Sendable {
  public let terminal: TerminalIO
  public let environment: [String: String]
  let parser = CommandParser()
  let lock = NSLock()
  var clients: [String: APIClient] = [:]
  var warned = Set<String>()
  /// Options applied under every command line's own, such as the shell's
  /// `--base-url` for the demo emulator.
  public var defaults = GlobalOptions()
  /// The ID caches that every list and get feeds, one per profile.
  public let idCaches: IDCacheRegistry
  /// The profile whose ID cache is fed, in place of the settings' profile
  /// (`demo` for the demo shell).
  public var cacheProfile: String?
  /// Receives the records each command prints, after the ID cache has.
  public var onRecords: (@Sendable (PrintedRecords) -> Void)?

  public init(terminal: TerminalIO, environment: [String: String]) {
    self.terminal = terminal
    self.environment = environment
    self.idCaches = IDCacheRegistry(environment: environment)
  }

  /// Parses words; a usage error is printed and returned as nil.
  public func parse(_ words: [String]) -> Result<ParseOutcome, CeligoError> {
    do {
      return .success(try parser.parse(words))
    } catch let error as CeligoError {
      return .failure(error)
    } catch {
      return .failure(.usage("\(error)"))
    }
  }

  /// Parses and runs one command line, returning its exit code.
  public func run(_ words: [String]) async -> Int32 {
    switch parse(words) {
    case .failure(let error):
      return report(error)
    case .success(.version):
      terminal.writeOutput("celigo \(Help.version)\n")
      return ExitCode.success
    case .success(.help(let text)):
      terminal.writeOutput(text)
      return ExitCode.success
    case .success(.run(let invocation, let globals)):
      return await execute(invocation, globals)
    }
  }

  /// Runs a parsed command.
  public func execute(_ invocation: Invocation, _ globals: GlobalOptions) async -> Int32 {
    do {
      let options = merged(globals)
      switch invocation.spec.run {
      case .frontEnd:
        throw CeligoError.usage("'\(invocation.spec.words)' cannot run here")
      case .api(let handler):
        let context = try makeContext(options, requireToken: true)
        let cache = attachIDCache(invocation, context)
        defer { saveIDCache(cache) }
        try await handler(invocation, context)
      case .local(let handler):
        let context = try makeContext(options, requireToken: false)
        try await handler(invocation, context)
      }
      return ExitCode.success
    } catch {
      return report(error)
    }
  }

  /// Prints a failure and returns its exit code.
  @discardableResult
  public func report(_ error: Error) -> Int32 {
    terminal.writeError("celigo: \(ErrorMessage.describe(error))\n")
    return ExitCode.of(error)
  }

  /// Builds the context a handler runs with; the client is kept for the
  /// next command with the same settings, so the shell reuses connections.
  public func makeContext(_ options: GlobalOptions, requireToken: Bool) throws -> CommandContext {
    let settings = try Settings.resolve(
      options: options, environment: environment, requireToken: requireToken)
    for warning in settings.warnings where lock.withLock({ warned.insert(warning).inserted }) {
      terminal.writeError(warning + "\n")
    }
    return CommandContext(
      client: client(for: settings), settings: settings,
      output: OutputWriter(format: settings.format, terminal: terminal), terminal: terminal,
      environment: environment)
  }

  func client(for settings: Settings) -> APIClient {
    let key = "\(settings.baseURL)|\(settings.token)|\(settings.timeout)|\(settings.verbose)"
    return lock.withLock {
      if let client = clients[key] { return client }
      let terminal = self.terminal
      let client = APIClient(settings: settings) { line in terminal.writeError("* \(line)\n") }
      clients[key] = client
      return client
    }
  }

  func merged(_ globals: GlobalOptions) -> GlobalOptions {
    var options = globals
    options.profile = globals.profile ?? defaults.profile
    options.format = globals.format ?? defaults.format
    options.region = globals.region ?? defaults.region
    options.baseURL = globals.baseURL ?? defaults.baseURL
    options.configPath = globals.configPath ?? defaults.configPath
    options.timeout = globals.timeout ?? defaults.timeout
    options.verbose = globals.verbose || defaults.verbose
    options.yes = globals.yes || defaults.yes
    return options
  }
}
