import Foundation

/// Conversions between epoch milliseconds and the API's ISO-8601 UTC text.
enum Timestamp {
  /// Milliseconds since 1970 now.
  static func nowMilliseconds() -> Int64 {
    Int64((Date().timeIntervalSince1970 * 1000).rounded())
  }

  /// Formats epoch milliseconds as `2026-04-29T10:15:00.123Z`.
  static func iso(_ milliseconds: Int64) -> String {
    var seconds = time_t(milliseconds / 1000)
    let fraction = Int(milliseconds % 1000)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
      Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), fraction)
  }

  /// Parses a query time: ISO with or without milliseconds, with `Z` or an
  /// offset, a plain date (`2026-04-29`, midnight UTC) or epoch milliseconds.
  static func parse(_ text: String) -> Int64? {
    if !text.isEmpty, text.allSatisfy(\.isNumber) {
      return Int64(text)
    }
    let scalars = Array(text.utf8)
    func number(_ start: Int, _ length: Int) -> Int? {
      guard start + length <= scalars.count else { return nil }
      var value = 0
      for byte in scalars[start..<(start + length)] {
        guard byte >= 48, byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      scalars.count >= 10, scalars[4] == 45, scalars[7] == 45
    else { return nil }
    var hour = 0
    var minute = 0
    var second = 0
    var milliseconds = 0
    var offsetMinutes = 0
    if scalars.count > 10 {
      guard scalars[10] == 84 || scalars[10] == 32, let parsedHour = number(11, 2),
        let parsedMinute = number(14, 2)
      else { return nil }
      hour = parsedHour
      minute = parsedMinute
      var index = 16
      if index < scalars.count, scalars[index] == 58, let parsedSecond = number(17, 2) {
        second = parsedSecond
        index = 19
      }
      if index < scalars.count, scalars[index] == 46 {
        index += 1
        var digits = 0
        while index < scalars.count, scalars[index] >= 48, scalars[index] <= 57 {
          if digits < 3 { milliseconds = milliseconds * 10 + Int(scalars[index] - 48) }
          digits += 1
          index += 1
        }
        for _ in digits..<max(digits, 3) { milliseconds *= 10 }
      }
      if index < scalars.count {
        let sign = scalars[index]
        if sign == 43 || sign == 45, let offsetHour = number(index + 1, 2) {
          let offsetMinute = number(index + 4, 2) ?? number(index + 3, 2) ?? 0
          offsetMinutes = (offsetHour * 60 + offsetMinute) * (sign == 45 ? -1 : 1)
        } else if sign != 90 {
          return nil
        }
      }
    }
    var parts = tm()
    parts.tm_year = Int32(year - 1900)
    parts.tm_mon = Int32(month - 1)
    parts.tm_mday = Int32(day)
    parts.tm_hour = Int32(hour)
    parts.tm_min = Int32(minute)
    parts.tm_sec = Int32(second)
    let seconds = Int64(timegm(&parts)) - Int64(offsetMinutes * 60)
    return seconds * 1000 + Int64(milliseconds)
  }
}
