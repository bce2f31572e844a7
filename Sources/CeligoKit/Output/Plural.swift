/// Counted nouns for messages: "1 error", "2 errors".
enum Plural {
  static func count(_ number: Int, _ noun: String) -> String {
    number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
  }
}
