// CSV records (RFC 4180 quoting: commas, quotes and newlines inside quoted fields), read from text in memory.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitmap {

// Splits CSV records. Unquoted fields are views into the text; quoted ones are unescaped into owned storage.
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
      bool quoted = false;
      if (m_pos < m_text.size() && m_text[m_pos] == '"') {
        quoted = true;
        std::string value;
        ++m_pos;
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
        m_owned.push_back(std::move(value));
      } else {
        const size_t start = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '\n' && m_text[m_pos] != '\r') ++m_pos;
        field = m_text.substr(start, m_pos - start);
      }
      // Skip anything between a closing quote and the separator (malformed, but seen in the wild).
      while (quoted && m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '\n' && m_text[m_pos] != '\r') ++m_pos;
      fields.push_back(quoted ? std::string_view() : field);
      if (quoted) m_quotedFields.push_back(fields.size() - 1);
      if (m_pos >= m_text.size()) break;
      const char separator = m_text[m_pos++];
      if (separator == ',') continue;
      if (separator == '\r' && m_pos < m_text.size() && m_text[m_pos] == '\n') ++m_pos;
      break;
    }
    // Owned strings are stable now (no more push_back): point the quoted fields at them.
    for (size_t k = 0; k < m_quotedFields.size(); ++k) fields[m_quotedFields[k]] = m_owned[k];
    m_quotedFields.clear();
    return true;
  }

private:
  std::string_view m_text;
  size_t m_pos = 0;
  std::vector<std::string> m_owned;
  std::vector<size_t> m_quotedFields;
};

// One field as CSV text: quoted when it holds a comma, quote or line break.
std::string csvField(std::string_view value);

}  // namespace sitmap
