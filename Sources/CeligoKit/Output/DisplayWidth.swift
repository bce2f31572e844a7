/// Terminal display widths, in cells. East Asian Wide and Fullwidth
/// characters and emoji shown as emoji take two cells. Combining marks and
/// format characters such as the zero-width joiner take none, and every
/// other character takes one.
extension String {
  /// The number of terminal cells the text takes.
  public var displayWidth: Int {
    var width = 0
    for character in self {
      width += DisplayWidth.of(character)
    }
    return width
  }

  /// Returns the longest leading part of the text that fits in `maximum`
  /// cells. It cuts between grapheme clusters, so an accent stays with its
  /// letter and an emoji sequence is kept whole or left out whole.
  public func prefix(displayWidth maximum: Int) -> String {
    var width = 0
    var end = startIndex
    for index in indices {
      let next = width + DisplayWidth.of(self[index])
      guard next <= maximum else { break }
      width = next
      end = self.index(after: index)
    }
    return String(self[..<end])
  }

  /// Returns the text followed by spaces up to `width` cells. Text that is
  /// already as wide or wider comes back unchanged.
  public func padding(toDisplayWidth width: Int) -> String {
    self + String(repeating: " ", count: Swift.max(width - displayWidth, 0))
  }
}

/// Cell widths of grapheme clusters and Unicode scalars.
enum DisplayWidth {
  /// Returns the cells one grapheme cluster takes: the width of its first
  /// scalar, because the scalars after it (combining marks, variation
  /// selectors, joined emoji) draw on top of it. The exception is a
  /// variation selector that switches an emoji between its text form (one
  /// cell) and its emoji form (two cells).
  ///
  /// NOTE: this is how terminals that lay out whole grapheme clusters
  /// count. Terminals that add up wcwidth(3) per code point draw 👩‍💻 as its
  /// two parts in four cells and ❤️ in one cell, so rows that hold such
  /// names are shifted there.
  static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if first.properties.isEmoji {
      if scalars.contains(textPresentationSelector) { return isEastAsianWide(first) ? 2 : 1 }
      if scalars.contains(emojiPresentationSelector) { return 2 }
    }
    return of(first)
  }

  /// Returns the cells one scalar takes on its own.
  static func of(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .control:
      return 0
    case .format:
      // The soft hyphen is a format character that terminals draw, as
      // glibc's wcwidth counts it.
      return scalar == "\u{AD}" ? 1 : 0
    default:
      break
    }
    // Hangul vowels and final consonants (jungseong, jongseong) join the
    // initial consonant's two cells.
    if (0x1160...0x11FF).contains(scalar.value) || (0xD7B0...0xD7FF).contains(scalar.value) {
      return 0
    }
    if scalar.properties.isEmojiPresentation || isEastAsianWide(scalar) {
      return 2
    }
    return 1
  }

  static let textPresentationSelector: Unicode.Scalar = "\u{FE0E}"
  static let emojiPresentationSelector: Unicode.Scalar = "\u{FE0F}"

  /// True for scalars whose East Asian Width is Wide (W) or Fullwidth (F),
  /// leaving out the emoji, which `isEmojiPresentation` covers. The ranges
  /// match the East_Asian_Width property of Unicode 14.0 (checked code point
  /// by code point against Perl 5.36's tables) and span whole blocks, so
  /// that characters added to those blocks later count as wide too.
  static func isEastAsianWide(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = wideRanges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }

  /// Sorted, non-overlapping ranges of wide and fullwidth scalars.
  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo initial consonants
    0x2329...0x232A,  // angle brackets
    0x2E80...0x303E,  // CJK radicals, Kangxi radicals, CJK symbols and punctuation
    0x3041...0x3247,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, enclosed CJK
    0x3250...0x33FF,  // enclosed CJK letters and months, CJK compatibility
    0x3400...0x4DBF,  // CJK Unified Ideographs Extension A
    0x4E00...0x9FFF,  // CJK Unified Ideographs
    0xA000...0xA4CF,  // Yi syllables and radicals
    0xA960...0xA97F,  // Hangul Jamo Extended-A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK Compatibility Ideographs
    0xFE10...0xFE19,  // vertical forms
    0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
    0xFF00...0xFF60,  // fullwidth ASCII forms
    0xFFE0...0xFFE6,  // fullwidth currency and other signs
    0x16FE0...0x16FE4,  // ideographic symbols and punctuation
    0x16FF0...0x16FF1,  // Vietnamese reading marks
    0x17000...0x18CFF,  // Tangut, Tangut components, Khitan small script
    0x18D00...0x18D08,  // Tangut supplement
    0x1AFF0...0x1B2FF,  // Kana extended and supplement, small Kana, Nushu
    0x1F200...0x1F202,  // enclosed ideographic supplement
    0x1F210...0x1F23B,
    0x1F240...0x1F248,
    0x1F250...0x1F251,
    0x1F260...0x1F265,
    0x20000...0x2FFFD,  // CJK Unified Ideographs Extensions B to F, compatibility supplement
    0x30000...0x3FFFD,  // CJK Unified Ideographs Extensions G and H
  ]
}
