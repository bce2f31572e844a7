import Foundation
import Testing

@testable import CeligoKit

/// Feeds the parser a large seeded corpus of mutated catalog examples and
/// random words: it must return or throw `CeligoError.usage`, never crash,
/// hang or throw anything else.
@Suite struct CommandParserFuzzTests {
  static let seed: UInt64 = 20_261_204
  static let mutationsPerExample = 1000
  static let randomInputs = 30_000

  /// Words that have broken parsers: edge numbers, dates, unicode look-alikes,
  /// option syntax and control characters.
  static let hostileWords: [String] = [
    "", " ", "-", "--", "---", "--=", "=", "-=", "--x=", "-v=", "--yes=true", "--format=", "-f",
    "0", "-1", "-0", "+1", "1.5", "01", "99999999999999999999999999", "-99999999999999999999",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1e309", "-1e309", "nan", "NaN",
    "inf", "-inf", "infd", "nand", "1e308d", "99999999999999999999w", ".d", "d", "0x1Fd", "1_000h",
    "0001-01-01", "9999-12-31T23:59:59Z", "10000-01-01", "2026-02-30", "2026-13-01", "1700000000000",
    "9999999999999", "-999999999999", "true", "false", "TRUE", "yes", "canceled", "cancelled",
    "½", "٣", "０１２", String(repeating: "Ａ", count: 24), String(repeating: "f", count: 24),
    String(repeating: "f", count: 23) + "é", String(repeating: "9", count: 65), "ключ", "🙂", "e\u{301}",
    "\u{202E}abc", "\u{0}", "a\u{0}b", "line\nbreak", "tab\there", "\r", "[", "]", "{", "}", "[]", "{}",
    "[\"1\"]", "{\"a\":", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "null", "\"", "'", "a,b", ",", ",,",
    "a@b", "a@b.c", "@", "a@.c", "x@y.", String(repeating: "a", count: 10_000),
  ]

  /// Returns the words of every catalog example after `celigo`, split on
  /// spaces with single and double quotes removed.
  static func exampleWords() -> [[String]] {
    Catalog.commands.flatMap(\.examples).compactMap { example in
      guard let range = example.range(of: "celigo ") else { return nil }
      let words = example[range.upperBound...].split(separator: " ").map {
        $0.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "\"", with: "")
      }
      return words
    }
  }

  static func vocabulary() -> [String] {
    var words = Catalog.resources() + Catalog.commands.compactMap(\.action)
    for spec in Catalog.commands {
      for option in spec.options {
        words.append(option.name)
        words.append(contentsOf: option.kind?.completions ?? [])
        if let short = option.short { words.append(short) }
      }
    }
    words += CommandParser.globalOptions.flatMap { [$0.name] + ($0.short.map { [$0] } ?? []) }
    return words + hostileWords
  }

  static func randomWord(_ generator: inout SeededGenerator, _ vocabulary: [String]) -> String {
    switch generator.next() % 4 {
    case 0:
      // Random unicode scalars, including control characters and surrogates' neighbours.
      let length = Int(generator.next() % 12)
      var text = ""
      for _ in 0..<length {
        let value = UInt32(generator.next() % 0x11_0000)
        text.unicodeScalars.append(Unicode.Scalar(value) ?? "?")
      }
      return text
    case 1:
      // Random ASCII bytes.
      let length = Int(generator.next() % 30)
      return String(decoding: (0..<length).map { _ in UInt8(generator.next() % 128) }, as: UTF8.self)
    default:
      return vocabulary[Int(generator.next() % UInt64(vocabulary.count))]
    }
  }

  static func mutate(_ words: [String], _ generator: inout SeededGenerator, _ vocabulary: [String]) -> [String] {
    var result = words
    let steps = 1 + Int(generator.next() % 4)
    for _ in 0..<steps {
      let index = result.isEmpty ? 0 : Int(generator.next() % UInt64(result.count))
      switch generator.next() % 9 {
      case 0 where !result.isEmpty:
        result.remove(at: index)
      case 1 where !result.isEmpty:
        result.insert(result[index], at: index)
      case 2 where !result.isEmpty:
        result[index] = randomWord(&generator, vocabulary)
      case 3:
        result.insert(randomWord(&generator, vocabulary), at: min(index, result.count))
      case 4 where !result.isEmpty && result[index].hasPrefix("--"):
        // An option repeated many times, or joined to its value with `=`.
        let option = result[index]
        let value = index + 1 < result.count ? result[index + 1] : ""
        if generator.next() % 2 == 0 {
          result += Array(repeating: [option, value], count: 50).flatMap { $0 }
        } else {
          result[index] = option + "=" + value
        }
      case 5 where !result.isEmpty:
        // Cut a word short.
        let word = result[index]
        result[index] = String(word.prefix(Int(generator.next() % UInt64(word.count + 1))))
      case 6 where !result.isEmpty:
        // Change one character.
        var characters = Array(result[index])
        if !characters.isEmpty {
          let position = Int(generator.next() % UInt64(characters.count))
          characters[position] = Character(Unicode.Scalar(UInt8(generator.next() % 128)))
          result[index] = String(characters)
        }
      case 7 where result.count > 1:
        result.swapAt(index, Int(generator.next() % UInt64(result.count)))
      default:
        result.append(randomWord(&generator, vocabulary))
      }
    }
    return result
  }

  /// The outcome of feeding the whole corpus to the parser.
  struct Outcome: Sendable {
    var examples = 0
    var inputs = 0
    var accepted = 0
    var rejected = 0
    var failures: [String] = []
  }

  /// Builds the corpus and parses every input. It runs for seconds, so the
  /// test calls it on its own thread rather than a concurrency-pool one.
  static func fuzz() -> Outcome {
    var generator = SeededGenerator(seed: seed)
    let vocabulary = vocabulary()
    let examples = exampleWords()
    var inputs: [[String]] = examples
    for example in examples {
      for _ in 0..<mutationsPerExample {
        inputs.append(mutate(example, &generator, vocabulary))
      }
    }
    for _ in 0..<randomInputs {
      let length = Int(generator.next() % 8)
      inputs.append((0..<length).map { _ in randomWord(&generator, vocabulary) })
    }

    let parser = CommandParser()
    var outcome = Outcome(examples: examples.count, inputs: inputs.count)
    for words in inputs {
      do {
        _ = try parser.parse(words)
        outcome.accepted += 1
      } catch CeligoError.usage(let message) {
        outcome.rejected += 1
        if message.isEmpty { outcome.failures.append("empty usage message for \(words)") }
      } catch {
        outcome.failures.append("\(words) threw \(error)")
      }
    }
    return outcome
  }

  // The corpus takes about 20 s alone; the limit leaves room for a loaded CI machine.
  @Test(.timeLimit(.minutes(5)))
  func parserSurvivesCorpus() async {
    let outcome = await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: Self.fuzz()) }.start()
    }
    #expect(outcome.examples > 50)
    #expect(outcome.inputs == outcome.examples * (Self.mutationsPerExample + 1) + Self.randomInputs)
    #expect(outcome.accepted + outcome.rejected == outcome.inputs)
    #expect(outcome.accepted > 0)
    #expect(outcome.rejected > 0)
    #expect(outcome.failures.isEmpty, "\(outcome.failures.prefix(5))")
    print("fuzzed the parser with \(outcome.inputs) inputs: \(outcome.accepted) accepted, \(outcome.rejected) rejected")
  }
}
