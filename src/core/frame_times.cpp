// Frame-time statistics over a ring of recent frames.
#include "core/frame_times.hpp"

#include <algorithm>
#include <cstdio>

namespace sitmap {

void FrameTimes::add(double milliseconds) {
  if (m_times.size() < m_window) {
    m_times.push_back(milliseconds);
    return;
  }
  m_times[m_next] = milliseconds;
  m_next = (m_next + 1) % m_window;
}

double FrameTimes::median() const {
  if (m_times.empty()) return 0;
  std::vector<double> sorted = m_times;
  std::nth_element(sorted.begin(), sorted.begin() + long(sorted.size() / 2), sorted.end());
  return sorted[sorted.size() / 2];
}

double FrameTimes::worst() const { return m_times.empty() ? 0 : *std::max_element(m_times.begin(), m_times.end()); }

std::string FrameTimes::summary() const {
  if (m_times.empty()) return {};
  char text[96];
  std::snprintf(text, sizeof text, "frame %.1f ms (median of the last %zu), worst %.1f ms", median(), m_times.size(), worst());
  return text;
}

}  // namespace sitmap
