// Status bar along the bottom: cursor position in degrees and MGRS, map scale, display CRS.
#pragma once

#include <string>

namespace sitmap {

struct StatusInfo {
  std::string cursorDegrees;  // empty when the cursor is off the map
  std::string cursorMgrs;
  double scaleDenominator = 0;
  std::string crsName;
  std::string frameTime;  // F3: the frame-time readout; empty: hidden
};

void drawStatusBar(const StatusInfo& info, float height);

}  // namespace sitmap
