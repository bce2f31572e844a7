/// One table column: its header, how to read a cell from a record, and
/// whether it may be shortened to fit the terminal.
public struct TableColumn: Sendable {
  public let header: String
  public let path: [String]
  public let flexible: Bool
  /// True when the column may be left out of a table too wide for the terminal.
  public let optional: Bool

  public init(_ header: String, _ path: String, flexible: Bool = false, optional: Bool = false) {
    self.header = header
    self.path = path.split(separator: ".").map(String.init)
    self.flexible = flexible
    self.optional = optional
  }

  /// Returns the cell text for a record.
  func cell(_ record: JSONValue) -> String {
    var value: JSONValue? = record
    for key in path { value = value?[key] }
    return (value ?? .null).cellText
  }
}

/// The columns shown for each kind of list.
public enum TableLayout: Sendable {
  case integrations, flows, connections, exports, imports, jobs, errors, resolvedErrors
  case caches, cacheData, tags, users, audit, dependencies, integrationErrors, flowErrors
  case latestJobs, debugLog

  public var columns: [TableColumn] {
    switch self {
    case .integrations:
      return [
        TableColumn("ID", "_id"), TableColumn("NAME", "name", flexible: true),
        TableColumn("SANDBOX", "sandbox", optional: true), TableColumn("MODIFIED", "lastModified"),
      ]
    case .flows:
      return [
        TableColumn("ID", "_id"), TableColumn("NAME", "name", flexible: true),
        TableColumn("INTEGRATION", "_integrationId", optional: true), TableColumn("DISABLED", "disabled"),
        TableColumn("SCHEDULE", "schedule", flexible: true, optional: true),
        TableColumn("LAST RUN", "lastExecutedAt"),
      ]
    case .connections:
      return [
        TableColumn("ID", "_id"), TableColumn("NAME", "name", flexible: true),
        TableColumn("TYPE", "type"), TableColumn("OFFLINE", "offline"),
      ]
    case .exports:
      return [
        TableColumn("ID", "_id"), TableColumn("NAME", "name", flexible: true),
        TableColumn("ADAPTOR", "adaptorType"), TableColumn("TYPE", "type", optional: true),
        TableColumn("CONNECTION", "_connectionId", optional: true),
      ]
    case .imports:
      return [
        TableColumn("ID", "_id"), TableColumn("NAME", "name", flexible: true),
        TableColumn("ADAPTOR", "adaptorType"), TableColumn("CONNECTION", "_connectionId", optional: true),
      ]
    case .jobs, .latestJobs:
      return [
        TableColumn("ID", "_id"), TableColumn("TYPE", "type"), TableColumn("STATUS", "status"),
        TableColumn("FLOW", "_flowId", optional: true), TableColumn("CREATED", "createdAt"),
        TableColumn("SUCCESS", "numSuccess"), TableColumn("ERRORS", "numError"),
        TableColumn("IGNORED", "numIgnore", optional: true),
        TableColumn("PAGES", "numPagesGenerated", optional: true),
      ]
    case .errors:
      return [
        TableColumn("ERROR ID", "errorId"), TableColumn("SOURCE", "source"),
        TableColumn("CODE", "code"), TableColumn("OCCURRED", "occurredAt"),
        TableColumn("MESSAGE", "message", flexible: true),
        TableColumn("RETRY DATA KEY", "retryDataKey", optional: true),
      ]
    case .resolvedErrors:
      return [
        TableColumn("ERROR ID", "errorId"), TableColumn("SOURCE", "source"),
        TableColumn("CODE", "code"), TableColumn("RESOLVED", "resolvedAt"),
        TableColumn("BY", "resolvedBy"), TableColumn("MESSAGE", "message", flexible: true),
      ]
    case .caches:
      return [
        TableColumn("ID", "_id"), TableColumn("NAME", "name", flexible: true),
        TableColumn("SIZE", "sizeInMB"), TableColumn("INTEGRATION", "_integrationId"),
      ]
    case .cacheData:
      return [TableColumn("KEY", "key"), TableColumn("VALUE", "value", flexible: true)]
    case .tags:
      return [TableColumn("ID", "_id"), TableColumn("TAG", "tag", flexible: true), TableColumn("TAG ID", "tagId")]
    case .users:
      return [
        TableColumn("ID", "_id"), TableColumn("EMAIL", "sharedWithUser.email", flexible: true),
        TableColumn("NAME", "sharedWithUser.name", flexible: true),
        TableColumn("ACCESS", "accessLevel"), TableColumn("ACCEPTED", "accepted", optional: true),
      ]
    case .audit:
      return [
        TableColumn("TIME", "time"), TableColumn("EVENT", "event"),
        TableColumn("RESOURCE TYPE", "resourceType"), TableColumn("RESOURCE", "_resourceId"),
        TableColumn("USER", "byUser.email", flexible: true),
      ]
    case .dependencies:
      return [
        TableColumn("TYPE", "type"), TableColumn("ID", "id"),
        TableColumn("NAME", "name", flexible: true),
      ]
    case .debugLog:
      return [
        TableColumn("TIME", "time"), TableColumn("REQUEST ID", "requestId"),
        TableColumn("KIND", "kind"), TableColumn("RESOURCE TYPE", "resourceType"),
        TableColumn("RESOURCE", "resourceId"), TableColumn("BODY", "body", flexible: true),
      ]
    case .integrationErrors:
      return [
        TableColumn("FLOW", "_flowId"), TableColumn("NAME", "name", flexible: true),
        TableColumn("ERRORS", "numError"), TableColumn("LAST ERROR", "lastErrorAt"),
      ]
    case .flowErrors:
      return [
        TableColumn("STEP", "_expOrImpId"), TableColumn("TYPE", "type"),
        TableColumn("NAME", "name", flexible: true),
        TableColumn("ERRORS", "numError"), TableColumn("LAST ERROR", "lastErrorAt"),
      ]
    }
  }
}
