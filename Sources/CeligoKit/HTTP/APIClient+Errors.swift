import Foundation

extension APIClient {
  /// Builds the typed error of a non-2xx response from its error envelope, or
  /// from a summary of whatever else the body contains, such as a gateway's
  /// HTML page.
  func apiError(_ response: APIResponse, method: String, path: String) -> CeligoError {
    let first = (try? response.json(method: method, path: path))?["errors"]?.arrayValue?.first
    let message = first?["message"]?.stringValue ?? Self.bodySummary(response)
    return .api(
      APIError(
        status: response.status, code: first?["code"]?.stringValue, message: message,
        field: first?["field"]?.stringValue, method: method, path: path))
  }

  /// Describes a body that is not the error envelope: the title of an HTML
  /// page, or the start of any other text.
  static func bodySummary(_ response: APIResponse) -> String {
    let text = String(decoding: response.body.prefix(4096), as: UTF8.self)
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { return "no details in the response" }

    let isHTML =
      response.headers["content-type"]?.lowercased().contains("html") == true
      || trimmed.lowercased().hasPrefix("<!doctype html") || trimmed.lowercased().hasPrefix("<html")
    if isHTML {
      let title = htmlTitle(trimmed).map { " titled '\($0)'" } ?? ""
      return "the server sent an HTML page\(title) instead of the API's JSON error"
    }
    let line = trimmed.split(whereSeparator: \.isNewline).first.map(String.init) ?? trimmed
    let excerpt = line.count > 120 ? line.prefix(120) + "…" : line
    return "unexpected response body (not the API's error envelope): \(excerpt)"
  }

  /// Returns the text of the first `<title>` element.
  static func htmlTitle(_ html: String) -> String? {
    guard let open = html.range(of: "<title>", options: .caseInsensitive),
      let close = html.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<html.endIndex)
    else { return nil }
    let title = html[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
    return title.isEmpty ? nil : title
  }
}
