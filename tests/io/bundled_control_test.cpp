// The bundled control data tells one story: on every day of the data no area of one actor's control holds a
// town another actor held then, every area lies in Mali, and each area names what it rests on.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <memory>

#include "core/event_filter.hpp"
#include "io/gdal_session.hpp"
#include "io/time_layers.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {

std::vector<ControlFeature> bundled(const std::string& file) {
  auto load = loadControl(sourceDir() + "/assets/data/" + file, "", {});
  EXPECT_TRUE(load) << (load ? "" : load.error());
  if (!load) return {};
  EXPECT_TRUE(load->problems.empty()) << load->problems.front();
  return load->features;
}

RegionIndex areaIndex(const ControlFeature& area) {
  RegionShape shape;
  shape.name = area.name;
  for (const auto& ring : area.rings) {
    std::vector<Vec2> points;
    for (const LonLat& p : ring) points.push_back({p.lon, p.lat});
    shape.rings.push_back(std::move(points));
  }
  return RegionIndex({shape});
}

}  // namespace

TEST(BundledControl, NoControlAreaHoldsATownOfAnotherActorOnAnyDay) {
  const auto areas = bundled("control_areas_2023.geojson");
  const auto towns = bundled("control_2023.geojson");
  ASSERT_GE(areas.size(), 8u);
  ASSERT_GE(towns.size(), 30u);
  const UtcSeconds first = *parseUtc("2023-06-01T00:00Z"), last = *parseUtc("2024-01-31T00:00Z");
  size_t checked = 0;
  for (const ControlFeature& area : areas) {
    if (area.isPoint || area.rings.empty() || area.status != ControlStatus::Control) continue;
    const RegionIndex index = areaIndex(area);
    for (UtcSeconds day = first; day <= last; day += 86400) {
      if (!area.validAt(day)) continue;
      for (const ControlFeature& town : towns) {
        // UN camps are bases, not holdings of ground: a peacekeeping camp sat inside every side's area.
        if (town.actor == "MINUSMA" || town.actor == area.actor || town.status != ControlStatus::Control || !town.validAt(day))
          continue;
        ++checked;
        EXPECT_FALSE(index.containsAny({town.point.lon, town.point.lat}))
            << area.name << " (" << area.actor << " control) holds " << town.name << " (" << town.actor << ") on "
            << formatUtc(day);
      }
    }
  }
  EXPECT_GT(checked, 1000u);  // the loop saw the data, not an empty set
}

TEST(BundledControl, AreasLieInMaliAndNameTheirBasis) {
  ensureGdal();
  std::unique_ptr<GDALDataset> basemap(GDALDataset::Open((sourceDir() + "/assets/basemap/northern-mali.gpkg").c_str(),
                                                         GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(basemap);
  OGRLayer* countries = basemap->GetLayerByName("countries");
  ASSERT_TRUE(countries);
  countries->SetAttributeFilter("name = 'Mali'");
  std::unique_ptr<OGRFeature> mali(countries->GetNextFeature());
  ASSERT_TRUE(mali);
  const OGRGeometry* maliShape = mali->GetGeometryRef();

  std::unique_ptr<GDALDataset> data(GDALDataset::Open((sourceDir() + "/assets/data/control_areas_2023.geojson").c_str(),
                                                      GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(data);
  size_t areas = 0;
  for (auto& feature : *data->GetLayer(0)) {
    EXPECT_STRNE(feature->GetFieldAsString("source"), "") << feature->GetFieldAsString("name");
    EXPECT_STRNE(feature->GetFieldAsString("confidence"), "") << feature->GetFieldAsString("name");
    const OGRGeometry* g = feature->GetGeometryRef();
    ASSERT_TRUE(g);
    if (wkbFlatten(g->getGeometryType()) != wkbPolygon && wkbFlatten(g->getGeometryType()) != wkbMultiPolygon) continue;
    ++areas;
    const double area = g->toSurface()->get_Area();
    std::unique_ptr<OGRGeometry> outside(g->Difference(maliShape));
    ASSERT_TRUE(outside);
    const double outsideArea = outside->IsEmpty() ? 0 : dynamic_cast<const OGRSurface*>(outside.get())
                                                            ? outside->toSurface()->get_Area()
                                                            : outside->toGeometryCollection()->get_Area();
    // Clipped to the basemap's Mali; the simplification of the outline may leave a sliver of a few metres.
    EXPECT_LT(outsideArea, area * 0.001) << feature->GetFieldAsString("name") << ": " << outsideArea / area * 100
                                         << " % of it lies outside Mali";
  }
  EXPECT_GE(areas, 8u);
}

TEST(BundledControl, ContestedAreasNameBothSides) {
  size_t contested = 0;
  for (const ControlFeature& f : bundled("control_areas_2023.geojson")) {
    if (f.status != ControlStatus::Contested) continue;
    ++contested;
    EXPECT_FALSE(f.otherActor.empty()) << f.name;
    EXPECT_NE(f.otherActor, f.actor) << f.name;
  }
  EXPECT_GE(contested, 2u);
}
