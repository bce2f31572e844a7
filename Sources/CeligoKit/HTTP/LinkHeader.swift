import Foundation

/// RFC 8288 `Link` header parsing, for the `rel="next"` URL of paged lists.
public enum LinkHeader {
  /// Returns the target of the link whose `rel` includes `next`.
  public static func nextURL(in header: String) -> URL? {
    for link in header.split(separator: ",") {
      let parts = link.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      guard let target = parts.first, target.hasPrefix("<"), target.hasSuffix(">") else {
        continue
      }
      let relations = parts.dropFirst().filter { $0.lowercased().hasPrefix("rel=") }
      let isNext = relations.contains { relation in
        let value = relation.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        return value.split(separator: " ").contains("next")
      }
      if isNext { return URL(string: String(target.dropFirst().dropLast())) }
    }
    return nil
  }
}
