import CeligoKit
import Foundation
import Testing

@testable import CeligoShell

/// Feeds the line splitter a large seeded corpus of random and mutated
/// lines. Every line must split or throw, never crash or hang, and the
/// words of every accepted line must survive re-quoting.
@Suite struct ShellLineSplitterFuzzTests {
  static let seed: UInt64 = 20_261_204
  static let randomLines = 250_000
  static let mutationsPerExample = 500
  static let longLines = 40
  static let rewrittenLines = 20_000

  /// Pieces that random lines are built from: quotes, backslashes, Unicode
  /// white space, control characters, combining marks, emoji sequences and
  /// right-to-left text.
  static let fragments: [String] = [
    "'", "\"", "\\", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0}", "\u{7}", "\u{1B}[31m", "\u{7F}",
    "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}", "\u{FEFF}", "\u{200B}", "\u{301}", "e\u{301}", "\u{202E}",
    "🙂", "👩‍👩‍👧", "🇫🇷", "ключ", "שלום", "日本", "½", "$1", "$_", "$", "--format", "--", "-", "=", "json",
    "flows", "list", "get", "a", "b", "x y", "''", "\"\"", "\\'", "\\\"", "\\\\", "'\\''", "\"\\\"\"",
  ]

  static func exampleLines() -> [String] {
    Catalog.commands.flatMap(\.examples).compactMap { example in
      guard let range = example.range(of: "celigo ") else { return nil }
      return String(example[range.upperBound...])
    }
  }

  static func randomScalars(_ generator: inout SeededGenerator, count: Int) -> String {
    var text = ""
    for _ in 0..<count {
      let value = UInt32(generator.next() % 0x11_0000)
      text.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
    }
    return text
  }

  static func randomLine(_ generator: inout SeededGenerator) -> String {
    var line = ""
    let pieces = Int(generator.next() % 16)
    for _ in 0..<pieces {
      switch generator.next() % 5 {
      case 0:
        line += randomScalars(&generator, count: 1 + Int(generator.next() % 4))
      case 1:
        let bytes = (0..<1 + Int(generator.next() % 6)).map { _ in UInt8(generator.next() % 128) }
        line += String(decoding: bytes, as: UTF8.self)
      default:
        line += fragments[Int(generator.next() % UInt64(fragments.count))]
      }
    }
    return line
  }

  /// Changes a few characters of `line`: inserts a fragment, deletes,
  /// truncates, repeats a slice or swaps in a random scalar.
  static func mutate(_ line: String, _ generator: inout SeededGenerator) -> String {
    var characters = Array(line)
    let steps = 1 + Int(generator.next() % 4)
    for _ in 0..<steps {
      let position = Int(generator.next() % UInt64(characters.count + 1))
      switch generator.next() % 6 {
      case 0:
        let fragment = fragments[Int(generator.next() % UInt64(fragments.count))]
        characters.insert(contentsOf: fragment, at: position)
      case 1 where position < characters.count:
        characters.remove(at: position)
      case 2:
        characters.removeSubrange(position...)
      case 3 where position < characters.count:
        let end = min(characters.count, position + 1 + Int(generator.next() % 8))
        characters.insert(contentsOf: characters[position..<end], at: end)
      default:
        characters.insert(contentsOf: randomScalars(&generator, count: 1), at: position)
      }
    }
    return String(characters)
  }

  /// Returns a line of 10,000 to 200,000 characters: one long word, a long
  /// quoted run, many short words or only backslashes.
  static func longLine(_ generator: inout SeededGenerator) -> String {
    let length = 10_000 + Int(generator.next() % 190_000)
    switch generator.next() % 4 {
    case 0:
      return String(repeating: "a", count: length)
    case 1:
      return "'" + String(repeating: "x y \\ \"", count: length / 7) + "'"
    case 2:
      return String(repeating: "w ", count: length / 2)
    default:
      return String(repeating: "\\", count: length)
    }
  }

  /// Single-quotes every word, writing `'` as `'\''`, as `sh` would need it.
  /// It works on scalars because a `'` followed by a combining mark is no
  /// `Character` of its own.
  static func requote(_ words: [String]) -> String {
    var line = String.UnicodeScalarView()
    for word in words {
      if !line.isEmpty { line.append(" ") }
      line.append("'")
      for scalar in word.unicodeScalars {
        if scalar == "'" {
          line.append(contentsOf: "'\\''".unicodeScalars)
        } else {
          line.append(scalar)
        }
      }
      line.append("'")
    }
    return String(line)
  }

  /// Returns every line of the corpus: catalog examples, their mutations,
  /// random lines and very long lines.
  static func corpus() -> [String] {
    var generator = SeededGenerator(seed: seed)
    let examples = exampleLines()
    var lines = examples
    for example in examples {
      for _ in 0..<mutationsPerExample {
        lines.append(mutate(example, &generator))
      }
    }
    for _ in 0..<randomLines {
      let line = randomLine(&generator)
      lines.append(generator.next() % 2 == 0 ? line : mutate(line, &generator))
    }
    for _ in 0..<longLines {
      lines.append(longLine(&generator))
    }
    return lines
  }

