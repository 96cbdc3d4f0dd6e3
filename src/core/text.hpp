// UTF-8 helpers for labels: decoding to code points and upper-casing Latin text (é -> É) without a locale.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap {

// Invalid bytes decode as U+FFFD, so broken input still shows something.
std::vector<uint32_t> decodeUtf8(std::string_view text);
std::string encodeUtf8(const std::vector<uint32_t>& codepoints);
// ASCII, Latin-1 and Latin Extended-A letters; everything else is left as it is.
std::string toUpperLatin(std::string_view text);

}  // namespace sitmap

namespace sitmap {

// For matching names whatever their case and accents: "Ménaka" and "MENAKA" both fold to "menaka".
// Latin letters lose diacritics (é, É, è, ê -> e; ç -> c; œ -> oe); other characters are kept.
std::string foldForMatching(std::string_view text);

// "1 event", "2 events", "1,234 events": a count and its noun, in the singular for one.
std::string countOf(uint64_t n, const std::string& singular, const std::string& plural);

// Any password in a connection string or URL, masked for showing: "password=***" (PostgreSQL's key=value
// syntax, quoted or not) and "scheme://user:***@host". Names, tooltips, notifications and errors pass through it.
std::string maskCredentials(std::string_view text);
// The same with the password left out altogether, for what is saved (a scene): "PG:dbname=ops user=me".
std::string withoutCredentials(std::string_view text);

// A message on one line: each run of white space (a library's newlines and tabs) becomes one space, and the
// ends are trimmed.
std::string oneLine(std::string_view text);

// The web addresses in a text (a source's URL in ACLED notes or a reference set's source column): each
// http:// or https:// run up to a space, a quote or an angle bracket, without the punctuation that usually
// ends the sentence around it (".", ",", ";", ":", "!", "?", and a ")" with no "(" inside the address).
std::vector<std::string_view> findUrls(std::string_view text);

}  // namespace sitmap
