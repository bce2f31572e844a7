import Foundation

/// `celigo login`: checks a token with `GET /v1/tokenInfo` and writes it to
/// the config file with mode 0600. The token never appears in arguments,
/// output or logs.
enum Login {
  static func run(_ invocation: Invocation, _ context: CommandContext) async throws {
    guard let entered = context.terminal.readSecret("API token for profile '\(context.settings.profileName)': ")
    else {
      throw CeligoError.usage("no token entered: type or pipe the API token on standard input")
    }
    let token = entered.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !token.isEmpty, !token.contains(where: \.isWhitespace) else {
      throw CeligoError.usage("invalid token: it is empty or contains spaces")
    }

    var settings = context.settings
    settings.token = token
    let client = APIClient(settings: settings, trace: nil)
    let info = try await client.document(APIRequest("GET", "/v1/tokenInfo"))

    let path = settings.configPath ?? ConfigFile.userConfigPath(environment: context.environment)
    try save(token: token, settings: settings, path: path)
    let user = info["_userId"]?.cellText ?? "unknown user"
    context.output.result(
      json: ["profile": .string(settings.profileName), "path": .string(path), "_userId": .string(user)],
      text: "Saved the token of user \(user) as profile '\(settings.profileName)' in \(path)")
  }

  /// Writes the profile into the config file, keeping other profiles and
  /// fields, through a 0600 temporary file renamed into place.
  static func save(token: String, settings: Settings, path: String) throws {
    var document: JSONValue = .object([])
    if FileManager.default.fileExists(atPath: path) {
      document = try ConfigFile.load(path: path).document
    }
    var profile = document["profiles"]?[settings.profileName] ?? .object([])
    profile = profile.setting("apiToken", to: .string(token))
    let host = settings.baseURL.absoluteString
    if let region = Settings.regionHosts.first(where: { $0.value == host })?.key {
      profile = profile.setting("region", to: .string(region)).removing("baseUrl")
    } else {
      profile = profile.setting("baseUrl", to: .string(host))
    }
    let profiles = (document["profiles"] ?? .object([])).setting(settings.profileName, to: profile)
    document = document.setting("profiles", to: profiles)
    if document["defaultProfile"] == nil {
      document = document.setting("defaultProfile", to: .string(settings.profileName))
    }

    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else {
      throw CeligoError.configuration("cannot write \(temporary): \(String(cString: strerror(errno)))")
    }
    let bytes = Array((document.serialized(pretty: true) + "\n").utf8)
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    fchmod(descriptor, 0o600)
    close(descriptor)
    guard written == bytes.count, rename(temporary, path) == 0 else {
      unlink(temporary)
      throw CeligoError.configuration("cannot write config file \(path): \(String(cString: strerror(errno)))")
    }
  }
}
