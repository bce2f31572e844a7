import CeligoKit

extension JobRecord {
  /// Renders the job as the API returns it, with counters scaled to the
  /// progress at `now`. `openErrors` is the number of its errors still open.
  func json(at now: Int64, openErrors: Int) -> JSONValue {
    let current = status(at: now)
    let fraction = progress(at: now)
    func scaled(_ value: Int) -> JSONValue {
      .int(Int64((Double(value) * fraction).rounded(.down)))
    }
    let errors = current == .completed || current == .failed ? numError : Int(Double(numError) * fraction)
    let open = min(openErrors, errors)
    var fields: [(key: String, value: JSONValue)] = [("_id", .string(id)), ("type", .string(kind.rawValue))]
    func add(_ key: String, _ value: String?) {
      if let value { fields.append((key, .string(value))) }
    }
    switch kind {
    case .flow:
      add("_integrationId", integrationId)
      add("_exportId", exportId)
      add("_flowId", flowId)
    case .export, .import:
      add("_exportId", exportId)
      add("_importId", importId)
      add("_flowJobId", flowJobId)
    case .retry:
      add("_flowId", flowId)
      add("_integrationId", integrationId)
      add("_exportId", exportId)
      add("_importId", importId)
      add("triggeredBy", triggeredBy)
    }
    let ended = canceledAt ?? endAt
    if min(now, canceledAt ?? now) >= startAt {
      add("startedAt", Timestamp.iso(startAt))
    }
    if current != .queued, current != .running {
      add("endedAt", Timestamp.iso(ended))
      add("lastExecutedAt", Timestamp.iso(ended))
    } else if current == .running {
      add("lastExecutedAt", Timestamp.iso(now))
    }
    fields.append(("status", .string(current.rawValue)))
    if current == .canceled { add("canceledBy", canceledBy) }
    fields.append(("numError", .int(Int64(errors))))
    fields.append(("numResolved", .int(Int64(errors - open))))
    fields.append(("numOpenError", .int(Int64(open))))
    fields.append(("numSuccess", scaled(numSuccess)))
    fields.append(("numExport", 0))
    fields.append(("numIgnore", scaled(numIgnore)))
    let pagesSoFar = current == .queued ? 0 : max(fraction > 0 ? 1 : 0, Int((Double(pages) * fraction).rounded(.up)))
    let failedBeforeProcessing = current == .failed && kind != .export
    switch kind {
    case .flow:
      fields.append(("numPagesGenerated", .int(Int64(pagesSoFar))))
      fields.append(("doneExporting", .bool(current != .queued && current != .running)))
      fields.append(("numPagesProcessed", .int(Int64(failedBeforeProcessing ? 0 : pagesSoFar))))
    case .export:
      fields.append(("numPagesGenerated", .int(Int64(pagesSoFar))))
      fields.append(("numPagesProcessed", 0))
    case .import:
      fields.append(("numPagesGenerated", 0))
      fields.append(("numPagesProcessed", .int(Int64(failedBeforeProcessing ? 0 : pagesSoFar))))
    case .retry:
      break
    }
    if let oIndex { fields.append(("oIndex", .int(Int64(oIndex)))) }
    if kind == .import { fields.append(("retriable", .bool(numError > 0 && current != .canceled))) }
    fields.append(("createdAt", .string(Timestamp.iso(createdAt))))
    fields.append(("purgeAt", .string(Timestamp.iso(createdAt + Self.retentionMilliseconds))))
    let modified = current == .queued ? createdAt : (current == .running ? now : ended)
    fields.append(("lastModified", .string(Timestamp.iso(modified))))
    return .object(fields)
  }
}
