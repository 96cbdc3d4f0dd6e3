// sitmap entry point: the viewer by default, plus the `render` and `info` subcommands (CLI11).
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/cli_common.hpp"
#include "app/event_options.hpp"
#include "app/headless_render.hpp"
#include "app/frames_cli.hpp"
#include "app/image_capture.hpp"
#include "app/time_cli.hpp"
#include "app/viewer.hpp"
#include "core/event_filter.hpp"
#include "core/option_values.hpp"
#include "core/text.hpp"
#include "core/utc_time.hpp"
#include "io/acled_reader.hpp"
#include "io/ogr_incidents.hpp"
#include "io/crs.hpp"
#include "io/dataset_info.hpp"
#include "io/event_export.hpp"
#include "io/input_file.hpp"
#include "io/png_file.hpp"

using namespace sitmap;

namespace {

// The command line, kept for the provenance written into PNGs.
int argcForProvenance = 0;
char** argvForProvenance = nullptr;

int runRender(const std::vector<std::string>& inputs, const std::string& output, const std::string& size,
              double scale, const std::string& bbox, const std::string& crs, bool noFurniture, bool overwrite,
              const EventFilterOptions& filterOptions, const std::string& time, int windowDays,
              const std::string& titleOverride, const std::string& banner, bool northArrow,
              const std::string& subtitle, const std::string& bookmark, bool highContrast, const std::string& author,
              bool disclaimer, bool graticule) {
  RenderOptions options;
  if (!time.empty()) {
    options.time = parseUtc(time);
    if (!options.time) return fail(kExitUsage, "--time: cannot read the time '" + time + "' (use e.g. 2023-11-04T12:00Z)");
  }
  if (windowDays < -1) return fail(kExitUsage, "--window-days must be 0 or more");
  if (windowDays >= 0) options.windowDays = windowDays;
  if (filterOptions.any()) {
    auto filter = filterOptions.build();
    if (!filter) return fail(kExitUsage, filter.error());
    options.eventFilter = *filter;
  }
  auto parsedSize = parseSize(size);
  if (!parsedSize) return fail(kExitUsage, "--size must be WIDTHxHEIGHT, e.g. 1920x1080");
  std::tie(options.width, options.height) = *parsedSize;
  if (!(scale >= 0.25 && scale <= 8)) return fail(kExitUsage, "--scale must be between 0.25 and 8");
  options.scale = scale;
  // Refused before anything loads: a usage error, not bad input found late.
  if (auto problem = ImageCapture::sizeProblem(int(std::lround(options.width * scale)), int(std::lround(options.height * scale))))
    return fail(kExitUsage, "--size: " + *problem);
  options.furniture = !noFurniture;
  if (!titleOverride.empty()) options.title = titleOverride;
  options.subtitle = subtitle;
  options.bookmark = bookmark;
  options.banner = banner;
  options.northArrow = northArrow;
  options.highContrast = highContrast;
  options.author = author;
  options.disclaimer = disclaimer;
  options.graticule = graticule;
  if (!bbox.empty()) {
    options.bboxLonLat = parseBbox(bbox);
    if (!options.bboxLonLat) return fail(kExitUsage, "--bbox must be W,S,E,N in degrees with S < N (W > E crosses the antimeridian)");
  }
  if (!crs.empty()) {
    auto wkt = crsToWkt(crs);
    if (!wkt) return fail(kExitUsage, "--crs: " + wkt.error());
    options.crs = crs;
  }
  if (!overwrite && std::filesystem::exists(output))
    return fail(kExitUsage, output + ": already exists (add --overwrite to replace it)");
  auto opened = sceneFromArguments(inputs);
  if (!opened) return fail(kExitBadInput, opened.error());
  const std::string scenePath = opened->scenePath;
  std::string title, caption;
  auto image = renderScene(std::move(opened->scene), options, &title, &caption);
  if (!image) return fail(kExitBadInput, image.error());
  // Provenance in the PNG: what made it, from which scene (and its content's hash), at which clock and filter.
  PngTextChunks provenance = {{"Software", "sitmap " SITMAP_VERSION}, {"Creation Time", pngCreationTime(std::time(nullptr))}};
  if (!author.empty()) provenance.push_back({"Author", author});
  // What the image shows, in PNG's standard keywords, so a report's image library can caption it.
  if (!title.empty()) provenance.push_back({"Title", title});
  if (!caption.empty()) provenance.push_back({"Description", caption});
  if (!scenePath.empty()) {
    std::ifstream in(scenePath, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    uint64_t hash = 1469598103934665603ull;  // FNV-1a 64: identifies the scene's exact content
    for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
    char hex[24];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    provenance.push_back({"Source", std::filesystem::absolute(scenePath).string()});
    provenance.push_back({"Scene hash", std::string("fnv1a64:") + hex});
  } else {
    std::string files;
    for (const std::string& input : inputs) files += (files.empty() ? "" : "; ") + input;
    provenance.push_back({"Source", files.empty() ? "default scene" : maskCredentials(files)});
  }
  if (options.time) provenance.push_back({"Clock", formatUtc(*options.time)});
  if (filterOptions.any()) {
    std::string summary;
    for (int i = 1; i < argcForProvenance; ++i) summary += std::string(i > 1 ? " " : "") + argvForProvenance[i];
    provenance.push_back({"Command", maskCredentials(summary)});
  }
  auto written = writePngFile(output, *image, overwrite, provenance);
  if (!written) return fail(kExitBadInput, written.error());
  return kExitOk;
}

int runEvents(const std::string& file, const std::string& layer, const std::vector<std::string>& fieldMappings,
              const EventFilterOptions& options, bool count, const std::string& csvOut, const std::string& geojsonOut,
              bool overwrite) {
  if (int(count) + int(!csvOut.empty()) + int(!geojsonOut.empty()) != 1)
    return fail(kExitUsage, "events: give exactly one of --count, --csv OUT, --geojson OUT");
  auto filter = options.build();
  if (!filter) return fail(kExitUsage, filter.error());
  std::map<std::string, std::string> fields;
  for (const std::string& mapping : fieldMappings) {
    const size_t eq = mapping.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == mapping.size())
      return fail(kExitUsage, "--field: expected ROLE=COLUMN (e.g. date=when), got '" + mapping + "'");
    fields[mapping.substr(0, eq)] = mapping.substr(eq + 1);
  }
  // A CSV is read as an ACLED export; anything else (a GeoPackage, a PostGIS table) as an OGR point layer.
  const bool csv = lowerExtension(file) == ".csv" && isLocalFilePath(file);
  if (!csv && !csvOut.empty())
    return fail(kExitUsage, "events: --csv copies the rows of a CSV input; for " + file + " use --geojson");
  // A database runs what it can of the filter: only rows that may pass are sent.
  auto import = csv ? readAcledCsv(file) : readIncidentsFromOgr(file, layer, fields, {}, IncidentQuery{*filter, {}, {}});
  if (!import) return fail(kExitBadInput, import.error());
  if (import->rowsSkipped || !import->dateOrder.empty())
    std::fprintf(stderr, "sitmap: %s: %s\n", maskCredentials(file).c_str(), import->summary().c_str());
  EventFilterEngine engine(import->table);
  const std::vector<uint32_t>& matching = engine.apply(*filter);
  if (count) {
    std::printf("events=%zu fatalities=%lld\n", matching.size(), static_cast<long long>(engine.matchingFatalities()));
    return kExitOk;
  }
  const Status written = csvOut.empty() ? exportEventsGeoJson(import->table, matching, geojsonOut, overwrite)
                                        : exportEventsCsv(file, import->table, matching, csvOut, overwrite);
  if (!written) return fail(kExitBadInput, written.error());
  return kExitOk;
}

int runInfo(const std::vector<std::string>& files) {
  int status = kExitOk;
  for (const std::string& file : files) {
    auto description = describeDataset(file);
    if (description) {
      std::fputs(description->c_str(), stdout);
    } else {
      fail(kExitBadInput, description.error());
      status = kExitBadInput;
    }
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  argcForProvenance = argc;
  argvForProvenance = argv;
  CLI::App app{"sitmap: offline situation maps for briefings and reports"};
  app.set_version_flag("--version", "sitmap " SITMAP_VERSION);
  std::vector<std::string> viewInputs;
  app.add_option("inputs", viewInputs, "A scene (.json) or data files to open; default: the northern-Mali scene");
  std::string windowSize, screenshotPath;
  app.add_option("--window", windowSize, "Viewer window size WIDTHxHEIGHT");
  app.add_option("--screenshot", screenshotPath, "Open the viewer, save its F12 screenshot to this PNG once drawn, and quit");

  auto* render = app.add_subcommand("render", "Render a scene or files to a PNG, with no display needed");
  std::vector<std::string> renderInputs;
  std::string output, size = "1920x1080", bbox, crs;
  double scale = 1;
  bool noFurniture = false, overwrite = false;
  render->add_option("inputs", renderInputs, "A scene (.json) or data files, first drawn at the bottom");
  render->add_option("-o,--output", output, "PNG file to write")->required();
  render->add_option("--size", size, "Image size WIDTHxHEIGHT in pixels (times --scale); beyond 1920x1080 text and lines grow with it")->capture_default_str();
  render->add_option("--scale", scale, "Pixel density: 2 doubles pixels, line widths and text")->capture_default_str();
  render->add_option("--bbox", bbox, "Area to show, W,S,E,N in degrees (widened to the image's aspect)");
  render->add_option("--crs", crs, "Display CRS, e.g. EPSG:32631");
  render->add_flag("--no-furniture", noFurniture, "Leave out title, scale bar and attribution");
  render->add_flag("--overwrite", overwrite, "Replace OUT.png if it exists");
  EventFilterOptions renderFilter;
  renderFilter.addTo(*render);
  std::string renderTime;
  int renderWindow = -1;  // -1: the scene's
  render->add_option("--time", renderTime, "Draw the scene at this UTC time (control, convoys, incident window)");
  render->add_option("--window-days", renderWindow, "With --time: incidents of the last N days, fading with age");
  std::string renderTitle, renderBanner;
  bool renderNorthArrow = true;  // a report map carries one unless told not to
  render->add_option("--title", renderTitle, "Title drawn on the map (replaces the scene's)");
  std::string renderSubtitle, renderBookmark;
  render->add_option("--subtitle", renderSubtitle, "Subtitle under the title");
  render->add_option("--bookmark", renderBookmark, "Render a scene bookmark: its view, clock, filter and layers");
  render->add_option("--banner", renderBanner, "Classification or handling text at the top and bottom edges");
  render->add_flag("--north-arrow,!--no-north-arrow", renderNorthArrow, "Draw a north arrow (the default; --no-north-arrow leaves it out)");
  std::string renderAuthor;
  bool renderDisclaimer = false;
  render->add_option("--author", renderAuthor, "Who made the map: \"Map: AUTHOR, <today>\" above the credits, and the PNG's Author");
  render->add_flag("--disclaimer", renderDisclaimer, "Add the boundary disclaimer above the credits");
  bool renderGraticule = false;
  render->add_flag("--graticule", renderGraticule, "Draw meridians and parallels, labelled at the edges");
  bool renderHighContrast = false;
  render->add_flag("--high-contrast", renderHighContrast, "White ground, pale fills, black lines and labels (projectors)");

  auto* info = app.add_subcommand("info", "Describe raster and vector files as sitmap sees them");
  std::vector<std::string> infoFiles;
  info->add_option("files", infoFiles, "Files to describe")->required();

  auto* events = app.add_subcommand("events", "Filter an ACLED CSV: count, or export the matching events");
  std::string eventsFile, csvOut, geojsonOut;
  bool countOnly = false, exportOverwrite = false;
  EventFilterOptions eventsFilter;
  std::string eventsLayer;
  std::vector<std::string> eventsFields;
  events->add_option("file", eventsFile, "ACLED CSV export, or any OGR point source (GeoPackage, PG:... connection)")->required();
  events->add_option("--layer", eventsLayer, "Layer or table of a non-CSV source (default: its first)");
  events->add_option("--field", eventsFields, "ROLE=COLUMN for a non-CSV source, e.g. date=when (repeatable)");
  eventsFilter.addTo(*events);
  events->add_flag("--count", countOnly, "Print events=N fatalities=M");
  events->add_option("--csv", csvOut, "Write the matching rows as CSV, in the input's layout");
  events->add_option("--geojson", geojsonOut, "Write the matching events as GeoJSON points");
  events->add_flag("--overwrite", exportOverwrite, "Replace the output file if it exists");

  auto* track = app.add_subcommand("track", "Where a convoy is at a time: lat, lon, km done and total, heading, status");
  std::string trackInput, trackRoute, trackConvoy, trackAt;
  track->add_option("input", trackInput, "A scene, a GPX track with times, or a waypoint CSV (with --route)")->required();
  track->add_option("--route", trackRoute, "Route line (any OGR line layer) for a waypoint CSV");
  track->add_option("--convoy", trackConvoy, "Which of the scene's convoys (default: the first)");
  track->add_option("--at", trackAt, "UTC time, e.g. 2023-11-04T12:00Z")->required();

  auto* control = app.add_subcommand("control", "Control features valid at a time: name, actor, status, from, to");
  std::string controlInput, controlAt;
  control->add_option("input", controlInput, "A control layer (any OGR layer) or a scene")->required();
  control->add_option("--at", controlAt, "UTC time, e.g. 2023-11-04T12:00Z")->required();

  auto* frames = app.add_subcommand("frames", "Render the clock running as numbered PNGs (or an MP4 with ffmpeg)");
  FramesRequest framesRequest;
  std::string framesSize = "1920x1080";
  int framesWindow = -1;
  frames->add_option("scene", framesRequest.scene, "Scene (.json)")->required();
  frames->add_option("--from", framesRequest.from, "First frame's UTC time")->required();
  frames->add_option("--to", framesRequest.to, "Last frame's UTC time (inclusive)")->required();
  frames->add_option("--step", framesRequest.step, "Clock time between frames: 30m, 6h, 1d ...");
  frames->add_option("--fps", framesRequest.fps, "Frames per second of the video (with --speed)");
  frames->add_option("--speed", framesRequest.speed, "Clock time per second of video, e.g. 1d");
  frames->add_option("-o,--output", framesRequest.output, "Folder for frame-00001.png ..., or OUT.mp4")->required();
  frames->add_option("--size", framesSize, "Frame size WIDTHxHEIGHT; beyond 1920x1080 text and lines grow with it")->capture_default_str();
  frames->add_option("--scale", framesRequest.render.scale, "Pixel density");
  frames->add_option("--window-days", framesWindow, "Incidents of the last N days, fading");
  frames->add_flag("--overwrite", framesRequest.overwrite, "Replace existing frames or video");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (*render) return runRender(renderInputs, output, size, scale, bbox, crs, noFurniture, overwrite, renderFilter, renderTime,
                                renderWindow, renderTitle, renderBanner, renderNorthArrow,
                                renderSubtitle, renderBookmark, renderHighContrast, renderAuthor, renderDisclaimer,
                                renderGraticule);
  if (*info) return runInfo(infoFiles);
  if (*frames) {
    auto parsed = parseSize(framesSize);
    if (!parsed) return fail(kExitUsage, "--size must be WIDTHxHEIGHT, e.g. 1920x1080");
    std::tie(framesRequest.render.width, framesRequest.render.height) = *parsed;
    framesRequest.render.northArrow = true;  // exported frames carry one, as render's and screenshots do
    if (framesWindow >= 0) framesRequest.render.windowDays = framesWindow;
    return runFrames(framesRequest);
  }
  if (*track) return runTrack(trackInput, trackRoute, trackConvoy, trackAt);
  if (*control) return runControl(controlInput, controlAt);
  if (*events) return runEvents(eventsFile, eventsLayer, eventsFields, eventsFilter, countOnly, csvOut, geojsonOut, exportOverwrite);
  auto opened = sceneFromArguments(viewInputs);
  if (!opened) return fail(kExitBadInput, opened.error());
  ViewerOptions viewer;
  viewer.scenePath = opened->scenePath;  // Ctrl+S saves over a scene file only, never over a data file
  viewer.sceneReadOnly = viewInputs.empty();  // nor over the bundled default scene, which ships with sitmap
  if (!windowSize.empty()) {
    auto parsed = parseSize(windowSize);
    if (!parsed) return fail(kExitUsage, "--window must be WIDTHxHEIGHT, e.g. 1600x900");
    std::tie(viewer.windowWidth, viewer.windowHeight) = *parsed;
    viewer.maximised = false;
  }
  viewer.screenshotPath = screenshotPath;
  return runViewer(std::move(opened->scene), viewer);
}
