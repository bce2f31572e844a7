import Foundation

/// The profiles file: `{"defaultProfile": "...", "profiles": {"name": {...}}}`.
public struct ConfigFile: Sendable {
  /// One account profile.
  public struct Profile: Sendable, Equatable {
    public var apiToken: String?
    public var region: String?
    public var baseURL: String?
    public var format: String?
  }

  public var path: String
  public var defaultProfile: String?
  public var profiles: [String: Profile]
  /// The whole document as read, so that saving keeps fields this tool does
  /// not know.
  public var document: JSONValue

  /// Returns the file to read: `--config`, `$CELIGO_CONFIG`,
  /// `./config/celigo_config.json`, then the user config file, the first
  /// that exists. An explicit path is returned even when it is missing.
  public static func locate(explicitPath: String?, environment: [String: String]) -> (
    path: String, explicit: Bool
  )? {
    if let path = explicitPath ?? environment["CELIGO_CONFIG"], !path.isEmpty {
      return (path, true)
    }
    let candidates = ["config/celigo_config.json", userConfigPath(environment: environment)]
    for candidate in candidates where FileManager.default.fileExists(atPath: candidate) {
      return (candidate, false)
    }
    return nil
  }

  /// Returns `${XDG_CONFIG_HOME:-~/.config}/celigo/config.json`.
  public static func userConfigPath(environment: [String: String]) -> String {
    let base =
      environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (homeDirectory(environment: environment) + "/.config")
    return base + "/celigo/config.json"
  }

  static func homeDirectory(environment: [String: String]) -> String {
    environment["HOME"] ?? NSHomeDirectory()
  }

  /// Reads and validates a profiles file.
  public static func load(path: String) throws -> ConfigFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CeligoError.configuration(
        "cannot read config file \(path): check the path given by --config or CELIGO_CONFIG")
    }
    let document: JSONValue
    do {
      document = try JSONValue.parse(data)
    } catch {
      throw CeligoError.configuration("config file \(path) is not valid JSON: \(error)")
    }
    guard case .object = document else {
      throw CeligoError.configuration("config file \(path) must contain a JSON object")
    }
    var profiles: [String: Profile] = [:]
    for (name, value) in document["profiles"]?.objectPairs ?? [] {
      profiles[name] = Profile(
        apiToken: value["apiToken"]?.stringValue,
        region: value["region"]?.stringValue,
        baseURL: value["baseUrl"]?.stringValue ?? value["baseURL"]?.stringValue,
        format: value["format"]?.stringValue)
    }
    return ConfigFile(
      path: path, defaultProfile: document["defaultProfile"]?.stringValue,
      profiles: profiles, document: document)
  }

  /// Returns a warning when the file can be read by other users, since it
  /// contains API tokens.
  public static func permissionWarning(path: String) -> String? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
    else { return nil }
    guard mode & 0o077 != 0 else { return nil }
    return "warning: config file \(path) is readable by other users (mode "
      + String(mode & 0o777, radix: 8) + "); run 'chmod 600 \(path)'"
  }
}
