import Foundation

/// The settings a command runs with, after command-line options, the
/// environment and the profiles file have been merged in that order.
public struct Settings: Sendable {
  public var profileName: String
  public var token: String
  public var baseURL: URL
  public var format: OutputFormat
  public var timeout: Double
  public var verbose: Bool
  public var assumeYes: Bool
  /// Warnings to print once, such as a config file readable by others.
  public var warnings: [String]
  /// The config file named by `--config` or `CELIGO_CONFIG`, if any.
  public var configPath: String?

  public init(
    profileName: String, token: String, baseURL: URL, format: OutputFormat = .table,
    timeout: Double = 30, verbose: Bool = false, assumeYes: Bool = false
  ) {
    self.profileName = profileName
    self.token = token
    self.baseURL = baseURL
    self.format = format
    self.timeout = timeout
    self.verbose = verbose
    self.assumeYes = assumeYes
    self.warnings = []
    self.configPath = nil
  }

  static let regionHosts = ["us": "https://api.integrator.io", "eu": "https://api.eu.integrator.io"]

  /// Merges options, environment and config file; throws a configuration
  /// error (exit 3) when no token can be found, or a usage error for invalid
  /// values.
  public static func resolve(
    options: GlobalOptions, environment: [String: String], requireToken: Bool = true
  ) throws -> Settings {
    var file: ConfigFile?
    var warnings: [String] = []
    if let located = ConfigFile.locate(explicitPath: options.configPath, environment: environment)
    {
      let exists = FileManager.default.fileExists(atPath: located.path)
      // A command that needs no token, such as `login`, may name a config
      // file that does not exist yet, because it creates the file.
      if exists || (located.explicit && requireToken) {
        file = try ConfigFile.load(path: located.path)
        if let warning = ConfigFile.permissionWarning(path: located.path) {
          warnings.append(warning)
        }
      }
    }

    let profileName =
      options.profile ?? nonEmpty(environment["CELIGO_PROFILE"]) ?? file?.defaultProfile
      ?? "default"
    let profile = file?.profiles[profileName]
    // login names a profile that does not exist yet, so only commands that need a token check it.
    if requireToken, options.profile != nil || nonEmpty(environment["CELIGO_PROFILE"]) != nil, profile == nil {
      let known = (file?.profiles.keys.sorted() ?? []).joined(separator: ", ")
      let where_ = file.map { " in \($0.path)" } ?? " (no config file found)"
      throw CeligoError.configuration(
        "profile '\(profileName)' not found\(where_)"
          + (known.isEmpty ? "; run 'celigo login --profile \(profileName)'" : "; known profiles: \(known)"))
    }

    let token = nonEmpty(environment["CELIGO_API_TOKEN"]) ?? profile?.apiToken ?? ""
    if requireToken, token.isEmpty {
      throw CeligoError.configuration(
        "no API token for profile '\(profileName)': run 'celigo login' or set CELIGO_API_TOKEN")
    }

    let region = options.region ?? nonEmpty(environment["CELIGO_REGION"]) ?? profile?.region ?? "us"
    guard let regionHost = regionHosts[region.lowercased()] else {
      throw CeligoError.usage("invalid region '\(region)': expected us or eu")
    }
    let baseText =
      options.baseURL ?? nonEmpty(environment["CELIGO_BASE_URL"]) ?? profile?.baseURL ?? regionHost
    let baseURL = try validatedBaseURL(baseText)

    let formatText = nonEmpty(environment["CELIGO_FORMAT"]) ?? profile?.format
    var format = options.format ?? .table
    if options.format == nil, let formatText {
      guard let parsed = OutputFormat(rawValue: formatText) else {
        throw CeligoError.usage("invalid format '\(formatText)': expected table or json")
      }
      format = parsed
    }

    var settings = Settings(
      profileName: profileName, token: token, baseURL: baseURL, format: format,
      timeout: options.timeout ?? 30, verbose: options.verbose, assumeYes: options.yes)
    settings.warnings = warnings
    settings.configPath = options.configPath ?? nonEmpty(environment["CELIGO_CONFIG"])
    return settings
  }

  /// Accepts an `https` URL, or `http` only on a loopback host (the emulator).
  public static func validatedBaseURL(_ text: String) throws -> URL {
    let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
    guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
      scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty
    else {
      throw CeligoError.usage(
        "invalid base URL '\(text)': expected https://HOST, or http://127.0.0.1:PORT for the emulator")
    }
    if url.user != nil || url.password != nil {
      throw CeligoError.usage(
        "invalid base URL '\(redactingCredentials(text))': remove the user name and password;"
          + " the API token comes from CELIGO_API_TOKEN or 'celigo login'")
    }
    if url.query != nil || url.fragment != nil {
      throw CeligoError.usage(
        "invalid base URL '\(text)': remove the query or fragment; expected https://HOST[:PORT]")
    }
    if let port = url.port, !(1...65535).contains(port) {
      throw CeligoError.usage("invalid base URL '\(text)': port \(port) is not between 1 and 65535")
    }
    if url.path.split(separator: "/").last == "v1" {
      throw CeligoError.usage(
        "invalid base URL '\(text)': remove the trailing /v1, which celigo adds to every request path")
    }
    if scheme == "https" { return url }
    if scheme == "http", isLoopback(host) { return url }
    throw CeligoError.usage(
      "base URL '\(text)' is not https: plain http is allowed only for loopback hosts"
        + " (127.0.0.1, localhost, ::1)")
  }

  /// Replaces the user information of a URL, `user:secret@`, with `***@`.
  static func redactingCredentials(_ text: String) -> String {
    guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") else {
      return text
    }
    return text[..<scheme.upperBound] + "***" + text[at...]
  }

  /// True for `localhost`, `::1` and IPv4 addresses in 127.0.0.0/8. A name
  /// that only starts with `127.`, such as `127.0.0.1.example.com`, is not
  /// loopback.
  static func isLoopback(_ host: String) -> Bool {
    let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
    if bare == "localhost" || bare == "::1" { return true }
    let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
    let numbers = octets.compactMap { octet in
      octet.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(octet) : nil
    }
    return octets.count == 4 && numbers.count == 4 && numbers[0] == 127 && numbers.allSatisfy { $0 <= 255 }
  }

  static func nonEmpty(_ value: String?) -> String? {
    guard let value, !value.isEmpty else { return nil }
    return value
  }
}
