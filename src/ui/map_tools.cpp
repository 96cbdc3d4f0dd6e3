// Map tools: ImGui input and tooltips; what is under the cursor comes from core's pickAt.
#include "ui/map_tools.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/civil_date.hpp"
#include "core/event_views.hpp"
#include "core/text.hpp"

namespace sitmap {

namespace {

std::string controlText(const ControlFeature& f) {
  const std::string who = f.otherActor.empty() ? f.actor : f.actor + " and " + f.otherActor;
  const std::string what = f.isPoint ? "" : f.rings.empty() ? " (road stretch)" : " (area assessment, not a front line)";
  const std::string since = f.sinceBefore ? "\nsince before " : "\nfrom ";
  return f.name + what + "\n" + who + ": " + controlStatusName(f.status) + since + formatUtc(f.validFrom) +
         (f.validTo ? " to " + formatUtc(*f.validTo) : std::string(" (still valid)")) + "\nconfidence: " + f.confidence +
         "\nbasis: " + f.source;
}

// A tooltip wrapped at about 40 characters: a long source line never spans the window.
void wrappedTooltip(const std::string& text) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// One line per incident, for a list of several at one spot.
std::string incidentLine(const EventTable& t, uint32_t e) {
  return eventDateText(t, e, true) + "  " + t.eventTypes.value(t.eventType[e]) + ", " + std::string(t.location[e]) + ", " +
         countOf(uint64_t(std::max(0, int(t.fatalities[e]))), "fatality", "fatalities");
}

// Up to this many incidents under the cursor are listed one by one; more are summarised.
constexpr size_t kListedAtOneSpot = 8;

std::string incidentText(const EventTable& t, uint32_t e) {
  return eventDateText(t, e, true) + "  " + t.eventTypes.value(t.eventType[e]) + "\n" + t.subEventTypes.value(t.subEventType[e]) +
         "\n" + std::string(t.location[e]) + ", " + t.admin1Names.value(t.admin1[e]) + "\n" + std::to_string(t.fatalities[e]) +
         " fatalities\n(click for details)";
}

}  // namespace

bool MapTools::draw(const MapPickView& view, MapTool tool, const std::vector<int>& keyPresses, std::vector<Command>& out) {
  ImGuiIO& io = ImGui::GetIO();
  // The list of a clicked spot's incidents, drawn before anything that stops for the mouse (it holds it).
  if (!m_choices.empty() && view.incidents) {
    if (ImGui::BeginPopup("incidents here")) {
      ImGui::TextDisabled("%zu incidents here: choose one", m_choices.size());
      for (uint32_t e : m_choices) {
        ImGui::PushID(int(e));
        if (ImGui::Selectable(incidentLine(*view.incidents, e).c_str())) out.push_back(ShowEventDetails{e});
        ImGui::PopID();
      }
      ImGui::EndPopup();
    } else {
      m_choices.clear();
    }
  }
  if (io.WantCaptureMouse) return false;
  const float fbScale = io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1.0f;
  const Vec2 mouse{io.MousePos.x * fbScale, io.MousePos.y * fbScale};
  const bool clicked = ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3) &&
                       ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0).x == 0 &&
                       ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0).y == 0;
  if (tool == MapTool::PickRegion && clicked) out.push_back(PickRegionAt{mouse});
  if (tool == MapTool::DrawRectangle) {
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) m_rectangleStart = mouse;
    if (!m_rectangleStart) return false;
    ImGui::GetForegroundDrawList()->AddRect(ImVec2(float(m_rectangleStart->x) / fbScale, float(m_rectangleStart->y) / fbScale),
                                            io.MousePos, IM_COL32(255, 200, 0, 255), 0, 0, 2);
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
      if (std::abs(mouse.x - m_rectangleStart->x) > 4 && std::abs(mouse.y - m_rectangleStart->y) > 4)
        out.push_back(AddRectangleRegion{*m_rectangleStart, mouse});
      m_rectangleStart.reset();
      out.push_back(SetMapTool{MapTool::Navigate});
    }
    return true;
  }
  if (tool == MapTool::DrawPolygon) return drawPolygon(mouse, fbScale, keyPresses, out);
  if (!m_polygon.empty()) m_polygon.clear();  // the tool was left mid-drawing
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left)) return false;
  // Hover: what is there; an incident wins over the zone around it, and a held place at the same spot is added.
  const MapPick pick = pickAt(view, mouse);
  if (pick.incidents.size() > 1) {
    // Several at one spot (a town) are listed and chosen on click; a crowd (an aggregated bin) is summarised,
    // never shown as one arbitrary event of it.
    const EventTable& t = *view.incidents;
    std::string text;
    if (pick.incidents.size() <= kListedAtOneSpot) {
      text = std::to_string(pick.incidents.size()) + " incidents here (click to choose one):";
      for (uint32_t e : pick.incidents) text += "\n" + incidentLine(t, e);
    } else {
      const char* where = view.drawing == EventDrawing::Bins      ? "in this bin"
                          : view.drawing == EventDrawing::Density ? "in this hexagon"
                                                                  : "within reach of the cursor";
      text = summariseEvents(t, pick.incidents) + "\n(" + where + "; zoom in to tell them apart)";
    }
    if (pick.control && pick.control->isPoint) text = controlText(*pick.control) + "\n\n" + text;
    wrappedTooltip(text);
    if (tool == MapTool::Navigate && clicked && pick.incidents.size() <= kListedAtOneSpot) {
      m_choices = pick.incidents;
      ImGui::OpenPopup("incidents here");
    }
  } else if (pick.incident) {
    std::string text = incidentText(*view.incidents, *pick.incident);
    if (pick.control && pick.control->isPoint) text = controlText(*pick.control) + "\n\n" + text;
    wrappedTooltip(text);
    if (tool == MapTool::Navigate && clicked) out.push_back(ShowEventDetails{*pick.incident});
  } else if (pick.control) {
    wrappedTooltip(controlText(*pick.control));
  }
  return false;
}

