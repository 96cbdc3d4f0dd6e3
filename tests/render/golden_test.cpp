// Reference images: each folder in tests/render/ holds case.json (what to render) and expected.png.
// A case fails when more than its tolerance of pixels differ; actual and diff PNGs are then written to
// <build>/render-test-output/<case>/. SITMAP_APPROVE=1 (tools/approve-render-tests) rewrites expected.png.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/cli_common.hpp"
#include "app/headless_render.hpp"
#include "io/png_file.hpp"
#include "io/scene_file.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> caseNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(sourceDir() + "/tests/render"))
    if (entry.is_directory() && fs::exists(entry.path() / "case.json")) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

class Golden : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(Golden, MatchesTheReferenceImage) {
  const fs::path folder = fs::path(sourceDir()) / "tests/render" / GetParam();
  const auto spec = nlohmann::json::parse(readText((folder / "case.json").string()));
  auto scene = loadSceneFile((folder / spec.at("scene").get<std::string>()).lexically_normal().string());
  ASSERT_TRUE(scene) << scene.error();
  RenderOptions options;
  options.width = spec.at("width").get<int>();
  options.height = spec.at("height").get<int>();
  options.scale = spec.value("scale", 1.0);
  options.furniture = spec.value("furniture", true);
  auto image = renderScene(std::move(*scene), options);
  ASSERT_TRUE(image) << image.error();

  const std::string expectedPath = (folder / "expected.png").string();
  const char* approve = std::getenv("SITMAP_APPROVE");
  if (approve && std::string(approve) == "1") {
    ASSERT_TRUE(writePngFile(expectedPath, *image, true));
    GTEST_SKIP() << "approved " << expectedPath;
  }
  auto expected = readPngFile(expectedPath);
  ASSERT_TRUE(expected) << expected.error() << " (run tools/approve-render-tests to create it)";
  const ImageComparison result = compareImages(*image, *expected, spec.value("channel_threshold", 40));
  const double tolerance = spec.value("tolerance", 0.005);
  if (result.differingFraction > tolerance) {
    const fs::path out = fs::path(SITMAP_BINARY_DIR) / "render-test-output" / GetParam();
    fs::create_directories(out);
    (void)writePngFile((out / "actual.png").string(), *image, true);
    if (result.diff.width) (void)writePngFile((out / "diff.png").string(), result.diff, true);
    FAIL() << GetParam() << ": " << result.differingFraction * 100 << "% of pixels differ (tolerance "
           << tolerance * 100 << "%); see " << out.string();
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, ::testing::ValuesIn(caseNames()),
                         [](const ::testing::TestParamInfo<std::string>& param) { return param.param; });

TEST(SceneRoundTripRender, ASavedSceneRendersTheSamePicture) {
  auto scene = loadSceneFile(sourceDir() + "/assets/scenes/default.json");
  ASSERT_TRUE(scene) << scene.error();
  TempDir dir;
  ASSERT_TRUE(saveSceneFile(dir.path("copy.json"), *scene, false));
  auto copy = loadSceneFile(dir.path("copy.json"));
  ASSERT_TRUE(copy) << copy.error();
  RenderOptions options;
  options.width = 480;
  options.height = 270;
  auto original = renderScene(*scene, options);
  auto reloaded = renderScene(*copy, options);
  ASSERT_TRUE(original && reloaded);
  EXPECT_EQ(original->pixels, reloaded->pixels);
}

TEST(OutputSize, A4KRenderIsThe1080pPictureAtTwiceThePixels) {
  // Text, lines and symbols grow with the output past 1920 x 1080: the wall gets the picture a 1080p screen
  // gets, not a wider view in 11 px type.
  auto scene = loadSceneFile(sourceDir() + "/assets/scenes/default.json");
  ASSERT_TRUE(scene) << scene.error();
  RenderOptions wall;
  wall.width = 3840;
  wall.height = 2160;
  RenderOptions doubled;
  doubled.scale = 2;
  auto a = renderScene(*scene, wall);
  auto b = renderScene(*scene, doubled);
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->width, 3840);
  ASSERT_EQ(a->height, 2160);
  EXPECT_TRUE(a->pixels == b->pixels);
  // An odd size still gets exactly its pixels (1922 x 1441 would round to 1922 x 1442 through its logical size).
  RenderOptions odd;
  odd.width = 1922;
  odd.height = 1441;
  odd.furniture = false;
  auto c = renderScene(*scene, odd);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->width, 1922);
  EXPECT_EQ(c->height, 1441);
}
