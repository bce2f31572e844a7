import CEditLineShim
import CeligoKit
import Foundation

/// The prompt: the profile, then the context by name, such as
/// `celigo:demo Shopify - NetSuite › Shopify Order to… > `.
enum ShellPrompt {
  /// Returns the prompt for `workbench`, its context names shortened so the
  /// prompt takes at most about half of `columns`. Without a UTF-8 locale
  /// libedit cannot show `›` and `…`, so `/` and `...` stand in for them.
  static func text(_ workbench: Workbench, columns: Int, unicode: Bool = localeIsUTF8()) -> String {
    let head = "celigo:\(workbench.profile)"
    let context = workbench.context
    let parts = [
      (ResourceKind.integration, context.integration), (.flow, context.flow), (.export, context.export),
      (.import, context.import), (.connection, context.connection),
    ].compactMap { kind, id in id.map { name(of: $0, kind, workbench.cache) } }
    guard !parts.isEmpty else { return head + "> " }

    let separator = unicode ? " › " : " / "
    let budget = max(24, columns / 2 - head.count - 3) - separator.count * (parts.count - 1)
    let each = max(10, budget / parts.count)
    let shortened = parts.map { shorten($0, to: each, ellipsis: unicode ? "…" : "...") }
    return head + " " + shortened.joined(separator: separator) + " > "
  }

  /// Returns the cached name of an ID, or the start of the ID when the
  /// cache has no name for it.
  static func name(of id: String, _ kind: ResourceKind, _ cache: IDCache) -> String {
    let name = cache.entry(kind, id: id)?.name ?? ""
    return name.isEmpty ? "\(kind.rawValue) \(id.prefix(8))" : name
  }

  static func shorten(_ text: String, to width: Int, ellipsis: String) -> String {
    guard text.count > width else { return text }
    return text.prefix(max(1, width - ellipsis.count)).trimmingCharacters(in: .whitespaces) + ellipsis
  }

  static func localeIsUTF8() -> Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    return String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
  }
}

extension Workbench {
  /// Returns the prompt, fitted to the width of the terminal on stdout.
  public func prompt() -> String {
    ShellPrompt.text(self, columns: Int(celigo_terminal_columns(STDOUT_FILENO)))
  }
}
