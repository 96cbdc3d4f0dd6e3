// The viewer's animation export, without a window: frames drawn by a stand-in, PNGs written through the task
// system, progress by frames written, Cancel not an error and saying what was kept.
#include "app/animation_export.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {
constexpr UtcSeconds kStart = 1698710400;  // 2023-10-31T00:00Z

// Steps the export until it ends (at most 20 s); returns its last message.
std::string runToEnd(AnimationExport& job, const AnimationExport::DrawFrame& draw, bool& failed, int cancelAfter = -1) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  for (int step = 0; std::chrono::steady_clock::now() < deadline; ++step) {
    if (step == cancelAfter) job.cancel();
    if (auto ended = job.step(draw, failed)) return *ended;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return "did not end";
}
}  // namespace

TEST(AnimationExport, WritesOneNumberedFramePerStepWithItsClock) {
  TempDir dir;
  std::vector<UtcSeconds> drawn;
  const AnimationExport::DrawFrame draw = [&](UtcSeconds t) -> Result<RgbaImage> {
    drawn.push_back(t);
    return RgbaImage(16, 8);
  };
  auto job = AnimationExport::start({kStart, kStart + 86400, 6 * 3600}, dir.path("frames"), "scene.json", 16, 8);
  ASSERT_TRUE(job) << job.error();
  bool failed = true;
  const std::string ended = runToEnd(**job, draw, failed);
  EXPECT_FALSE(failed) << ended;
  EXPECT_EQ(ended, "5 frames written to " + dir.path("frames"));
  EXPECT_EQ(drawn, (std::vector<UtcSeconds>{kStart, kStart + 21600, kStart + 43200, kStart + 64800, kStart + 86400}));
  EXPECT_FLOAT_EQ((*job)->progress(), 1.0f);
  for (int i = 1; i <= 5; ++i) EXPECT_TRUE(std::filesystem::exists(dir.path("frames/frame-0000" + std::to_string(i) + ".png")));
  EXPECT_NE(readText(dir.path("frames/frame-00001.png")).find("2023-10-31 00:00Z"), std::string::npos) << "the frame's clock";
}

TEST(AnimationExport, CancelIsNotAnErrorAndSaysWhatIsKept) {
  TempDir dir;
  const AnimationExport::DrawFrame draw = [](UtcSeconds) -> Result<RgbaImage> { return RgbaImage(16, 8); };
  auto job = AnimationExport::start({kStart, kStart + 100 * 3600, 3600}, dir.path("frames"), "scene.json", 16, 8);
  ASSERT_TRUE(job) << job.error();
  bool failed = true;
  const std::string ended = runToEnd(**job, draw, failed, 3);
  EXPECT_FALSE(failed);
  EXPECT_NE(ended.find("Export cancelled: the"), std::string::npos) << ended;
  EXPECT_NE(ended.find("frames written are kept in"), std::string::npos) << ended;
}

TEST(AnimationExport, AFrameThatCannotBeDrawnEndsItWithTheReason) {
  TempDir dir;
  const AnimationExport::DrawFrame draw = [](UtcSeconds t) -> Result<RgbaImage> {
    if (t > kStart) return Error{"the GPU went away"};
    return RgbaImage(16, 8);
  };
  auto job = AnimationExport::start({kStart, kStart + 7200, 3600}, dir.path("frames"), "scene.json", 16, 8);
  ASSERT_TRUE(job) << job.error();
  bool failed = false;
  const std::string ended = runToEnd(**job, draw, failed);
  EXPECT_TRUE(failed);
  EXPECT_NE(ended.find("the GPU went away"), std::string::npos) << ended;
  EXPECT_FALSE(AnimationExport::start({kStart, kStart - 1, 60}, dir.path("f"), "", 16, 8)) << "an end before the start";
}
