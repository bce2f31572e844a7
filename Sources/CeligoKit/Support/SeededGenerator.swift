/// SplitMix64: a small deterministic generator, so the same seed always
/// yields the same demo account, fault sequence or fuzz corpus.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// Returns `count` lowercase hex digits.
  public mutating func hex(_ count: Int) -> String {
    var text = ""
    while text.count < count {
      let chunk = String(next(), radix: 16)
      text += String(repeating: "0", count: 16 - chunk.count) + chunk
    }
    return String(text.prefix(count))
  }

  /// Returns a 24-digit ObjectId-style identifier.
  public mutating func objectId() -> String {
    hex(24)
  }

  /// Returns an integer in `range`.
  public mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &self)
  }

  /// Returns true with probability `probability`.
  public mutating func chance(_ probability: Double) -> Bool {
    Double.random(in: 0..<1, using: &self) < probability
  }

  /// Returns one element of a non-empty array.
  public mutating func pick<Element>(_ items: [Element]) -> Element {
    items[int(0...(items.count - 1))]
  }

  /// Returns a UUID-shaped identifier.
  public mutating func uuid() -> String {
    let digits = Array(hex(32))
    let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }
    return parts.joined(separator: "-")
  }
}
