// The bundled settlements (assets/basemap/settlements.gpkg, tools/build-settlements): classed by status, each
// with its basis and source, and the places the reporting names but the old town layer lacked can be found.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <map>
#include <memory>
#include <set>
#include <string>

#include "io/gdal_session.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {

// name -> statuses of the settlements of that name.
std::map<std::string, std::set<std::string>> statusesByName() {
  ensureGdal();
  std::unique_ptr<GDALDataset> data(GDALDataset::Open((sourceDir() + "/assets/basemap/settlements.gpkg").c_str(),
                                                      GDAL_OF_VECTOR | GDAL_OF_READONLY));
  EXPECT_TRUE(data);
  std::map<std::string, std::set<std::string>> found;
  if (!data) return found;
  OGRLayer* layer = data->GetLayerByName("settlements");
  EXPECT_TRUE(layer);
  if (!layer) return found;
  for (auto& feature : *layer) {
    EXPECT_FALSE(std::string(feature->GetFieldAsString("basis")).empty()) << feature->GetFieldAsString("name");
    EXPECT_FALSE(std::string(feature->GetFieldAsString("source")).empty()) << feature->GetFieldAsString("name");
    found[feature->GetFieldAsString("name")].insert(feature->GetFieldAsString("status"));
  }
  return found;
}

}  // namespace

TEST(BundledSettlements, ClassedByStatusWithTheReportingsSmallerPlacesFindable) {
  const auto found = statusesByName();
  ASSERT_GT(found.size(), 1000u);
  std::set<std::string> statuses;
  for (const auto& [name, those] : found) statuses.insert(those.begin(), those.end());
  EXPECT_EQ(statuses, (std::set<std::string>{"cercle seat", "commune seat", "village"}));
  for (const char* commune : {"Gossi", "Hombori", "Tessit", "Talataye", "Tin Hama"}) {
    ASSERT_TRUE(found.count(commune)) << commune;
    EXPECT_TRUE(found.at(commune).count("commune seat")) << commune << ": as its commune's seat";
  }
  ASSERT_TRUE(found.count("In-Khalil"));
  EXPECT_EQ(found.at("In-Khalil"), (std::set<std::string>{"village"}));
  ASSERT_TRUE(found.count("Douentza")) << "a cercle seat";
  EXPECT_TRUE(found.at("Douentza").count("cercle seat"));
  // The sourced reference places are drawn by their own layers, never twice (Abeïbara: OSM's two nodes of that
  // name lie 27 km from the sourced position).
  for (const char* reference : {"Kidal", "Anéfis", "Tessalit", "Abeïbara"}) EXPECT_FALSE(found.count(reference)) << reference;
}