  /// The outcome of splitting the whole corpus.
  struct Outcome: Sendable {
    var examples = 0
    var inputs = 0
    var accepted = 0
    var rejected: [ShellLineSplitError: Int] = [:]
    var slowest: Duration = .zero
    var failures: [String] = []
  }

  /// Splits every line of the corpus and checks the properties. It runs for
  /// seconds, so the test calls it on its own thread rather than a
  /// concurrency-pool one.
  static func fuzz() -> Outcome {
    let lines = corpus()
    var outcome = Outcome(examples: exampleLines().count, inputs: lines.count)
    let clock = ContinuousClock()
    for line in lines {
      let start = clock.now
      defer { outcome.slowest = max(outcome.slowest, clock.now - start) }
      let words: [String]
      do {
        words = try ShellLineSplitter.split(line)
      } catch {
        outcome.rejected[error, default: 0] += 1
        checkRejection(line, error, &outcome)
        continue
      }
      outcome.accepted += 1
      let requoted = requote(words)
      do {
        let again = try ShellLineSplitter.split(requoted)
        if again != words {
          outcome.failures.append("\(line.debugDescription) split into \(words) but re-quoted into \(again)")
        }
      } catch {
        outcome.failures.append("\(line.debugDescription) re-quoted as \(requoted.debugDescription) threw \(error)")
      }
    }
    return outcome
  }

  /// Checks that a rejected line becomes valid once the fix the error
  /// message names is applied: a closing `'`, or a second backslash.
  static func checkRejection(_ line: String, _ error: ShellLineSplitError, _ outcome: inout Outcome) {
    let fixed: String
    switch error {
    case .unterminatedSingleQuote:
      fixed = line + "'"
    case .trailingBackslash:
      fixed = line + "\\"
    case .unterminatedDoubleQuote:
      // A closing `"` fixes the line unless the line ends in a backslash
      // that escapes it, so this case has no one-character fix.
      return
    }
    if case .failure(let again) = Result(catching: { () throws(ShellLineSplitError) in
      try ShellLineSplitter.split(fixed)
    }) {
      outcome.failures.append("\(line.debugDescription) threw \(error), and with the fix it threw \(again)")
    }
  }

  // The corpus takes a few seconds in a debug build; the limit leaves room
  // for a loaded CI machine.
  @Test(.timeLimit(.minutes(2)))
  func splitterSurvivesCorpus() async {
    let outcome = await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: Self.fuzz()) }.start()
    }
    let rejected = outcome.rejected.values.reduce(0, +)
    #expect(outcome.examples > 50)
    #expect(outcome.accepted + rejected == outcome.inputs)
    #expect(outcome.accepted > outcome.inputs / 10)
    #expect(outcome.rejected[.unterminatedSingleQuote, default: 0] > 0)
    #expect(outcome.rejected[.unterminatedDoubleQuote, default: 0] > 0)
    #expect(outcome.rejected[.trailingBackslash, default: 0] > 0)
    #expect(outcome.slowest < .seconds(5), "the slowest line took \(outcome.slowest)")
    #expect(outcome.failures.isEmpty, "\(outcome.failures.count) failures, first: \(outcome.failures.prefix(3))")
    print(
      "fuzzed the line splitter with \(outcome.inputs) lines: \(outcome.accepted) accepted,"
        + " rejected \(outcome.rejected), slowest \(outcome.slowest)")
  }

  /// Feeds the words of split corpus lines to the shell's line rewrite over
  /// the in-memory fixture cache: it must return or throw a usage error.
  @Test(.timeLimit(.minutes(2)))
  func rewriterSurvivesSplitLines() async {
    var generator = SeededGenerator(seed: Self.seed &+ 1)
    let examples = Self.exampleLines()
    let workbench = WorkbenchFixture.workbench()
    let rewriter = CommandLineRewriter(vocabulary: WorkbenchFixture.vocabulary, workbench: workbench)
    var accepted = 0
    var rejected = 0
    var failures: [String] = []
    for index in 0..<Self.rewrittenLines {
      let example = examples[Int(generator.next() % UInt64(examples.count))]
      let line = index % 2 == 0 ? Self.mutate(example, &generator) : Self.randomLine(&generator)
      guard let words = try? ShellLineSplitter.split(line) else { continue }
      do {
        _ = try await rewriter.rewrite(words)
        accepted += 1
      } catch CeligoError.usage(let message) {
        rejected += 1
        if message.isEmpty { failures.append("empty usage message for \(words)") }
      } catch {
        failures.append("\(words) threw \(error)")
      }
      // The rewrite never suspends over the in-memory cache, so yield now
      // and then to leave the concurrency pool to other tests.
      if index % 500 == 0 { await Task.yield() }
    }
    #expect(accepted > 0)
    #expect(rejected > 0)
    #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(3))")
    print("fed the line rewrite \(accepted + rejected) split lines: \(accepted) accepted, \(rejected) rejected")
  }
}
