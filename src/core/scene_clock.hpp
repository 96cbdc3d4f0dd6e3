// The one clock (modelled on QGIS's temporal navigation object): the time every time-aware layer shows, the extent
// of the data in time, playback (speed, playing, looping), the windows that hang off the time, and the frame
// arithmetic of an animation. The viewer, the Clock panel, the arrow keys and `sitmap frames` all use it.
#pragma once

#include <cstdint>
#include <optional>

#include "core/utc_time.hpp"

namespace sitmap {

// First and last instant of everything time-aware in a scene (convoys, control changes, incident days).
struct TimeExtent {
  UtcSeconds first = 0, last = -1;
  bool empty() const { return last < first; }
  void widen(UtcSeconds t);
  friend bool operator==(const TimeExtent&, const TimeExtent&) = default;
};

class SceneClock {
public:
  static constexpr double kMinSpeed = 60, kMaxSpeed = 30 * 86400;  // clock seconds per real second

  // None: no clock (control and convoys hidden, every incident shown).
  std::optional<UtcSeconds> time() const { return m_time; }
  // A typed time may lie outside the extent; it is kept as typed.
  void setTime(std::optional<UtcSeconds> t);
  const TimeExtent& extent() const { return m_extent; }
  void setExtent(TimeExtent extent) { m_extent = extent; }

  bool playing() const { return m_playing; }
  void setPlaying(bool playing);
  bool looping() const { return m_looping; }
  void setLooping(bool looping) { m_looping = looping; }
  double speed() const { return m_speed; }
  void setSpeed(double secondsPerSecond);  // clamped to [kMinSpeed, kMaxSpeed]

  // Playback, frame-rate independent: the time moves by real elapsed seconds times the speed (a stall longer than
  // a second counts as one, so a file dialog does not jump the clock). Past the extent's end it wraps to the start
  // when looping, else stops at the end and pauses. True when the time changed.
  bool advance(double elapsedRealSeconds);
  // A step (the arrow keys: a day), kept within the extent when there is one.
  void step(int64_t seconds);

  // With a time: incidents of the last N days before it show, fading with age (0: all up to the time).
  int32_t windowDays() const { return m_windowDays; }
  void setWindowDays(int32_t days) { m_windowDays = days < 0 ? 0 : days; }
  // Route risk: the look-back before each convoy's departure (0: not drawn).
  int32_t riskDays() const { return m_riskDays; }
  void setRiskDays(int32_t days) { m_riskDays = days < 0 ? 0 : days; }

private:
  std::optional<UtcSeconds> m_time;
  TimeExtent m_extent;
  bool m_playing = false, m_looping = false;
  double m_speed = 3600;
  double m_carry = 0;  // fractions of a clock second not yet applied
  int32_t m_windowDays = 0, m_riskDays = 0;
};

// The frames of an animation: `from` to `to` inclusive, every `step` seconds.
struct FrameSequence {
  UtcSeconds from = 0, to = 0;
  int64_t step = 1;
  int64_t frameCount() const { return to < from || step <= 0 ? 0 : (to - from) / step + 1; }
  UtcSeconds timeOfFrame(int64_t index) const { return from + index * step; }
};

}  // namespace sitmap
