import Foundation

/// Dates on the command line: ISO 8601, a plain date, epoch milliseconds,
/// or an age such as `24h` meaning that long before now. The API takes UTC
/// ISO 8601 with milliseconds, which `format` writes.
public enum DateValue {
  public static func parse(_ text: String, now: Date) -> Date? {
    if let age = parseAge(text) { return now.addingTimeInterval(-age) }
    if text.count == 13, let millis = Int64(text) {
      return Date(timeIntervalSince1970: Double(millis) / 1000)
    }
    let fractional = ISO8601DateFormatter()
    fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = fractional.date(from: text) { return date }
    let plain = ISO8601DateFormatter()
    if let date = plain.date(from: text) { return date }
    let day = ISO8601DateFormatter()
    day.formatOptions = [.withFullDate]
    if text.count == 10, let date = day.date(from: text) { return date }
    return nil
  }

  /// Parses `90s`, `30m`, `24h`, `7d` or `2w` into seconds.
  static func parseAge(_ text: String) -> TimeInterval? {
    guard let unit = text.last, let amount = Double(text.dropLast()), amount >= 0 else {
      return nil
    }
    let scale: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800]
    return scale[unit].map { amount * $0 }
  }

  /// Writes a date as `2026-11-30T08:00:00.000Z`.
  public static func format(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: date)
  }
}
