// CSV records (RFC 4180 quoting: commas, quotes and newlines inside quoted fields), read from text in memory.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitmap {

// Splits CSV records. Fields are views into the text; a quoted field with doubled quotes is unescaped into
// owned storage, valid until the next record.
class CsvReader {
public:
  explicit CsvReader(std::string_view text) : m_text(text) {
    if (m_text.substr(0, 3) == "\xEF\xBB\xBF") m_text.remove_prefix(3);  // UTF-8 byte order mark
  }
  bool done() const { return m_pos >= m_text.size(); }
  size_t position() const { return m_pos; }

  // Reads one record; false at the end of the text.
  bool next(std::vector<std::string_view>& fields) {
    fields.clear();
    m_owned.clear();
    if (done()) return false;
    while (true) {
      std::string_view field;
      bool owned = false;
      if (m_pos < m_text.size() && m_text[m_pos] == '"') {
        const size_t open = ++m_pos;
        const size_t close = m_text.find('"', open);
        if (close == std::string_view::npos || close + 1 >= m_text.size() || m_text[close + 1] != '"') {
          // No doubled quote before the closing one (nearly every quoted field): a view into the text.
          field = m_text.substr(open, close == std::string_view::npos ? std::string_view::npos : close - open);
          m_pos = close == std::string_view::npos ? m_text.size() : close + 1;
        } else {
          owned = true;
          m_owned.push_back(unescapeQuoted());
        }
        // Skip anything between a closing quote and the separator (malformed, but seen in the wild).
        while (m_pos < m_text.size() && !endsField(m_text[m_pos])) ++m_pos;
      } else {
        const size_t start = m_pos;
        while (m_pos < m_text.size() && !endsField(m_text[m_pos])) ++m_pos;
        field = m_text.substr(start, m_pos - start);
      }
      fields.push_back(field);
      if (owned) m_quotedFields.push_back(fields.size() - 1);
      if (m_pos >= m_text.size()) break;
      const char separator = m_text[m_pos++];
      if (separator == ',') continue;
      if (separator == '\r' && m_pos < m_text.size() && m_text[m_pos] == '\n') ++m_pos;
      break;
    }
    // Owned strings are stable now (no more push_back): point the unescaped fields at them.
    for (size_t k = 0; k < m_quotedFields.size(); ++k) fields[m_quotedFields[k]] = m_owned[k];
    m_quotedFields.clear();
    return true;
  }

private:
  static bool endsField(char c) { return c == ',' || c == '\n' || c == '\r'; }
  // A quoted field with doubled quotes in it, from just after its opening quote to its closing one.
  std::string unescapeQuoted() {
    std::string value;
    while (m_pos < m_text.size()) {
      const char c = m_text[m_pos++];
      if (c == '"') {
        if (m_pos < m_text.size() && m_text[m_pos] == '"') {
          value += '"';
          ++m_pos;
        } else {
          break;
        }
      } else {
        value += c;
      }
    }
    return value;
  }

  std::string_view m_text;
  size_t m_pos = 0;
  std::vector<std::string> m_owned;
  std::vector<size_t> m_quotedFields;
};

// One field as CSV text: quoted when it holds a comma, quote or line break.
std::string csvField(std::string_view value);

}  // namespace sitmap
