// UTF-8 decoding, Latin upper-casing, counts in words and credential masking.
#include "core/text.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

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

namespace {

// Replaces each password in `text` by `replacement` (nullopt: drops the key=value pair and its separator).
std::string replaceCredentials(std::string_view text, const std::optional<std::string>& replacement) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    // key=value: "password" at a word start, spaces allowed around "=", the value quoted or up to a space.
    const size_t key = text.find("password", i);
    const size_t scheme = text.find("://", i);
    if (scheme != std::string_view::npos && (key == std::string_view::npos || scheme < key)) {
      // scheme://user:secret@host: the secret runs from the first ':' after the scheme to the '@' before any '/'.
      const size_t authorityStart = scheme + 3;
      const size_t authorityEnd = std::min(text.find_first_of("/ \t\n", authorityStart), text.size());
      const size_t at = text.rfind('@', authorityEnd == 0 ? 0 : authorityEnd - 1);
      const size_t colon = text.find(':', authorityStart);
      out.append(text.substr(i, authorityStart - i));
      if (at != std::string_view::npos && at >= authorityStart && at < authorityEnd && colon < at) {
        out.append(text.substr(authorityStart, colon - authorityStart));
        if (replacement) out.append(":" + *replacement);
        out.push_back('@');
        i = at + 1;
      } else {
        i = authorityStart;
      }
      continue;
    }
    if (key == std::string_view::npos) break;
    const bool wordStart = key == 0 || !std::isalnum(static_cast<unsigned char>(text[key - 1]));
    size_t eq = key + 8;
    while (eq < text.size() && text[eq] == ' ') ++eq;
    if (!wordStart || eq >= text.size() || text[eq] != '=') {
      out.append(text.substr(i, key + 8 - i));
      i = key + 8;
      continue;
    }
    size_t value = eq + 1;
    while (value < text.size() && text[value] == ' ') ++value;
    size_t end = value;
    if (value < text.size() && text[value] == '\'') {  // a quoted value, with \' escapes
      end = value + 1;
      while (end < text.size() && text[end] != '\'') end += text[end] == '\\' ? 2 : 1;
      end = std::min(end + 1, text.size());
    } else if (text.substr(value, 5) == "***: ") {
      end = value + 3;  // masked already, then "path: reason": the colon is the message's, kept
    } else {
      while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '\'' && text[end] != '"') ++end;
    }
    if (replacement) {
      out.append(text.substr(i, value - i));
      out.append(*replacement);
    } else {
      // Drop the pair and one space beside it.
      size_t from = key;
      if (from > i && text[from - 1] == ' ') --from;
      out.append(text.substr(i, from - i));
      if (from == key && end < text.size() && text[end] == ' ') ++end;
    }
    i = end;
  }
  if (i < text.size()) out.append(text.substr(i));
  return out;
}

}  // namespace

std::string maskCredentials(std::string_view text) { return replaceCredentials(text, std::string("***")); }
std::string withoutCredentials(std::string_view text) { return replaceCredentials(text, std::nullopt); }

std::string oneLine(std::string_view text) {
  std::string line;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) line.push_back(c);
    else if (!line.empty() && line.back() != ' ') line.push_back(' ');
  }
  if (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

std::vector<std::string_view> findUrls(std::string_view text) {
  std::vector<std::string_view> urls;
  size_t at = 0;
  while (true) {
    const size_t http = text.find("http://", at), https = text.find("https://", at);
    const size_t start = std::min(http, https);
    if (start == std::string_view::npos) break;
    size_t end = start;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '"' &&
           text[end] != '<' && text[end] != '>')
      ++end;
    std::string_view url = text.substr(start, end - start);
    while (!url.empty()) {
      const char last = url.back();
      const bool unmatchedParen = last == ')' && url.find('(') == std::string_view::npos;
      if (!unmatchedParen && std::string_view(".,;:!?'").find(last) == std::string_view::npos) break;
      url.remove_suffix(1);
    }
    if (url.size() > url.find("//") + 2) urls.push_back(url);  // something after the scheme
    at = end;
  }
  return urls;
}

}  // namespace sitmap
