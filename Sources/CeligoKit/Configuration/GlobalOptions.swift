/// Options accepted before or after any command, as typed on the command
/// line; nil means "not given".
public struct GlobalOptions: Sendable, Equatable {
  public var profile: String?
  public var format: OutputFormat?
  public var region: String?
  public var baseURL: String?
  public var configPath: String?
  public var verbose = false
  public var yes = false
  public var timeout: Double?
  public var help = false
  public var version = false

  public init() {}
}

/// How results are printed.
public enum OutputFormat: String, Sendable, CaseIterable {
  case table
  case json
}
