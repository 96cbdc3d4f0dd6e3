// Raster tiles: GDALWarp into an in-memory dataset per tile, then colour by the raster's kind.
#include "io/raster_source.hpp"

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "io/crs.hpp"
#include "io/file_write.hpp"
#include "io/gdal_session.hpp"
#include "io/raster_georef.hpp"
#include "io/source_open.hpp"

namespace sitmap {

namespace {

struct WarpOptionsDeleter {
  void operator()(GDALWarpAppOptions* o) const { GDALWarpAppOptionsFree(o); }
};
struct DemOptionsDeleter {
  void operator()(GDALDEMProcessingOptions* o) const { GDALDEMProcessingOptionsFree(o); }
};

// Reads a whole band of a tile-sized dataset into `buffer` as `type`.
template <typename T>
bool readBand(GDALDataset& dataset, int band, std::vector<T>& buffer, GDALDataType type) {
  const int w = dataset.GetRasterXSize(), h = dataset.GetRasterYSize();
  buffer.resize(size_t(w) * size_t(h));
  return dataset.GetRasterBand(band)->RasterIO(GF_Read, 0, 0, w, h, buffer.data(), w, h, type, 0, 0) == CE_None;
}

uint8_t toByte(double v) { return uint8_t(std::clamp(v, 0.0, 255.0) + 0.5); }

struct TranslateOptionsDeleter {
  void operator()(GDALTranslateOptions* o) const { GDALTranslateOptionsFree(o); }
};

// A virtual (VRT, in memory) view of `dataset` made by gdal_translate `args`: a band subset, or bands scaled to
// Byte. Tiles then read through it, and the file is never touched.
Result<std::unique_ptr<GDALDataset>> virtualView(GDALDataset& dataset, std::vector<std::string> args, const std::string& path) {
  args.insert(args.begin(), {"-of", "VRT"});
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::unique_ptr<GDALTranslateOptions, TranslateOptionsDeleter> options(GDALTranslateOptionsNew(argv.data(), nullptr));
  int usageError = 0;
  GDALDatasetH view = GDALTranslate("", GDALDataset::ToHandle(&dataset), options.get(), &usageError);
  if (!view) return Error{path + ": " + lastGdalError("cannot make a view of its bands")};
  return std::unique_ptr<GDALDataset>(GDALDataset::FromHandle(view));
}

// The band's range: GDAL's quick estimate, exact where the estimate collapses on a small integer range (a 0/1 mask
// sampled as all ones would draw black). No valid pixel at all: nullopt.
std::optional<std::pair<double, double>> bandRange(GDALRasterBand& band) {
  double minMax[2] = {0, 0};
  CPLErrorReset();
  if (band.ComputeRasterMinMax(TRUE, minMax) != CE_None) return std::nullopt;
  const GDALDataType type = band.GetRasterDataType();
  if (minMax[0] == minMax[1] && (type == GDT_Byte || type == GDT_UInt16 || type == GDT_Int16) &&
      band.ComputeRasterMinMax(FALSE, minMax) != CE_None)
    return std::nullopt;
  return std::pair{minMax[0], minMax[1]};
}

}  // namespace

Status probeRasterReadable(GDALDataset& dataset, const std::string& path) {
  // Two small full-resolution windows (first and last pixels: truncation loses the end of the data) and the
  // smallest overview: cheap on a 20000 x 20000 raster, yet enough to catch truncated or corrupt files.
  const int w = dataset.GetRasterXSize(), h = dataset.GetRasterYSize();
  const int sw = std::min(64, w), sh = std::min(64, h);
  std::vector<float> sample(size_t(sw) * size_t(sh));
  CPLErrorReset();
  for (int index = 1; index <= dataset.GetRasterCount(); ++index) {
    GDALRasterBand* band = dataset.GetRasterBand(index);
    bool ok = band->RasterIO(GF_Read, 0, 0, sw, sh, sample.data(), sw, sh, GDT_Float32, 0, 0) == CE_None &&
              band->RasterIO(GF_Read, w - sw, h - sh, sw, sh, sample.data(), sw, sh, GDT_Float32, 0, 0) == CE_None;
    if (ok && band->GetOverviewCount() > 0) {
      GDALRasterBand* smallest = band->GetOverview(band->GetOverviewCount() - 1);
      const int ow = std::min(smallest->GetXSize(), 1024), oh = std::min(smallest->GetYSize(), 1024);
      std::vector<float> overview(size_t(ow) * size_t(oh));
      ok = smallest->RasterIO(GF_Read, 0, 0, ow, oh, overview.data(), ow, oh, GDT_Float32, 0, 0) == CE_None;
    }
    if (!ok || CPLGetLastErrorType() >= CE_Failure)
      return Error{path + ": pixel data cannot be read (truncated or corrupt): " + lastGdalError("read error")};
  }
  return success();
}

std::string overviewAdvice(const std::string& path, int width, int height, int overviews) {
  // A big raster without overviews is read at full resolution however small it is drawn (a 200,000-pixel square
  // took minutes for a thumbnail): say how to fix it once, without touching the file.
  constexpr int kOverviewAdvisedSide = 16384;
  if (overviews > 0 || std::max(width, height) <= kOverviewAdvisedSide) return "";
  return "no overviews, so drawing it small reads every pixel (slow); build them once with 'gdaladdo -ro " + path +
         "' (writes " + path + ".ovr beside it)";
}

Result<std::string> buildExternalOverviews(const std::string& path, const std::function<bool(double)>& progress) {
  const std::string published = path + ".ovr";
  if (std::filesystem::exists(published)) return Error{published + ": exists already (not replaced)"};
  // GDAL names an external overview file after the dataset: opened through a temporary link beside it, the
  // overviews go to the link's name and take their final one in one step once complete.
  const std::string link = temporaryNameFor(path);
  std::error_code ec;
  std::filesystem::create_symlink(std::filesystem::absolute(path), link, ec);
  if (ec) return Error{path + ": cannot build overviews here: " + ec.message()};
  const std::string building = link + ".ovr";
  Status built = success();
  if (auto opened = openRasterSource(link); !opened) {
    built = Error{opened.error()};
  } else {
    GDALDataset& dataset = **opened;
    std::vector<int> levels;
    for (int factor = 2; std::max(dataset.GetRasterXSize(), dataset.GetRasterYSize()) / factor >= 256; factor *= 2)
      levels.push_back(factor);
    if (levels.empty()) levels.push_back(2);
    const auto relay = [](double fraction, const char*, void* data) -> int {
      const auto& report = *static_cast<const std::function<bool(double)>*>(data);
      return (!report || report(fraction)) ? TRUE : FALSE;
    };
    CPLErrorReset();
    CPLSetThreadLocalConfigOption("COMPRESS_OVERVIEW", "DEFLATE");
    if (dataset.BuildOverviews("AVERAGE", int(levels.size()), levels.data(), 0, nullptr, relay,
                               const_cast<std::function<bool(double)>*>(&progress)) != CE_None)
      built = Error{path + ": building overviews failed: " + lastGdalError("cancelled")};
    CPLSetThreadLocalConfigOption("COMPRESS_OVERVIEW", nullptr);
  }  // the dataset closes here, so the overviews are complete on disk before they are published
  std::filesystem::remove(link, ec);
  if (!built) {
    std::filesystem::remove(building, ec);
    return Error{built.error()};
  }
  if (Status publishedOk = publishFile(building, published, false); !publishedOk) return Error{publishedOk.error()};
  return published;
}

RasterSource::~RasterSource() = default;

Result<std::unique_ptr<RasterSource>> RasterSource::open(const std::string& path, const std::string& displayCrs,
                                                         const RasterStyle& style) {
  auto opened = openRasterSource(path);
  if (!opened) return Error{opened.error()};
  GDALDatasetUniquePtr dataset = std::move(*opened);
  if (dataset->GetRasterCount() == 0) return Error{path + ": has no raster bands"};
  auto placed = placeRaster(*dataset, path);
  if (!placed) return Error{placed.error()};
  if (auto readable = probeRasterReadable(*dataset, path); !readable) return Error{readable.error()};
  auto displayWkt = crsToWkt(displayCrs);
  if (!displayWkt) return Error{displayWkt.error()};

  std::unique_ptr<RasterSource> source(new RasterSource());
  source->m_path = path;
  source->m_displayWkt = *displayWkt;
  source->m_style = style;
  RasterInfo& info = source->m_info;
  info.driver = dataset->GetDriver() ? dataset->GetDriver()->GetDescription() : "?";
  info.width = dataset->GetRasterXSize();
  info.height = dataset->GetRasterYSize();
  info.bands = dataset->GetRasterCount();
  GDALRasterBand* first = dataset->GetRasterBand(1);
  info.overviews = first->GetOverviewCount();
  GDALRasterBand* last = dataset->GetRasterBand(info.bands);
  source->m_sourceHasAlpha = info.bands > 1 && last->GetColorInterpretation() == GCI_AlphaBand;
  int colourBands = info.bands - (source->m_sourceHasAlpha ? 1 : 0);
  std::unique_ptr<GDALDataset> view;  // set when tiles must read through a virtual view
  if (colourBands == 2) {
    // Two bands that are not grey + alpha (a second measurement, a quality band): band 1 is drawn, as grey.
    auto firstOnly = virtualView(*dataset, {"-b", "1"}, path);
    if (!firstOnly) return Error{firstOnly.error()};
    view = std::move(*firstOnly);
    first = view->GetRasterBand(1);
    source->m_sourceHasAlpha = false;
    colourBands = 1;
    info.note = "band 1 of 2 drawn as grey";
  } else if (colourBands >= 3 && first->GetRasterDataType() != GDT_Byte) {
    // 16-bit (or float) imagery: each colour band stretched from its own range to 0..255, as GDAL's tools do;
    // read as bytes it would clip to white.
    std::vector<std::string> args = {"-ot", "Byte"};
    for (int b = 1; b <= 3; ++b) {
      const auto range = bandRange(*dataset->GetRasterBand(b));
      if (!range) return Error{path + ": band " + std::to_string(b) + " has no valid pixels"};
      args.insert(args.end(), {"-b", std::to_string(b), "-scale_" + std::to_string(b), std::to_string(range->first),
                               std::to_string(std::max(range->second, range->first + 1)), "0", "255"});
    }
    if (source->m_sourceHasAlpha) args.insert(args.end(), {"-b", std::to_string(info.bands)});
    auto stretched = virtualView(*dataset, args, path);
    if (!stretched) return Error{stretched.error()};
    view = std::move(*stretched);
    colourBands = 3;
    info.note = std::string(GDALGetDataTypeName(first->GetRasterDataType())) + " colour bands stretched from their ranges";
  }

  if (colourBands == 1 && first->GetColorTable() && first->GetColorInterpretation() == GCI_PaletteIndex) {
    info.kind = "Paletted";
    const GDALColorTable* table = first->GetColorTable();
    source->m_palette.assign(256 * 4, 0);
    for (int i = 0; i < std::min(256, table->GetColorEntryCount()); ++i) {
      const GDALColorEntry* e = table->GetColorEntry(i);
      uint8_t* rgba = &source->m_palette[size_t(i) * 4];
      rgba[0] = uint8_t(e->c1), rgba[1] = uint8_t(e->c2), rgba[2] = uint8_t(e->c3), rgba[3] = uint8_t(e->c4);
    }
  } else if (colourBands >= 3) {
    info.kind = source->m_sourceHasAlpha ? "RGBA" : "RGB";
  } else {
    info.kind = "Single band";
    // The range for the default grey stretch; a corrupt file fails here rather than later.
    if (const auto range = bandRange(*first)) {
      info.minValue = range->first;
      info.maxValue = range->second;
    } else {
      const std::string reason = lastGdalError("");
      // Every pixel is nodata: the layer draws nothing and says so; the rest of the scene is unaffected.
      if (reason.find("no valid pixels") == std::string::npos)
        return Error{path + ": cannot read pixel values: " + (reason.empty() ? std::string("read error") : reason)};
      info.note = "every pixel is nodata: nothing to draw";
    }
  }

  if (const std::string advice = overviewAdvice(path, info.width, info.height, info.overviews); !advice.empty())
    info.note = info.note.empty() ? advice : info.note + "; " + advice;
  auto footprint = rasterFootprint(*dataset, *placed, displayCrs, path);
  if (!footprint) return Error{footprint.error()};
  info.displayExtent = *footprint;
  source->m_sourceWkt = placed->crsWkt;
  if (!placed->note.empty()) info.note = info.note.empty() ? placed->note : placed->note + "; " + info.note;
  info.displayUnitsPerPixel =
      std::sqrt(info.displayExtent.width() * info.displayExtent.height() / (double(info.width) * info.height));
  source->m_file.reset(dataset.release());
  source->m_dataset = view ? std::move(view) : nullptr;
  if (!source->m_dataset) source->m_dataset.reset(source->m_file.release());
  return source;
}

Result<RgbaImage> RasterSource::readTile(const Bbox& bounds, int widthPx, int heightPx) {
  const int colourBands = m_dataset->GetRasterCount() - (m_sourceHasAlpha ? 1 : 0);  // of the view tiles read
  const bool singleBand = colourBands < 3;
  const GDALDataType type = (singleBand && m_info.kind != "Paletted") ? GDT_Float32 : GDT_Byte;
  const int outColourBands = singleBand ? 1 : colourBands;  // GDALWarp needs matching band counts

  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  std::unique_ptr<GDALDataset> tile(mem->Create("", widthPx, heightPx, outColourBands + 1, type, nullptr));
  double gt[6] = {bounds.minX, bounds.width() / widthPx, 0, bounds.maxY, 0, -bounds.height() / heightPx};
  tile->SetGeoTransform(gt);
  tile->SetProjection(m_displayWkt.c_str());

  const bool nearest = m_info.kind == "Paletted" || m_style.resampling == "near";
  // The source CRS is always given: a file without one is lon/lat only where placeRaster saw that it is.
  std::vector<std::string> args = {"-r",  nearest ? "near" : m_style.resampling, "-s_srs", m_sourceWkt, "-dstalpha",
                                   "-wm", "64", "-et", "0.125"};
  if (m_sourceHasAlpha) args.push_back("-srcalpha");
  if (m_style.nodata && !m_sourceHasAlpha) {
    // The style's value, in every colour band, is left out of resampling and drawn transparent (instead of the
    // file's own nodata, which it replaces: usually the file declares none).
    std::string values;
    for (int b = 0; b < colourBands; ++b) values += fmt::format("{}{}", b ? " " : "", *m_style.nodata);
    args.insert(args.end(), {"-srcnodata", values});
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::unique_ptr<GDALWarpAppOptions, WarpOptionsDeleter> options(GDALWarpAppOptionsNew(argv.data(), nullptr));
  GDALDatasetH sources[] = {GDALDataset::ToHandle(m_dataset.get())};
  int usageError = 0;
  CPLErrorReset();
  GDALDatasetH result = GDALWarp(nullptr, GDALDataset::ToHandle(tile.get()), 1, sources, options.get(), &usageError);
  if (!result || CPLGetLastErrorType() >= CE_Failure)
    return Error{m_path + ": cannot read pixels: " + lastGdalError("warp failed")};
  return colourize(*tile, outColourBands);
}

Result<RgbaImage> RasterSource::colourize(GDALDataset& warped, int colourBands) const {
  const int w = warped.GetRasterXSize(), h = warped.GetRasterYSize();
  RgbaImage image(w, h);
  const auto readFailed = [&] { return Error{m_path + ": " + lastGdalError("read failed")}; };
  std::vector<uint8_t> alpha;
  if (!readBand(warped, colourBands + 1, alpha, GDT_Byte)) return readFailed();

  if (colourBands >= 3) {  // the first three bands are red, green, blue
    std::vector<uint8_t> band;
    for (int b = 0; b < 3; ++b) {
      if (!readBand(warped, b + 1, band, GDT_Byte)) return readFailed();
      for (size_t i = 0; i < band.size(); ++i) image.pixels[i * 4 + b] = band[i];
    }
    for (size_t i = 0; i < alpha.size(); ++i) image.pixels[i * 4 + 3] = alpha[i];
    return image;
  }

  if (m_info.kind == "Paletted") {
    std::vector<uint8_t> index;
    if (!readBand(warped, 1, index, GDT_Byte)) return readFailed();
    for (size_t i = 0; i < index.size(); ++i) {
      const uint8_t* rgba = &m_palette[size_t(index[i]) * 4];
      std::copy(rgba, rgba + 3, &image.pixels[i * 4]);
      image.pixels[i * 4 + 3] = uint8_t(rgba[3] * alpha[i] / 255);
    }
    return image;
  }

  if (m_style.hillshade) {
    // GDALDEMProcessing on the warped tile; -compute_edges keeps the tile borders shaded too.
    // In a degree-based display CRS, -s converts horizontal degrees to metres to match the elevations.
    OGRSpatialReference display;
    display.importFromWkt(m_displayWkt.c_str());
    const char* demArgs[] = {"-of", "MEM", "-compute_edges", "-az", "315", "-alt", "45", "-s",
                             display.IsGeographic() ? "111120" : "1", nullptr};
    std::unique_ptr<GDALDEMProcessingOptions, DemOptionsDeleter> options(
        GDALDEMProcessingOptionsNew(const_cast<char**>(demArgs), nullptr));
    GDALDatasetUniquePtr shaded(GDALDataset::FromHandle(
        GDALDEMProcessing("", GDALDataset::ToHandle(&warped), "hillshade", nullptr, options.get(), nullptr)));
    if (!shaded) return Error{m_path + ": hillshade failed: " + lastGdalError("DEM processing error")};
    std::vector<uint8_t> shade;
    if (!readBand(*shaded, 1, shade, GDT_Byte)) return readFailed();
    for (size_t i = 0; i < shade.size(); ++i) {
      image.pixels[i * 4 + 0] = image.pixels[i * 4 + 1] = image.pixels[i * 4 + 2] = shade[i];
      image.pixels[i * 4 + 3] = alpha[i];
    }
    return image;
  }

  std::vector<float> values;
  if (!readBand(warped, 1, values, GDT_Float32)) return readFailed();
  const double range = m_info.maxValue > m_info.minValue ? m_info.maxValue - m_info.minValue : 1.0;
  for (size_t i = 0; i < values.size(); ++i) {
    uint8_t* px = &image.pixels[i * 4];
    if (!m_style.ramp.empty()) {
      const Rgba c = rampColour(m_style.ramp, values[i]);
      px[0] = toByte(c.r * 255), px[1] = toByte(c.g * 255), px[2] = toByte(c.b * 255);
      px[3] = uint8_t(toByte(c.a * 255) * alpha[i] / 255);
    } else {
      px[0] = px[1] = px[2] = toByte((values[i] - m_info.minValue) / range * 255.0);
      px[3] = alpha[i];
    }
  }
  return image;
}

}  // namespace sitmap
