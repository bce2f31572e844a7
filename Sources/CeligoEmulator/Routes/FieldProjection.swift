import CeligoKit

/// The `include` and `exclude` query parameters of list calls: `include`
/// keeps `_id`, `name` and the listed fields, `exclude` drops the listed
/// fields. Dotted paths such as `http.method` reach into nested objects.
struct FieldProjection {
  private var included: [[String]]?
  private var excluded: [[String]] = []

  /// Parses the parameters, or throws 400 `invalid_query_params` when both
  /// are present or a list has characters other than letters, digits,
  /// dots, underscores and commas.
  init(_ request: HTTPRequest) throws {
    let include = request.queryValue("include")
    let exclude = request.queryValue("exclude")
    if include != nil, exclude != nil {
      throw APIError(
        status: 400, code: "invalid_query_params",
        message: "Use either include or exclude, not both.")
    }
    for (name, value) in [("include", include), ("exclude", exclude)] {
      guard let value else { continue }
      let valid = value.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "," }
      guard valid else {
        throw APIError(
          status: 400, code: "invalid_query_params",
          message: "Invalid \(name) list \(value): use field paths separated by commas.")
      }
      let paths = value.split(separator: ",").map { $0.split(separator: ".").map(String.init) }
      if name == "include" { included = [["_id"], ["name"]] + paths } else { excluded = paths }
    }
  }

  /// Returns the record reduced to the requested fields.
  func apply(_ record: JSONValue) -> JSONValue {
    if let included { return Self.keep(included, of: record) }
    return excluded.reduce(record) { Self.drop($1[...], from: $0) }
  }

  private static func keep(_ paths: [[String]], of value: JSONValue) -> JSONValue {
    guard let pairs = value.objectPairs else { return value }
    var kept: [(key: String, value: JSONValue)] = []
    for pair in pairs {
      let matching = paths.filter { $0.first == pair.key }
      guard !matching.isEmpty else { continue }
      if matching.contains(where: { $0.count == 1 }) {
        kept.append(pair)
      } else {
        kept.append((pair.key, keep(matching.map { Array($0.dropFirst()) }, of: pair.value)))
      }
    }
    return .object(kept)
  }

  private static func drop(_ path: ArraySlice<String>, from value: JSONValue) -> JSONValue {
    guard let key = path.first, let child = value[key] else { return value }
    if path.count == 1 { return value.removing(key) }
    return value.setting(key, to: drop(path.dropFirst(), from: child))
  }
}
