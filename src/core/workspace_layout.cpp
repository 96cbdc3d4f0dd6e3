// The panel layout: the sidebar's width and the strip's height are in font units, capped by the window's size so
// a small window still leaves the map most of its area and a 4K wall gets readable panels.
#include "core/workspace_layout.hpp"

#include <algorithm>

namespace sitmap {

WorkspaceLayout workspaceLayout(double width, double height, double unit, double statusHeight) {
  WorkspaceLayout l;
  const double gap = 0.25 * unit;
  const double sidebar = std::min(24 * unit, 0.22 * width);
  const double bottom = height - statusHeight;
  const double strip = std::min(12.5 * unit, 0.26 * bottom);
  const double top = 2.0 * unit;  // below the map menu's header
  const double free = width - sidebar;  // the width right of the sidebar: the top row's three headers share it
  l.mapMenu = {sidebar + gap, 0.3 * unit, sidebar + gap + std::min(22 * unit, 0.3 * free), 0.3 * unit + 1.6 * unit};
  // Sidebar: layers take the most, filters next, the convoy the rest.
  const double column = bottom - top - gap;
  l.layers = {gap, top, sidebar, top + 0.40 * column - gap};
  l.filters = {gap, l.layers.maxY + gap, sidebar, l.layers.maxY + gap + 0.38 * column - gap};
  l.convoy = {gap, l.filters.maxY + gap, sidebar, bottom - gap};
  // Bottom strip: the clock's row of controls over the timeline.
  const double clockHeight = std::min(5.6 * unit, 0.45 * strip);
  l.clock = {sidebar + gap, bottom - strip, width - gap, bottom - strip + clockHeight};
  l.timeline = {sidebar + gap, l.clock.maxY + gap, width - gap, bottom - gap};
  // On demand: their collapsed headers in the top row beside the map menu, so the legend's corner stays clear;
  // opened, they hang down over the map.
  const double tableWidth = std::min(40 * unit, 0.42 * free), summaryWidth = std::min(23 * unit, 0.25 * free);
  l.table = {l.mapMenu.maxX + gap, l.mapMenu.minY, l.mapMenu.maxX + gap + tableWidth, l.mapMenu.minY + 18 * unit};
  l.summary = {l.table.maxX + gap, l.mapMenu.minY, l.table.maxX + gap + summaryWidth, l.mapMenu.minY + 16 * unit};
  l.unobscured = {sidebar + gap, top, width, bottom - strip - gap};
  return l;
}

}  // namespace sitmap
