// Notifications in an ImGui context without a window: what is drawn, and how long it stays, presenting or not.
#include "ui/notifications.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

using namespace sitmap;

namespace {

// One ImGui frame at time `now`; returns whether the window `name` was drawn in it.
class Frames {
public:
  Frames() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 720);
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  }
  ~Frames() { ImGui::DestroyContext(); }
  std::vector<std::string> drawn(Notifications& n, double now, bool presenting) {
    ImGui::GetIO().DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    n.draw(now, presenting);
    std::vector<std::string> names;
    for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
      if (window->Active && window->Name[0] == '#') names.push_back(window->Name);
    ImGui::Render();
    return names;
  }
};

}  // namespace

TEST(Notifications, PresentingTheyAreHeldWithOnlyAFaintCountAndShowInFullAfterwards) {
  Frames frames;
  Notifications n;
  n.info("Screenshot saved: /home/analyst/briefing.png");
  n.error("Kidal.tif: cannot read");
  EXPECT_EQ(frames.drawn(n, 0, false), (std::vector<std::string>{"##note0", "##note1"}));
  // A long briefing: nothing of either reaches the audience, and the information does not expire unseen.
  for (double t : {1.0, 30.0, 600.0}) EXPECT_EQ(frames.drawn(n, t, true), std::vector<std::string>{"##held"}) << t;
  EXPECT_EQ(frames.drawn(n, 601, false), (std::vector<std::string>{"##note0", "##note1"}));
  EXPECT_EQ(frames.drawn(n, 605, false).size(), 2u) << "information stays its six seconds from when it could be read";
  EXPECT_EQ(frames.drawn(n, 608, false), std::vector<std::string>{"##note0"}) << "then fades; the error stays";
  Notifications none;
  EXPECT_TRUE(frames.drawn(none, 0, true).empty()) << "no hint when nothing waits";
}
