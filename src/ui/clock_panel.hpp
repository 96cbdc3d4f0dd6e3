// The clock bar: play, pause, step, loop, speed, a typed date and time, the incident window, and the list of
// control changes (clicking one moves the clock there). Also the convoy panel.
#pragma once

#include <vector>

#include "core/commands.hpp"

namespace sitmap {

class ClockPanel {
public:
  void draw(const TimeView& view, std::vector<Command>& out);

private:
  char m_typed[32] = {};
  char m_exportFolder[256] = "sitmap-frames";
  int m_exportStep = 2;  // index into the export step choices
  int m_stepUnit = 1;  // 0 hour, 1 day, 2 week
};

void drawConvoyPanel(const TimeView& view, std::vector<Command>& out);

// The step the clock bar's buttons and the arrow keys use, in seconds.
int64_t clockStepSeconds(int unit);

}  // namespace sitmap
