import CeligoKit
import Foundation

/// One record error on a flow step, open or resolved.
struct ErrorRecord: Sendable {
  /// Numeric error id, unique within its step; the API sends it as a string.
  var errorId: Int
  var code: String
  var message: String
  var source: String
  var classification: String
  var occurredAt: Int64
  var traceKey: String
  var retryDataKey: String
  /// The flow job that produced the error; empty for some errors, as in the API.
  var flowJobId: String
  var reqAndResKey: String?
  var oIndex: Int
  var resolvedAt: Int64?
  var resolvedBy: String?
  var assignedTo: String?
  var tags: [String] = []

  var json: JSONValue {
    var fields: [(key: String, value: JSONValue)] = [
      ("errorId", .string(String(errorId))),
      ("code", .string(code)),
      ("message", .string(message)),
      ("source", .string(source)),
      ("classification", .string(classification)),
      ("classifiedBy", "autopilot"),
      ("occurredAt", .string(Timestamp.iso(occurredAt))),
      ("traceKey", .string(traceKey)),
      ("oIndex", .int(Int64(oIndex))),
      ("retryDataKey", .string(retryDataKey)),
      ("_flowJobId", .string(flowJobId)),
    ]
    if let reqAndResKey { fields.append(("reqAndResKey", .string(reqAndResKey))) }
    if let assignedTo {
      fields.append(("assignedTo", .string(assignedTo)))
      fields.append(("assignee", .string(assignedTo)))
    }
    if !tags.isEmpty { fields.append(("tags", .array(tags.map { .string($0) }))) }
    if let resolvedAt { fields.append(("resolvedAt", .string(Timestamp.iso(resolvedAt)))) }
    if let resolvedBy { fields.append(("resolvedBy", .string(resolvedBy))) }
    return .object(fields)
  }
}

/// The kind of failure a demo error describes, used to create new errors
/// for the same step (after a run or a failed retry).
struct ErrorTemplate: Sendable {
  var code: String
  var message: String
  var source: String
  var classification: String
  /// HTTP status and method of the failed call, for `reqAndResKey`; nil
  /// when the error did not come from an HTTP call.
  var httpStatus: Int?
  var method: String = "POST"
}

/// The open and resolved errors of one flow step, with its retry data.
struct StepErrorLog: Sendable {
  var flowId: String
  var stepId: String
  var oIndex: Int
  /// The kind of record in retry data, for example `order`.
  var recordKind: String
  var templates: [ErrorTemplate]
  /// Open errors in ascending `errorId` order.
  var open: [ErrorRecord] = []
  /// Resolved errors in the order they were resolved.
  var resolved: [ErrorRecord] = []
  var nextErrorId: Int
  /// Retry data replaced by `PUT …/{retryDataKey}/data`, with the time of the update.
  var editedRetryData: [String: (data: JSONValue, updatedAt: Int64)] = [:]

  /// Appends a new open error and returns it.
  @discardableResult
  mutating func addError(
    template: ErrorTemplate, at time: Int64, flowJobId: String, retryDataKey: String,
    traceKey: String, generator: inout SeededGenerator
  ) -> ErrorRecord {
    let id = nextErrorId
    nextErrorId += generator.int(1...40)
    var requestKey: String?
    if let status = template.httpStatus {
      requestKey = "\(time)-\(generator.hex(32))-\(status)-\(template.method)"
    }
    // `{n}` in a template stands for a value that differs per record, such
    // as an item ID; it is derived from the retry data key so that adding
    // it draws nothing from the generator.
    let value = String(DemoRecords.hash(retryDataKey) % 9000 + 100)
    let message = template.message.replacingOccurrences(of: "{n}", with: value)
    let record = ErrorRecord(
      errorId: id, code: template.code, message: message, source: template.source,
      classification: template.classification, occurredAt: time, traceKey: traceKey,
      retryDataKey: retryDataKey, flowJobId: flowJobId, reqAndResKey: requestKey, oIndex: oIndex)
    open.append(record)
    return record
  }
}
