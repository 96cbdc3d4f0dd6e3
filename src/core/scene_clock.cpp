// Clock arithmetic: playback, wrapping and stepping.
#include "core/scene_clock.hpp"

#include <algorithm>

namespace sitmap {

void TimeExtent::widen(UtcSeconds t) {
  if (empty()) {
    first = last = t;
    return;
  }
  first = std::min(first, t);
  last = std::max(last, t);
}

void SceneClock::setTime(std::optional<UtcSeconds> t) {
  m_time = t;
  m_carry = 0;
}

void SceneClock::setPlaying(bool playing) {
  m_playing = playing && m_time.has_value();
  m_carry = 0;
}

void SceneClock::setSpeed(double secondsPerSecond) { m_speed = std::clamp(secondsPerSecond, kMinSpeed, kMaxSpeed); }

bool SceneClock::advance(double elapsedRealSeconds) {
  if (!m_playing || !m_time) return false;
  m_carry += std::clamp(elapsedRealSeconds, 0.0, 1.0) * m_speed;
  const auto whole = int64_t(m_carry);
  m_carry -= double(whole);
  if (whole == 0) return false;
  UtcSeconds next = *m_time + whole;
  if (!m_extent.empty() && next > m_extent.last) {
    if (m_looping) {
      next = m_extent.first;
    } else {
      next = m_extent.last;
      m_playing = false;
    }
  }
  const bool changed = next != *m_time;
  m_time = next;
  return changed;
}

void SceneClock::step(int64_t seconds) {
  if (!m_time) return;
  UtcSeconds next = *m_time + seconds;
  if (!m_extent.empty()) next = std::clamp(next, std::min(m_extent.first, *m_time), std::max(m_extent.last, *m_time));
  setTime(next);
}

}  // namespace sitmap
