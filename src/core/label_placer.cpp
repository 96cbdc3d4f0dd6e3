// Greedy priority placement with a uniform grid for collision queries (O(n) for evenly spread labels).
#include "core/label_placer.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace sitmap {

namespace {

class CollisionGrid {
public:
  explicit CollisionGrid(double cell) : m_cell(cell) {}

  bool collides(const Bbox& box) const {
    bool hit = false;
    forCells(box, [&](long long key) {
      if (hit) return;
      auto it = m_cells.find(key);
      if (it == m_cells.end()) return;
      for (size_t index : it->second)
        if (m_boxes[index].intersects(box)) {
          hit = true;
          return;
        }
    });
    return hit;
  }

  void insert(const Bbox& box) {
    const size_t index = m_boxes.size();
    m_boxes.push_back(box);
    forCells(box, [&](long long key) { m_cells[key].push_back(index); });
  }

private:
  template <typename F>
  void forCells(const Bbox& box, F&& visit) const {
    const long long x0 = static_cast<long long>(std::floor(box.minX / m_cell));
    const long long x1 = static_cast<long long>(std::floor(box.maxX / m_cell));
    const long long y0 = static_cast<long long>(std::floor(box.minY / m_cell));
    const long long y1 = static_cast<long long>(std::floor(box.maxY / m_cell));
    for (long long y = y0; y <= y1; ++y)
      for (long long x = x0; x <= x1; ++x) visit((y << 32) ^ (x & 0xffffffffLL));
  }

  double m_cell;
  std::vector<Bbox> m_boxes;
  std::unordered_map<long long, std::vector<size_t>> m_cells;
};

// Boxes to try for one label, in order of cartographic preference: right, left, above, below.
std::vector<Bbox> positionsFor(const LabelCandidate& c) {
  const double w = c.width, h = c.height, gap = c.symbolRadius + 2;
  const double x = c.anchor.x, y = c.anchor.y;
  if (!c.besideSymbol) return {{x - w / 2, y - h / 2, x + w / 2, y + h / 2}};
  return {{x + gap, y - h / 2, x + gap + w, y + h / 2},
          {x - gap - w, y - h / 2, x - gap, y + h / 2},
          {x - w / 2, y - gap - h, x + w / 2, y - gap},
          {x - w / 2, y + gap, x + w / 2, y + gap + h}};
}

Bbox padded(const Bbox& b, double p) { return {b.minX - p, b.minY - p, b.maxX + p, b.maxY + p}; }

}  // namespace

std::vector<PlacedLabel> placeLabels(std::vector<LabelCandidate> candidates, const LabelPlacerOptions& options) {
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const LabelCandidate& a, const LabelCandidate& b) { return a.priority > b.priority; });
  const Bbox screen{0, 0, options.screenWidth, options.screenHeight};
  CollisionGrid grid(64);
  for (const Bbox& obstacle : options.obstacles) grid.insert(obstacle);
  std::vector<PlacedLabel> placed;
  for (const LabelCandidate& c : candidates) {
    if (c.width <= 0 || c.height <= 0) continue;
    for (const Bbox& box : positionsFor(c)) {
      const bool onScreen =
          box.minX >= screen.minX && box.minY >= screen.minY && box.maxX <= screen.maxX && box.maxY <= screen.maxY;
      if (!onScreen || grid.collides(padded(box, options.padding))) continue;
      grid.insert(box);
      placed.push_back({c.id, box});
      break;
    }
  }
  return placed;
}

}  // namespace sitmap
