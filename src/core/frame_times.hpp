// The viewer's frame-time readout (F3): the last frames' draw times, as a median and the worst of them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sitmap {

class FrameTimes {
public:
  explicit FrameTimes(size_t window = 120) : m_window(window) {}
  void add(double milliseconds);
  size_t size() const { return m_times.size(); }
  double median() const;  // 0 before the first frame
  double worst() const;
  // "frame 14.2 ms (median of the last 120), worst 21.0 ms"; empty before the first frame.
  std::string summary() const;

private:
  size_t m_window;
  std::vector<double> m_times;  // a ring of the last m_window frames
  size_t m_next = 0;
};

}  // namespace sitmap
