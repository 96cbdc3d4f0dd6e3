// Notifications: messages stacked in the top-right corner; errors stay until dismissed, information fades.
// While presenting, nothing meant for the operator reaches the audience: messages are held (their time does not
// run) and only a small, faint line in the corner says how many wait; they show once the presentation ends.
#pragma once

#include <string>
#include <vector>

namespace sitmap {

class Notifications {
public:
  void error(std::string text) { m_items.push_back({std::move(text), true, -1}); }
  void info(std::string text) { m_items.push_back({std::move(text), false, -1}); }
  // `now` in seconds; returns true while something is on screen that needs redrawing (a fade).
  bool draw(double now, bool presenting = false);
  bool empty() const { return m_items.empty(); }

private:
  struct Item {
    std::string text;
    bool isError;
    double shownAt;
  };
  std::vector<Item> m_items;
};

}  // namespace sitmap