bool MapTools::drawPolygon(Vec2 mouse, float fbScale, const std::vector<int>& keyPresses, std::vector<Command>& out) {
  constexpr double kCloseToFirstPx = 10, kLassoStepPx = 8;
  auto distance = [](Vec2 a, Vec2 b) { return std::hypot(a.x - b.x, a.y - b.y); };
  auto finish = [&](bool keep) {
    if (keep && m_polygon.size() >= 3) out.push_back(AddPolygonRegion{m_polygon});
    m_polygon.clear();
    m_lasso = false;
    out.push_back(SetMapTool{MapTool::Navigate});
  };
  for (int key : keyPresses) {
    if (key == ImGui::GetKeyIndex(ImGuiKey_Escape)) {
      finish(false);
      return false;
    }
    if (key == ImGui::GetKeyIndex(ImGuiKey_Backspace) && !m_polygon.empty()) m_polygon.pop_back();
    if (key == ImGui::GetKeyIndex(ImGuiKey_Enter) || key == ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)) {
      finish(true);
      return false;
    }
  }
  if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    finish(true);
    return false;
  }
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    if (m_polygon.size() >= 3 && distance(mouse, m_polygon.front()) <= kCloseToFirstPx * fbScale) {
      finish(true);
      return false;
    }
    m_polygon.push_back(mouse);
  } else if (ImGui::IsMouseDown(ImGuiMouseButton_Left) && !m_polygon.empty() &&
             distance(mouse, m_polygon.back()) >= kLassoStepPx * fbScale) {
    m_polygon.push_back(mouse);
    m_lasso = true;
  }
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && m_lasso) {
    if (m_polygon.size() >= 3) {
      finish(true);
      return false;
    }
    m_lasso = false;  // a click that wandered a little: still corner by corner
  }
  // The corners so far, the edge to the cursor and the closing edge (paler), each on a dark halo so that it
  // reads over yellow zones and pale relief alike.
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  auto screen = [&](Vec2 p) { return ImVec2(float(p.x) / fbScale, float(p.y) / fbScale); };
  auto line = [&](ImVec2 a, ImVec2 b, ImU32 colour, float width) {
    draw->AddLine(a, b, IM_COL32(0, 0, 0, 190), width + 2);
    draw->AddLine(a, b, colour, width);
  };
  const ImU32 edge = IM_COL32(255, 225, 0, 255), pending = IM_COL32(255, 225, 0, 150);
  for (size_t i = 1; i < m_polygon.size(); ++i) line(screen(m_polygon[i - 1]), screen(m_polygon[i]), edge, 2);
  if (!m_polygon.empty()) {
    line(screen(m_polygon.back()), ImGui::GetIO().MousePos, pending, 2);
    if (m_polygon.size() >= 2) line(ImGui::GetIO().MousePos, screen(m_polygon.front()), pending, 1);
    draw->AddCircle(screen(m_polygon.front()), float(kCloseToFirstPx), IM_COL32(0, 0, 0, 190), 16, 3.5f);
    draw->AddCircle(screen(m_polygon.front()), float(kCloseToFirstPx), edge, 16, 1.5f);
  }
  ImGui::SetTooltip("%s", m_polygon.empty() ? "Click the first corner, or hold and drag a lasso"
                                            : "Click the next corner; double-click, Enter or the first corner closes;\n"
                                              "Backspace takes a corner back; Esc gives up");
  return true;
}

}  // namespace sitmap
