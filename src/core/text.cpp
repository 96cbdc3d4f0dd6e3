// UTF-8 decoding and Latin upper-casing.
#include "core/text.hpp"

namespace sitmap {

std::vector<uint32_t> decodeUtf8(std::string_view text) {
  std::vector<uint32_t> out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    int length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + size_t(length) > text.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    uint32_t cp = length == 1 ? byte : byte & (0x7F >> length);
    bool valid = true;
    for (int k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + size_t(k)]);
      if ((next >> 6) != 0x2) valid = false;
      cp = (cp << 6) | (next & 0x3F);
    }
    out.push_back(valid ? cp : 0xFFFD);
    i += valid ? size_t(length) : 1;
  }
  return out;
}

std::string encodeUtf8(const std::vector<uint32_t>& codepoints) {
  std::string out;
  for (uint32_t cp : codepoints) {
    if (cp < 0x80) {
      out += char(cp);
    } else if (cp < 0x800) {
      out += char(0xC0 | (cp >> 6));
      out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += char(0xE0 | (cp >> 12));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    } else {
      out += char(0xF0 | (cp >> 18));
      out += char(0x80 | ((cp >> 12) & 0x3F));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

std::string toUpperLatin(std::string_view text) {
  std::vector<uint32_t> cps = decodeUtf8(text);
  for (uint32_t& cp : cps) {
    if (cp >= 'a' && cp <= 'z') cp -= 32;
    else if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) cp -= 32;                // à..þ except ÷
    else if (cp >= 0x100 && cp <= 0x17F && cp != 0x131 && cp != 0x138 && cp != 0x149 && cp != 0x17F) {
      // Latin Extended-A pairs upper/lower as even/odd, shifted by one in 0x139..0x148 and 0x179..0x17E.
      const bool shifted = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
      if (shifted ? (cp % 2 == 0) : (cp % 2 == 1)) --cp;
    }
  }
  return encodeUtf8(cps);
}

}  // namespace sitmap

namespace sitmap {

namespace {

// Base letter of Latin-1 Supplement and Latin Extended-A letters (U+00C0..U+017F); 0 where none applies.
const char* baseLetter(uint32_t cp) {
  static const char* latin1[] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // C0-CF
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // E0-EF
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};  // F0-FF
  if (cp >= 0xC0 && cp <= 0xFF) return latin1[cp - 0xC0];
  // U+0100..U+017F in order (Ā ā Ă ă Ą ą Ć ...); Œ œ are handled below.
  static const char* extendedA = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x152 || cp == 0x153) return "oe";
    static thread_local char one[2] = {0, 0};
    one[0] = extendedA[cp - 0x100];
    return one;
  }
  return nullptr;
}

}  // namespace

std::string foldForMatching(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (uint32_t cp : decodeUtf8(text)) {
    if (cp < 0x80) {
      out += char(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    } else if (const char* base = baseLetter(cp)) {
      out += base;
    } else {
      out += encodeUtf8({cp});
    }
  }
  return out;
}

std::string countOf(uint64_t n, const std::string& singular, const std::string& plural) {
  std::string digits = std::to_string(n);
  for (int i = int(digits.size()) - 3; i > 0; i -= 3) digits.insert(size_t(i), ",");
  return digits + " " + (n == 1 ? singular : plural);
}

}  // namespace sitmap
