// Map panel: the display CRS (any EPSG code) and the home view.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/commands.hpp"

namespace sitmap {

class MapPanel {
public:
  // bookmarks: each one's name and, for the operator, its clock ("2023-11-04 12:00Z"; empty without one).
  void draw(const std::string& currentCrs, const std::string& crsName,
            const std::vector<std::pair<std::string, std::string>>& bookmarks,
            const std::vector<std::string>& recentScenes, bool graticule, std::vector<Command>& out);

private:
  char m_crs[128] = {};
  char m_savePath[512] = {};
  char m_openPath[512] = {};
  bool m_overwrite = false;
  float m_screenshotScale = 1;
  char m_banner[128] = {}, m_subtitle[128] = {};
  int m_size[2] = {0, 0};
  int m_renaming = -1;  // the bookmark whose name is being edited
  bool m_focusRename = false;
  char m_rename[128] = {};
};

}  // namespace sitmap
