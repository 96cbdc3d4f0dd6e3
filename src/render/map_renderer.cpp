// Map drawing: premultiplied-alpha blending throughout; polygons arrive triangulated from the loader.
#include "core/symbology.hpp"
#include "render/map_renderer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <set>

#include "core/event_bins.hpp"
#include "core/label_placer.hpp"
#include "core/text.hpp"
#include "render/event_layer_gpu.hpp"
#include "render/overlay_painter.hpp"
#include "render/raster_tile_cache.hpp"
#include "render/shader_program.hpp"
#include "render/vector_layer_gpu.hpp"

namespace sitmap {

struct MapRenderer::VectorEntry {
  std::shared_ptr<const VectorData> data;
  std::unique_ptr<VectorLayerGpu> gpu;
};

struct MapRenderer::RasterEntry {
  TileGrid grid;
  std::unique_ptr<RasterTileCache> cache;
  bool overviewFirst = false;
};

struct MapRenderer::FurnitureLayout {
  struct Text {
    std::string text;
    Vec2 topLeft;
    TextStyle style;
  };
  std::vector<std::pair<Bbox, Rgba>> rects;  // drawn in order, below the texts
  std::vector<std::array<Vec2, 3>> triangles;  // dark glyphs (the north arrow)
  std::vector<std::pair<std::array<Vec2, 3>, Rgba>> shapes;  // coloured legend symbols (the size key's circles)
  std::vector<Text> texts;
  std::vector<Bbox> boxes;  // the areas furniture covers, kept free of labels
};

namespace {

// Furniture keeps its size in pixels on large maps but shrinks on small ones (a 640 x 360 thumbnail would
// otherwise be half legend).
float furnitureScale(const MapFrame& frame) {
  const double logicalWidth = double(frame.view.widthPx()) / frame.pixelScale;
  const double logicalHeight = double(frame.view.heightPx()) / frame.pixelScale;
  return frame.pixelScale * float(std::clamp(std::min(logicalWidth / 1280.0, logicalHeight / 720.0), 0.55, 1.0));
}

Rgba withOpacity(Rgba c, float opacity) {
  c.a *= opacity;
  return c;
}

void setColour(ShaderProgram& program, const char* name, const Rgba& c) {
  glUniform4f(program.uniform(name), c.r * c.a, c.g * c.a, c.b * c.a, c.a);
}

Bbox tileOf(const MapFrame& frame) {
  return frame.tile.value_or(Bbox{0, 0, double(frame.view.widthPx()), double(frame.view.heightPx())});
}

void setTile(ShaderProgram& program, const MapFrame& frame) {
  const Bbox tile = tileOf(frame);
  glUniform4f(program.uniform("u_tile"), float(tile.minX), float(tile.minY), float(tile.width()), float(tile.height()));
}

// Uniforms shared by the world-space programs.
void setWorldUniforms(ShaderProgram& program, const MapFrame& frame, Vec2 origin) {
  const Viewport& view = frame.view;
  const Vec2 offset = origin - view.centre();
  glUniform2f(program.uniform("u_offset"), float(offset.x), float(offset.y));
  glUniform1f(program.uniform("u_unitsPerPixel"), float(view.unitsPerPixel()));
  glUniform2f(program.uniform("u_viewport"), float(view.widthPx()), float(view.heightPx()));
  setTile(program, frame);
}

// A dashed polyline in screen pixels: `dash` drawn, `gap` left, the pattern running on across its vertices.
void dashedLine(OverlayPainter& overlay, const std::vector<Vec2>& points, double width, const Rgba& colour, double dash,
                double gap) {
  double phase = 0;
  for (size_t i = 1; i < points.size(); ++i) {
    const Vec2 a = points[i - 1], b = points[i];
    const double length = std::hypot(b.x - a.x, b.y - a.y);
    for (double at = 0; at < length;) {
      const double inPattern = std::fmod(phase + at, dash + gap);
      const double step = std::min(length - at, inPattern < dash ? dash - inPattern : dash + gap - inPattern);
      if (inPattern < dash) overlay.line(a + (b - a) * (at / length), a + (b - a) * ((at + step) / length), width, colour);
      at += step;
    }
    phase += length;
  }
}

}  // namespace

MapRenderer::MapRenderer() = default;

MapRenderer::~MapRenderer() {
  m_zones.clear();
  m_vectors.clear();
  m_rasters.clear();
  m_events.clear();
  glDeleteVertexArrays(1, &m_quadVao);
  glDeleteBuffers(1, &m_quadVbo);
}

Result<std::unique_ptr<MapRenderer>> MapRenderer::create() {
  std::unique_ptr<MapRenderer> renderer(new MapRenderer());
  const std::pair<const char*, std::unique_ptr<ShaderProgram>*> programs[] = {
      {"fill", &renderer->m_fill},     {"line", &renderer->m_line}, {"point", &renderer->m_point},
      {"raster", &renderer->m_raster}, {"event", &renderer->m_event}};
  for (auto& [name, slot] : programs) {
    auto program = ShaderProgram::build(std::string(name) + ".vert", std::string(name) + ".frag");
    if (!program) return Error{program.error()};
    *slot = std::make_unique<ShaderProgram>(std::move(*program));
  }
  auto overlay = OverlayPainter::create();
  if (!overlay) return Error{overlay.error()};
  renderer->m_overlay = std::move(*overlay);
  // A dynamic quad for raster tiles: position.xy, uv.xy per vertex.
  glGenVertexArrays(1, &renderer->m_quadVao);
  glGenBuffers(1, &renderer->m_quadVbo);
  glBindVertexArray(renderer->m_quadVao);
  glBindBuffer(GL_ARRAY_BUFFER, renderer->m_quadVbo);
  glBufferData(GL_ARRAY_BUFFER, 16 * sizeof(float), nullptr, GL_STREAM_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), reinterpret_cast<void*>(2 * sizeof(float)));
  glBindVertexArray(0);
  return renderer;
}

LayerId MapRenderer::addVectorLayer(std::shared_ptr<const VectorData> data) {
  auto entry = std::make_unique<VectorEntry>();
  entry->gpu = std::make_unique<VectorLayerGpu>(*data);
  entry->data = std::move(data);
  const LayerId id = m_nextId++;
  m_vectors.emplace(id, std::move(entry));
  return id;
}

LayerId MapRenderer::addRasterLayer(const TileGrid& grid, bool overviewFirst, size_t tileCapacity) {
  const LayerId id = m_nextId++;
  m_rasters.emplace(id, std::make_unique<RasterEntry>(
                            RasterEntry{grid, std::make_unique<RasterTileCache>(tileCapacity), overviewFirst}));
  return id;
}

LayerId MapRenderer::addEventLayer(std::shared_ptr<const EventLayerData> data) {
  const LayerId id = m_nextId++;
  m_events.emplace(id, std::make_unique<EventLayerGpu>(std::move(data)));
  return id;
}

void MapRenderer::setEventSelection(LayerId layer, const std::vector<uint32_t>& events) {
  if (auto it = m_events.find(layer); it != m_events.end()) it->second->setSelection(events);
}

void MapRenderer::removeLayer(LayerId id) {
  m_vectors.erase(id);
  m_rasters.erase(id);
  m_events.erase(id);
}

void MapRenderer::addTile(LayerId layer, const TileKey& key, const RgbaImage& image) {
  if (auto it = m_rasters.find(layer); it != m_rasters.end()) it->second->cache->insert(key, image);
}

RenderReport MapRenderer::render(const MapFrame& frame) {
  RenderReport report;
  const Bbox tile = tileOf(frame);
  glViewport(0, 0, int(tile.width()), int(tile.height()));
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  const Rgba bg = frame.highContrast ? Rgba{1, 1, 1, 1} : frame.background;
  glClearColor(bg.r * bg.a, bg.g * bg.a, bg.b * bg.a, bg.a);
  glClear(GL_COLOR_BUFFER_BIT);

  m_binLabels.clear();
  // Control markers lie under the incidents (which tell what happened there), over the basemap.
  bool controlsDrawn = false;
  auto drawControlsOnce = [&] {
    if (controlsDrawn) return;
    controlsDrawn = true;
    // Zones first (areas), then the markers of held places on top of them.
    decltype(m_zones) kept;
    for (const ControlZoneDraw& zone : frame.controlZones) {
      auto it = m_zones.find(zone.shape.get());
      if (it == m_zones.end()) {
        auto entry = std::make_unique<VectorEntry>();
        entry->gpu = std::make_unique<VectorLayerGpu>(*zone.shape);
        entry->data = zone.shape;
        it = m_zones.emplace(zone.shape.get(), std::make_pair(zone.shape, std::move(entry))).first;
      }
      LayerDraw draw;
      draw.vector = zone.style;
      drawVector(*it->second.second, draw, frame);
      kept.insert(m_zones.extract(it));
    }
    m_zones.swap(kept);
    drawControlMarkers(frame);
    m_overlay->flush(tile);
  };
  for (const LayerDraw& draw : frame.layers) {
    if (auto v = m_vectors.find(draw.id); v != m_vectors.end()) {
      drawVector(*v->second, draw, frame);
    } else if (auto r = m_rasters.find(draw.id); r != m_rasters.end()) {
      drawRaster(*r->second, draw, frame, report);
    } else if (auto e = m_events.find(draw.id); e != m_events.end()) {
      drawControlsOnce();
      drawEvents(*e->second, draw, frame, report);
    }
  }
  drawControlsOnce();
  const FurnitureLayout furniture = layoutFurniture(frame);
  const std::vector<Bbox> graticuleLabels = drawGraticule(frame, furniture.boxes);
  drawFilterShapes(frame);
  drawRouteRisk(frame);
  std::vector<Bbox> keepClear = furniture.boxes;
  keepClear.insert(keepClear.end(), graticuleLabels.begin(), graticuleLabels.end());
  const std::vector<Bbox> tallies = drawVagueIncidents(frame, furniture.boxes);
  keepClear.insert(keepClear.end(), tallies.begin(), tallies.end());
  drawConvoys(frame, furniture.boxes);
  report.labelsPlaced = drawLabels(frame, keepClear);
  drawBinCounts(frame, keepClear);
  drawFurniture(furniture);
  m_overlay->flush(tile);
  return report;
}

static VectorStyle highContrastStyle(VectorStyle style) {
  const float keep = 0.35f;  // fills keep a third of their colour over white
  style.fill = {1 - (1 - style.fill.r) * keep, 1 - (1 - style.fill.g) * keep, 1 - (1 - style.fill.b) * keep, style.fill.a};
  // Grey lines (borders, boundaries) go black; coloured ones (rivers, routes, zones' holders) keep their colour.
  const float saturation = std::max({style.stroke.r, style.stroke.g, style.stroke.b}) - std::min({style.stroke.r, style.stroke.g, style.stroke.b});
  if (saturation < 0.15f) style.stroke = {0, 0, 0, style.stroke.a};
  style.strokeWidth *= 1.5f;
  style.labelColour = {0, 0, 0, 1};
  style.haloColour = {1, 1, 1, 1};
  return style;
}

void MapRenderer::drawVector(VectorEntry& layer, const LayerDraw& draw, const MapFrame& frame) {
  const Viewport& view = frame.view;
  if (!layer.gpu->bounds().intersects(view.visibleBounds())) return;
  const VectorStyle style = frame.highContrast ? highContrastStyle(draw.vector) : draw.vector;
  const Vec2 origin = layer.gpu->origin();

  if (style.filled && layer.gpu->fillIndexCount() > 0) {
    m_fill->use();
    setWorldUniforms(*m_fill, frame, origin);
    setColour(*m_fill, "u_colour", withOpacity(style.fill, draw.opacity));
    glUniform1f(m_fill->uniform("u_hatch"), style.hatched ? 10.0f * frame.pixelScale : 0.0f);
    setColour(*m_fill, "u_hatchColour", withOpacity(style.hatchColour, draw.opacity));
    // gl_FragCoord counts from the tile's bottom-left; the whole image's from its own.
    const Bbox tile = tileOf(frame);
    glUniform1f(m_fill->uniform("u_hatchOffset"), float(tile.minX + double(frame.view.heightPx()) - tile.maxY));
    glBindVertexArray(layer.gpu->fillVao());
    glDrawElements(GL_TRIANGLES, layer.gpu->fillIndexCount(), GL_UNSIGNED_INT, nullptr);
  }

  if (style.strokeWidth > 0 && layer.gpu->segmentCount() > 0) {
    m_line->use();
    setWorldUniforms(*m_line, frame, origin);
    const float halfWidth = style.strokeWidth * frame.pixelScale / 2;
    glUniform1f(m_line->uniform("u_halfWidth"), halfWidth);
    const float dash = style.dashed ? 6 * frame.pixelScale * std::max(1.0f, style.strokeWidth / 2) : 0;
    glUniform2f(m_line->uniform("u_dash"), dash, dash * 0.6f);
    setColour(*m_line, "u_colour", withOpacity(style.stroke, draw.opacity));
    glBindVertexArray(layer.gpu->lineVao());
    glDrawArraysInstanced(GL_TRIANGLES, 0, 6, layer.gpu->segmentCount());
  }

  if (style.pointSize > 0 && layer.gpu->pointCount() > 0) {
    glEnable(GL_PROGRAM_POINT_SIZE);
    m_point->use();
    setWorldUniforms(*m_point, frame, origin);
    glUniform1f(m_point->uniform("u_diameter"), style.pointSize * frame.pixelScale);
    glUniform1f(m_point->uniform("u_outlineWidth"), std::max(1.0f, style.strokeWidth) * frame.pixelScale);
    setColour(*m_point, "u_fill", withOpacity(style.pointFill, draw.opacity));
    setColour(*m_point, "u_outline", withOpacity(style.stroke, draw.opacity));
    glBindVertexArray(layer.gpu->pointVao());
    glDrawArrays(GL_POINTS, 0, layer.gpu->pointCount());
  }
  glBindVertexArray(0);
}

void MapRenderer::drawRaster(RasterEntry& layer, const LayerDraw& draw, const MapFrame& frame, RenderReport& report) {
  const Viewport& view = frame.view;
  const TileGrid& grid = layer.grid;
  const Bbox visible = view.visibleBounds();
  const int level = grid.levelFor(view.unitsPerPixel());
  const size_t firstMissing = report.missingTiles.size();  // this layer's requests start here
  std::vector<std::pair<TileKey, GLuint>> ready;
  std::vector<std::pair<TileKey, GLuint>> stand_ins;  // coarser tiles shown until the right ones arrive
  for (const TileKey& key : grid.tilesCovering(visible, level)) {
    if (GLuint texture = layer.cache->find(key)) {
      ready.emplace_back(key, texture);
      continue;
    }
    report.missingTiles.push_back({draw.id, key});
    for (auto ancestor = grid.parent(key); ancestor; ancestor = grid.parent(*ancestor)) {
      if (GLuint texture = layer.cache->find(*ancestor)) {
        if (std::none_of(stand_ins.begin(), stand_ins.end(), [&](auto& s) { return s.first == *ancestor; }))
          stand_ins.emplace_back(*ancestor, texture);
        break;
      }
    }
  }
  // Nothing cached to stand in: ask for the one tile holding the whole raster first, so a coarse picture
  // shows almost at once while the sharp tiles load.
  const TileKey overview{grid.maxLevel(), 0, 0};
  if (layer.overviewFirst && report.missingTiles.size() > firstMissing && stand_ins.empty() && !layer.cache->contains(overview) &&
      std::none_of(ready.begin(), ready.end(), [&](auto& r) { return r.first == overview; }))
    report.missingTiles.insert(report.missingTiles.begin() + long(firstMissing), MissingTile{draw.id, overview});
  std::sort(stand_ins.begin(), stand_ins.end(), [](auto& a, auto& b) { return a.first.level > b.first.level; });
  m_raster->use();
  setTile(*m_raster, frame);
  glUniform1f(m_raster->uniform("u_opacity"), draw.opacity);
  glUniform1f(m_raster->uniform("u_saturation"), draw.saturation);
  glUniform1f(m_raster->uniform("u_lightness"), draw.lightness);
  glUniform1i(m_raster->uniform("u_texture"), 0);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(m_quadVao);
  glBindBuffer(GL_ARRAY_BUFFER, m_quadVbo);
  for (const auto* list : {&stand_ins, &ready}) {
    for (const auto& [key, texture] : *list) {
      const Bbox b = grid.tileBounds(key);
      const Vec2 tl = view.worldToScreen({b.minX, b.maxY});
      const Vec2 br = view.worldToScreen({b.maxX, b.minY});
      const float quad[] = {float(tl.x), float(tl.y), 0, 0, float(br.x), float(tl.y), 1, 0,
                            float(br.x), float(br.y), 1, 1, float(tl.x), float(br.y), 0, 1};
      glBufferSubData(GL_ARRAY_BUFFER, 0, sizeof quad, quad);
      glBindTexture(GL_TEXTURE_2D, texture);
      glDrawArrays(GL_TRIANGLE_FAN, 0, 4);
    }
  }
  glBindVertexArray(0);
}

void MapRenderer::drawEvents(EventLayerGpu& layer, const LayerDraw& draw, const MapFrame& frame, RenderReport& report) {
  const Viewport& view = frame.view;
  const std::vector<uint32_t>& selection = layer.selection();
  if (selection.empty()) return;
  glEnable(GL_PROGRAM_POINT_SIZE);
  m_event->use();
  glUniform1f(m_event->uniform("u_unitsPerPixel"), float(view.unitsPerPixel()));
  glUniform2f(m_event->uniform("u_viewport"), float(view.widthPx()), float(view.heightPx()));
  setTile(*m_event, frame);
  glUniform1f(m_event->uniform("u_scale"), frame.pixelScale);
  glUniform1f(m_event->uniform("u_opacity"), draw.opacity);
  // Without a window every selected event shows; with one, events fade over the window after their day.
  const int32_t nowDay = frame.eventWindow ? frame.eventWindow->nowDay : 0;
  glUniform1f(m_event->uniform("u_nowDay"), float(nowDay));
  glUniform1f(m_event->uniform("u_windowDays"), frame.eventWindow ? float(frame.eventWindow->days) : 0.0f);
  float colours[3 * kEventCategoryCount];
  for (int c = 0; c < kEventCategoryCount; ++c) {
    const Rgba rgba = categoryColour(EventCategory(c));
    colours[3 * c] = rgba.r, colours[3 * c + 1] = rgba.g, colours[3 * c + 2] = rgba.b;
  }
  glUniform3fv(m_event->uniform("u_categoryColours"), kEventCategoryCount, colours);
  const Vec2 offset = layer.origin() - view.centre();
  glUniform2f(m_event->uniform("u_offset"), float(offset.x), float(offset.y));
  // The cap is for an event's own symbol; bins grow with their count and hexagons have one size.
  glUniform1f(m_event->uniform("u_maxDiameter"), draw.events == EventDrawing::Points ? draw.maxSymbolPx : 0.0f);
  if (draw.events == EventDrawing::Bins) {
    report.eventsAggregated = true;
    const std::vector<EventBin> bins =
        binEvents(layer.data().positions, *layer.data().table, selection, view, kBinCellPx * frame.pixelScale);
    layer.uploadBins(bins, view, nowDay);
    glUniform1i(m_event->uniform("u_shape"), 1);
    glBindVertexArray(layer.binVao());
    glDrawArrays(GL_POINTS, 0, GLsizei(bins.size()));
    for (const EventBin& bin : bins)
      if (bin.count > 1) m_binLabels.emplace_back(bin.centre, bin.count);
  } else if (draw.events == EventDrawing::Density) {
    report.eventsAggregated = true;
    const std::vector<DensityCell> cells = hexbinEvents(layer.data().positions, selection, view, kDensityRadiusPx * frame.pixelScale);
    layer.uploadDensity(cells, view, kDensityRadiusPx, nowDay);
    glUniform1i(m_event->uniform("u_shape"), 2);
    glBindVertexArray(layer.binVao());
    glDrawArrays(GL_POINTS, 0, GLsizei(cells.size()));
  } else {
    glUniform1i(m_event->uniform("u_shape"), 0);
    glBindVertexArray(layer.vao());
    glDrawElements(GL_POINTS, GLsizei(selection.size()), GL_UNSIGNED_INT, nullptr);
  }
  glBindVertexArray(0);
  if (frame.highlight && m_events.count(frame.highlight->layer) && m_events.at(frame.highlight->layer).get() == &layer) {
    const Vec2 p = view.worldToScreen(layer.data().positions[frame.highlight->event]);
    const double r = 14 * frame.pixelScale, w = 2.5 * frame.pixelScale;
    // A dark square frame: visible on any symbol colour.
    m_overlay->frame({p.x - r, p.y - r, p.x + r, p.y + r}, w, {0.05f, 0.05f, 0.05f, 1});
  }
}

void MapRenderer::drawControlMarkers(const MapFrame& frame) {
  const Viewport& view = frame.view;
  const float s = frame.pixelScale;
  // Square frames in the holder's colour, so an incident at the same town stays visible in the middle:
  // control = thick frame on a light fill, influence = light fill only, contested/raid = thin frame,
  // claimed = dashed frame.
  for (const ControlMarker& marker : frame.controls) {
    const Vec2 p = view.worldToScreen(marker.position);
    const double r = (marker.style == ControlMarker::Style::Light ? 13 : 10) * s;
    const Bbox box{p.x - r, p.y - r, p.x + r, p.y + r};
    const Rgba light{marker.colour.r, marker.colour.g, marker.colour.b, 0.3f};
    if (marker.justChanged) {  // a change the clock just crossed: a bright frame around the marker
      const double g = 5 * s;
      m_overlay->frame({box.minX - g, box.minY - g, box.maxX + g, box.maxY + g}, 2.5 * s, symbology::kJustChanged);
    }
    if (marker.style == ControlMarker::Style::Solid || marker.style == ControlMarker::Style::Light) m_overlay->rect(box, light);
    if (marker.style == ControlMarker::Style::Light) continue;
    const double t = (marker.style == ControlMarker::Style::Solid ? 3.0 : 1.8) * s;
    const double inset = marker.style == ControlMarker::Style::Dashed ? r * 0.55 : 0;  // dashed: sides' middles only
    m_overlay->frame(box, t, marker.colour, inset);
  }
}

std::vector<Bbox> MapRenderer::drawGraticule(const MapFrame& frame, const std::vector<Bbox>& obstacles) {
  const Viewport& view = frame.view;
  const float s = frame.pixelScale;
  const Rgba line = frame.highContrast ? Rgba{0, 0, 0, 0.5f} : Rgba{0.2f, 0.2f, 0.25f, 0.35f};
  const TextStyle text{10 * s, {0.15f, 0.15f, 0.2f, 1}, {1, 1, 1, 0.85f}, 2 * s, false};
  const double w = view.widthPx(), h = view.heightPx(), inset = 3 * s;
  std::vector<Bbox> labels;
  for (const GraticuleLine& g : frame.graticule) {
    std::vector<Vec2> screen;
    for (const Vec2& p : g.points) screen.push_back(view.worldToScreen(p));
    // A whole pixel wide: thinner quads (no antialiasing here) miss pixel centres and break into dashes.
    for (size_t i = 1; i < screen.size(); ++i) m_overlay->line(screen[i - 1], screen[i], 1.0 * s, line);
    // Where it leaves the image: a meridian through the bottom edge, a parallel through the left one.
    for (size_t i = 1; i < screen.size(); ++i) {
      const Vec2 a = screen[i - 1], b = screen[i];
      const double edge = g.meridian ? h : 0, from = g.meridian ? a.y : a.x, to = g.meridian ? b.y : b.x;
      if ((from - edge) * (to - edge) > 0 || from == to) continue;
      const double t = (edge - from) / (to - from);
      const double along = g.meridian ? a.x + t * (b.x - a.x) : a.y + t * (b.y - a.y);
      if (along < 0 || along > (g.meridian ? w : h)) break;
      const std::string label = graticuleLabel(g.degrees, g.meridian);
      const Vec2 size = m_overlay->measure(label, text);
      const Vec2 topLeft = g.meridian ? Vec2{along - size.x / 2, h - inset - size.y} : Vec2{inset, along - size.y / 2};
      const Bbox box{topLeft.x - 2 * s, topLeft.y - 2 * s, topLeft.x + size.x + 2 * s, topLeft.y + size.y + 2 * s};
      const bool clear = box.minX >= 0 && box.maxX <= w && box.minY >= 0 && box.maxY <= h &&
                         std::none_of(obstacles.begin(), obstacles.end(), [&](const Bbox& o) { return o.intersects(box); }) &&
                         std::none_of(labels.begin(), labels.end(), [&](const Bbox& o) { return o.intersects(box); });
      if (clear) {
        m_overlay->text(label, topLeft, text);
        labels.push_back(box);
      }
      break;
    }
  }
  return labels;
}

void MapRenderer::drawFilterShapes(const MapFrame& frame) {
  // A white casing under a magenta line: the selection reads on relief, zones and water alike, and no layer
  // or actor uses the colour.
  const float s = frame.pixelScale;
  for (const MapFrame::FilterShape& shape : frame.filterShapes)
    for (const auto& ring : shape.rings)
      for (const auto& [width, colour] : {std::pair{5.0 * s, Rgba{1, 1, 1, 0.9f}}, std::pair{2.5 * s, symbology::kFilterShape}})
        for (size_t i = 0; i < ring.size(); ++i)
          m_overlay->line(frame.view.worldToScreen(ring[i]), frame.view.worldToScreen(ring[(i + 1) % ring.size()]), width, colour);
}

void MapRenderer::drawRouteRisk(const MapFrame& frame) {
  const Viewport& view = frame.view;
  // Risk under the route: pale yellow (no incident nearby) to dark red (the most incidents of any segment).
  for (const ConvoyOverlay& convoy : frame.convoys)
    for (const auto& [points, level] : convoy.riskSegments) {
      const Rgba colour = symbology::routeRiskColour(level);
      for (size_t i = 1; i < points.size(); ++i)
        m_overlay->line(view.worldToScreen(points[i - 1]), view.worldToScreen(points[i]), 9 * frame.pixelScale, colour);
    }
}

std::vector<Bbox> MapRenderer::drawVagueIncidents(const MapFrame& frame, const std::vector<Bbox>& obstacles) {
  const Viewport& view = frame.view;
  const float s = frame.pixelScale;
  // A broad band along the stretch, closed by a bar across each end: "somewhere between here and there",
  // never a point on it. Over the route-risk band, under the convoy.
  for (const IncidentStretch& stretch : frame.incidentStretches) {
    std::vector<Vec2> screen;
    for (const Vec2& p : stretch.points) screen.push_back(view.worldToScreen(p));
    for (size_t i = 1; i < screen.size(); ++i) m_overlay->line(screen[i - 1], screen[i], 14 * s, stretch.colour);
    Rgba bar = stretch.colour;
    bar.a = std::min(1.0f, bar.a * 2);
    for (const auto& [end, next] : {std::pair{screen.front(), screen[1]}, std::pair{screen.back(), screen[screen.size() - 2]}}) {
      const double length = std::hypot(next.x - end.x, next.y - end.y);
      if (length <= 0) continue;
      const Vec2 across{-(next.y - end.y) / length * 10 * s, (next.x - end.x) / length * 10 * s};
      m_overlay->line(end - across, end + across, 3 * s, bar);
    }
  }
  // Tallies hang below the region's reference point on a short leader, boxed with a broken edge like the
  // legend's key, so they read as a count for the region rather than a place. Where that spot is taken (another
  // tally, the furniture) they go right, left or above instead; with no free spot they keep the first, since a
  // hidden tally would hide its incidents. The boxes are returned so that place labels keep clear of them.
  const TextStyle text{11 * s, {0.15f, 0.15f, 0.15f, 1}, {1, 1, 1, 0}, 0, false};
  std::vector<Bbox> taken = obstacles;
  std::vector<Bbox> boxes;
  for (const RegionTally& tally : frame.regionTallies) {
    const Vec2 anchor = view.worldToScreen(tally.anchor);
    const Vec2 size = m_overlay->measure(tally.text, text);
    const double pad = 4 * s, w = size.x + 2 * pad, h = size.y + 2 * pad, gap = 22 * s;
    const Bbox spots[] = {{anchor.x - w / 2, anchor.y + gap, anchor.x + w / 2, anchor.y + gap + h},
                          {anchor.x + gap, anchor.y - h / 2, anchor.x + gap + w, anchor.y + h / 2},
                          {anchor.x - gap - w, anchor.y - h / 2, anchor.x - gap, anchor.y + h / 2},
                          {anchor.x - w / 2, anchor.y - gap - h, anchor.x + w / 2, anchor.y - gap}};
    const auto free = [&](const Bbox& spot) {
      return std::none_of(taken.begin(), taken.end(), [&](const Bbox& t) { return t.intersects(spot); });
    };
    const Bbox* chosen = std::find_if(std::begin(spots), std::end(spots), free);
    const Bbox box = chosen == std::end(spots) ? spots[0] : *chosen;
    taken.push_back(box);
    boxes.push_back(box);
    // The leader runs from the reference point to the box's nearest edge.
    const Vec2 end{std::clamp(anchor.x, box.minX, box.maxX), std::clamp(anchor.y, box.minY, box.maxY)};
    m_overlay->line(anchor, end, 1 * s, {0.3f, 0.3f, 0.3f, 0.8f});
    m_overlay->rect(box, {1, 1, 1, 0.85f});
    for (double y : {box.minY, box.maxY})  // dashed top and bottom edges
      dashedLine(*m_overlay, {{box.minX, y}, {box.maxX, y}}, 1 * s, {0.3f, 0.3f, 0.3f, 1}, 3.5 * s, 2.5 * s);
    m_overlay->text(tally.text, {box.minX + pad, box.minY + pad}, text);
  }
  return boxes;
}

void MapRenderer::drawConvoys(const MapFrame& frame, const std::vector<Bbox>& obstacles) {
  const Viewport& view = frame.view;
  const float s = frame.pixelScale;
  // Rings around incidents the convoys passed: one per few pixels at most, however many incidents share a
  // place (a town's dozens of events, or many convoys on one road); bright ones claim their place first.
  std::set<std::pair<int, int>> ringed;
  auto claim = [&](Vec2 screen, double radius) {
    if (screen.x < -radius || screen.y < -radius || screen.x > view.widthPx() + radius || screen.y > view.heightPx() + radius)
      return false;
    return ringed.insert({int(std::floor(screen.x / (4 * s))), int(std::floor(screen.y / (4 * s)))}).second;
  };
  auto ring = [&](Vec2 screen, double radius, double width, const Rgba& colour) {
    constexpr int kSides = 20;
    for (int i = 0; i < kSides; ++i) {
      const double a0 = 2 * std::numbers::pi * i / kSides, a1 = 2 * std::numbers::pi * (i + 1) / kSides;
      m_overlay->line(screen + Vec2{std::cos(a0), std::sin(a0)} * radius, screen + Vec2{std::cos(a1), std::sin(a1)} * radius,
                      width, colour);
    }
  };
  for (const ConvoyOverlay& convoy : frame.convoys)
    for (const Vec2& at : convoy.justReached)
      if (const Vec2 c = view.worldToScreen(at); claim(c, 15 * s)) {
        ring(c, 15 * s, 5 * s, {1, 1, 1, 0.9f});
        ring(c, 15 * s, 3 * s, symbology::kJustReachedRing);
      }
  for (const ConvoyOverlay& convoy : frame.convoys)
    for (const Vec2& at : convoy.passedIncidents)
      if (const Vec2 c = view.worldToScreen(at); claim(c, 11 * s)) ring(c, 11 * s, 2 * s, symbology::kPassedRing);
  for (const ConvoyOverlay& convoy : frame.convoys) {
    const Rgba ahead{0.15f, 0.25f, 0.55f, 0.35f};
    Rgba travelled = symbology::kConvoyRoute;
    travelled.a = 0.95f;
    for (size_t i = 1; i < convoy.ahead.size(); ++i)
      m_overlay->line(view.worldToScreen(convoy.ahead[i - 1]), view.worldToScreen(convoy.ahead[i]), 3 * s, ahead);
    // The path travelled fades with distance behind the convoy: strongest where it is now.
    const size_t n = convoy.travelled.size();
    for (size_t i = 1; i < n; ++i) {
      Rgba faded = travelled;
      faded.a *= 0.25f + 0.75f * float(i) / float(n - 1 ? n - 1 : 1);
      m_overlay->line(view.worldToScreen(convoy.travelled[i - 1]), view.worldToScreen(convoy.travelled[i]), 4 * s, faded);
    }
    // Beyond the last reported fix the trail is estimated: dashed, so it never reads as a reported path.
    std::vector<Vec2> sinceFix;
    for (const Vec2& p : convoy.sinceFix) sinceFix.push_back(view.worldToScreen(p));
    dashedLine(*m_overlay, sinceFix, 4 * s, travelled, 7 * s, 5 * s);
    // The icon: an arrowhead pointing along the direction of travel (screen y grows downwards).
    const Vec2 p = view.worldToScreen(convoy.position);
    const double a = convoy.headingDegrees * std::numbers::pi / 180;
    const Vec2 forward{std::sin(a), -std::cos(a)}, side{std::cos(a), std::sin(a)};
    const double len = 13 * s, half = 8 * s;
    const Vec2 tip = p + forward * len, left = p - forward * (len * 0.6) - side * half, right = p - forward * (len * 0.6) + side * half;
    const Vec2 notch = p - forward * (len * 0.2);
    const Rgba outline{1, 1, 1, 1}, fill{0.1f, 0.2f, 0.6f, 1};
    const double o = 2 * s;
    m_overlay->triangle(tip + forward * o, left - forward * o - side * o, notch - forward * o, outline);
    m_overlay->triangle(tip + forward * o, notch - forward * o, right - forward * o + side * o, outline);
    m_overlay->triangle(tip, left, notch, fill);
    m_overlay->triangle(tip, notch, right, fill);
    if (convoy.estimated) {  // hollow: the same arrowhead, its inside left pale, so it reads as not a fix
      const Vec2 centre = (tip + left + right + notch) * 0.25;
      auto inset = [&](Vec2 v) { return centre + (v - centre) * 0.55; };
      m_overlay->triangle(inset(tip), inset(left), inset(notch), outline);
      m_overlay->triangle(inset(tip), inset(notch), inset(right), outline);
    }
    // The label beside the icon, on the first side clear of the legend, title and other furniture.
    const TextStyle label{13 * s, {0.05f, 0.1f, 0.35f, 1}, {1, 1, 1, 0.9f}, 2 * s, true};
    const Vec2 size = m_overlay->measure(convoy.label, label);
    const std::array<Vec2, 4> corners{Vec2{p.x + 16 * s, p.y - 20 * s}, Vec2{p.x + 16 * s, p.y + 8 * s},
                                      Vec2{p.x - 16 * s - size.x, p.y - 20 * s}, Vec2{p.x - 16 * s - size.x, p.y + 8 * s}};
    Vec2 at = corners[0];
    for (const Vec2& corner : corners) {
      const Bbox box{corner.x, corner.y, corner.x + size.x, corner.y + size.y};
      const bool inside = box.minX >= 0 && box.minY >= 0 && box.maxX <= view.widthPx() && box.maxY <= view.heightPx();
      if (inside && std::none_of(obstacles.begin(), obstacles.end(), [&](const Bbox& obstacle) { return obstacle.intersects(box); })) {
        at = corner;
        break;
      }
    }
    m_overlay->text(convoy.label, at, label);
  }
}

size_t MapRenderer::drawLabels(const MapFrame& frame, const std::vector<Bbox>& obstacles) {
  const Viewport& view = frame.view;
  struct Source {
    std::string text;
    Vec2 topLeftOffset;
    TextStyle style;
  };
  std::vector<LabelCandidate> candidates;
  std::vector<Source> sources;
  // Upper layers first: among labels of equal priority the placer keeps this order, so a town's name (drawn
  // above) wins its place over a region's or a terrain name's (drawn below).
  for (size_t layerIndex = frame.layers.size(); layerIndex-- > 0;) {
    const LayerDraw& draw = frame.layers[layerIndex];
    auto it = m_vectors.find(draw.id);
    if (it == m_vectors.end() || draw.vector.labelField.empty()) continue;
    const VectorStyle style = frame.highContrast ? highContrastStyle(draw.vector) : draw.vector;
    TextStyle textStyle;
    textStyle.size = style.labelSize * frame.pixelScale;
    textStyle.colour = withOpacity(style.labelColour, draw.opacity);
    textStyle.halo = withOpacity(style.haloColour, draw.opacity);
    textStyle.haloWidth = (frame.highContrast ? 2.5f : 1.6f) * frame.pixelScale;
    for (const LabelPoint& label : it->second->data->labels) {
      const Vec2 anchor = view.worldToScreen(label.position);
      if (anchor.x < 0 || anchor.y < 0 || anchor.x > view.widthPx() || anchor.y > view.heightPx()) continue;
      const std::string text = style.labelUppercase ? toUpperLatin(label.text) : label.text;
      const Vec2 size = m_overlay->measure(text, textStyle);
      LabelCandidate c;
      c.id = sources.size();
      c.anchor = anchor;
      c.width = size.x;
      c.height = size.y;
      // Point labels (settlements) before area labels (regions); then the data's own priority.
      c.priority = label.priority + (label.onPointSymbol ? 0.0 : -1e6);
      c.besideSymbol = label.onPointSymbol && style.pointSize > 0;  // no symbol: the label sits on the point
      c.symbolRadius = style.pointSize * frame.pixelScale / 2;
      candidates.push_back(c);
      sources.push_back({text, {}, textStyle});
    }
  }
  LabelPlacerOptions options;
  options.screenWidth = view.widthPx();
  options.screenHeight = view.heightPx();
  options.padding = 2 * frame.pixelScale;
  options.obstacles = obstacles;
  const std::vector<PlacedLabel> placed = placeLabels(std::move(candidates), options);
  for (const PlacedLabel& p : placed) {
    const Source& s = sources[p.id];
    m_overlay->text(s.text, {p.box.minX, p.box.minY}, s.style);
  }
  return placed.size();
}

void MapRenderer::drawBinCounts(const MapFrame& frame, const std::vector<Bbox>& obstacles) {
  // On top of the labels (they are data, the labels context), but never over the legend or another count: a
  // bin's centre is its events' mean, so neighbours' counts can meet ("2099" + "2510" read "20992510"). The
  // larger count wins; a count that finds no room is left out, its symbol still drawn.
  const TextStyle style{11 * frame.pixelScale, {1, 1, 1, 1}, {0, 0, 0, 0.75f}, 1.6f * frame.pixelScale, true};
  std::vector<LabelCandidate> candidates;
  std::vector<std::string> texts;
  for (const auto& [centre, count] : m_binLabels) {
    texts.push_back(binCountText(count));
    const Vec2 size = m_overlay->measure(texts.back(), style);
    LabelCandidate c;
    c.id = texts.size() - 1;
    c.anchor = centre;
    c.width = size.x;
    c.height = size.y;
    c.priority = count;
    c.besideSymbol = false;
    candidates.push_back(c);
  }
  LabelPlacerOptions options;
  options.screenWidth = frame.view.widthPx();
  options.screenHeight = frame.view.heightPx();
  options.padding = 1 * frame.pixelScale;
  options.obstacles = obstacles;
  for (const PlacedLabel& p : placeLabels(std::move(candidates), options))
    m_overlay->text(texts[p.id], {p.box.minX, p.box.minY}, style);
}

MapRenderer::FurnitureLayout MapRenderer::layoutFurniture(const MapFrame& frame) {
  FurnitureLayout layout;
  const float s = furnitureScale(frame);
  const double w = frame.view.widthPx(), h = frame.view.heightPx() - frame.furniture.bottomInsetPx;
  const Rgba panel{1, 1, 1, 0.8f};
  const Rgba ink{0.1f, 0.1f, 0.1f, 1};
  const double margin = 12 * s;
  const double left = frame.furniture.leftInsetPx;  // x where the free map starts

  double top = margin + frame.furniture.topInsetPx, bottom = h;
  if (!frame.furniture.banner.empty()) {
    // Handling banner: centred white-on-dark strips along the top and bottom edges.
    const TextStyle text{13 * s, {1, 1, 1, 1}, {0, 0, 0, 0}, 0, true};
    const Vec2 size = m_overlay->measure(frame.furniture.banner, text);
    const double strip = size.y + 8 * s;
    for (double y0 : {0.0, h - strip}) {
      layout.rects.push_back({{0, y0, w, y0 + strip}, {0.12f, 0.12f, 0.12f, 0.92f}});
      layout.texts.push_back({frame.furniture.banner, {(w - size.x) / 2, y0 + 4 * s}, text});
      layout.boxes.push_back({0, y0, w, y0 + strip});
    }
    top += strip;
    bottom -= strip;
  }
  const double edgeTop = top;  // the clock and the legend start here; the title column grows from `top`
  if (!frame.clockText.empty()) {  // the clock's date and time, large, top centre
    const TextStyle big{30 * s, {0.08f, 0.08f, 0.08f, 1}, {1, 1, 1, 0.9f}, 3 * s, true};
    const Vec2 size = m_overlay->measure(frame.clockText, big);
    layout.texts.push_back({frame.clockText, {(left + w - size.x) / 2, edgeTop}, big});
    layout.boxes.push_back({(left + w - size.x) / 2, edgeTop, (left + w + size.x) / 2, edgeTop + size.y});
  }
  if (!frame.furniture.title.empty()) {
    TextStyle title{22 * s, ink, {1, 1, 1, 0.9f}, 2.5f * s, true};
    const Vec2 size = m_overlay->measure(frame.furniture.title, title);
    layout.texts.push_back({frame.furniture.title, {left + margin, top}, title});
    layout.boxes.push_back({left + margin, top, left + margin + size.x, top + size.y});
    top += size.y + 4 * s;
  }
  if (!frame.furniture.subtitle.empty()) {
    const TextStyle subtitle{15 * s, {0.2f, 0.2f, 0.2f, 1}, {1, 1, 1, 0.9f}, 2 * s, false};
    const Vec2 size = m_overlay->measure(frame.furniture.subtitle, subtitle);
    layout.texts.push_back({frame.furniture.subtitle, {left + margin, top}, subtitle});
    layout.boxes.push_back({left + margin, top, left + margin + size.x, top + size.y});
    top += size.y;
  }
  if (frame.furniture.northArrow) {
    // An arrow with N above it, top left under the title.
    const double cx = left + margin + 14 * s, y0 = top + 12 * s;
    layout.triangles.push_back({Vec2{cx, y0 + 14 * s}, Vec2{cx - 9 * s, y0 + 40 * s}, Vec2{cx, y0 + 33 * s}});
    layout.triangles.push_back({Vec2{cx, y0 + 14 * s}, Vec2{cx, y0 + 33 * s}, Vec2{cx + 9 * s, y0 + 40 * s}});
    const TextStyle n{15 * s, ink, {1, 1, 1, 0.9f}, 2 * s, true};
    const Vec2 size = m_overlay->measure("N", n);
    layout.texts.push_back({"N", {cx - size.x / 2, y0 - 4 * s}, n});
    layout.boxes.push_back({cx - 12 * s, y0 - 4 * s, cx + 12 * s, y0 + 42 * s});
  }

  if (frame.furniture.scaleBar && frame.furniture.scaleBar->pixels > 0) {
    const ScaleBar& bar = *frame.furniture.scaleBar;
    TextStyle label{12 * s, ink, {1, 1, 1, 0}, 0, false};
    const Vec2 labelSize = m_overlay->measure(bar.label, label);
    const double barHeight = 6 * s, pad = 6 * s;
    const double x0 = left + margin, y1 = bottom - margin;
    const double boxWidth = std::max(bar.pixels, labelSize.x) + 2 * pad;
    const double boxHeight = labelSize.y + barHeight + 3 * pad;
    const Bbox box{x0, y1 - boxHeight, x0 + boxWidth, y1};
    const double barTop = y1 - pad - barHeight;
    layout.rects.push_back({box, panel});
    // Two halves, dark then light, in a dark frame: readable on any background.
    layout.rects.push_back({{x0 + pad - s, barTop - s, x0 + pad + bar.pixels + s, barTop + barHeight + s}, ink});
    layout.rects.push_back({{x0 + pad + bar.pixels / 2, barTop, x0 + pad + bar.pixels, barTop + barHeight}, {1, 1, 1, 1}});
    layout.texts.push_back({bar.label, {x0 + pad, barTop - pad - labelSize.y}, label});
    layout.boxes.push_back(box);
  }

  if (!frame.furniture.legendTitle.empty()) {
    const TextStyle heading{13 * s, ink, {1, 1, 1, 0}, 0, true};
    const TextStyle entry{12 * s, ink, {1, 1, 1, 0}, 0, false};
    const TextStyle note{11 * s, {0.3f, 0.3f, 0.3f, 1}, {1, 1, 1, 0}, 0, false};
    const double pad = 8 * s, rowHeight = 18 * s, swatch = 11 * s;
    // The symbol's width and the row's height: a ramp is two swatches wide; a size key's circles sit side by
    // side, at the sizes the map draws, in a row as tall as the largest.
    const double sizeGap = 4 * s;
    auto symbolWidth = [&](const LegendEntry& e) {
      if (e.symbol == LegendEntry::Symbol::Ramp) return 2 * swatch;
      if (e.symbol != LegendEntry::Symbol::Sizes) return swatch;
      double across = 0;
      for (float d : e.diameters) across += d * s + sizeGap;
      return std::max(swatch, across - sizeGap);
    };
    auto rowOf = [&](const LegendEntry& e) {
      if (e.symbol != LegendEntry::Symbol::Sizes || e.diameters.empty()) return rowHeight;
      return std::max(rowHeight, double(*std::max_element(e.diameters.begin(), e.diameters.end())) * s + 4 * s);
    };
    double width = m_overlay->measure(frame.furniture.legendTitle, heading).x, rows = 0;
    for (const LegendEntry& e : frame.furniture.legend) {
      width = std::max(width, e.symbol == LegendEntry::Symbol::Heading ? m_overlay->measure(e.label, heading).x
                                                                        : symbolWidth(e) + 8 * s + m_overlay->measure(e.label, entry).x);
      rows += rowOf(e);
    }
    const double boxWidth = width + 2 * pad;
    const double boxHeight = 2 * pad + 16 * s + rows;
    const double legendTop = edgeTop + (frame.clockText.empty() ? 0 : 40 * s);  // below the clock's line
    const Bbox box{w - margin - boxWidth, legendTop, w - margin, legendTop + boxHeight};
    layout.rects.push_back({box, {1, 1, 1, 0.88f}});
    layout.texts.push_back({frame.furniture.legendTitle, {box.minX + pad, box.minY + pad}, heading});
    double y = box.minY + pad + 16 * s + 2 * s;
    for (const LegendEntry& e : frame.furniture.legend) {
      const double row = rowOf(e), textY = y + (row - rowHeight) / 2;
      const double cx = box.minX + pad + swatch / 2, cy = textY + rowHeight / 2 - 2 * s;
      switch (e.symbol) {
        case LegendEntry::Symbol::Dot:
          layout.rects.push_back({{cx - swatch / 2, cy - swatch / 2, cx + swatch / 2, cy + swatch / 2}, e.colour});
          break;
        case LegendEntry::Symbol::Halo:
          layout.rects.push_back({{cx - swatch / 2, cy - swatch / 2, cx + swatch / 2, cy + swatch / 2}, {e.colour.r, e.colour.g, e.colour.b, 0.3f}});
          layout.rects.push_back({{cx - swatch / 4, cy - swatch / 4, cx + swatch / 4, cy + swatch / 4}, e.colour});
          break;
        case LegendEntry::Symbol::Ring: {
          const double t = 2 * s;
          layout.rects.push_back({{cx - swatch / 2, cy - swatch / 2, cx + swatch / 2, cy - swatch / 2 + t}, e.colour});
          layout.rects.push_back({{cx - swatch / 2, cy + swatch / 2 - t, cx + swatch / 2, cy + swatch / 2}, e.colour});
          layout.rects.push_back({{cx - swatch / 2, cy - swatch / 2, cx - swatch / 2 + t, cy + swatch / 2}, e.colour});
          layout.rects.push_back({{cx + swatch / 2 - t, cy - swatch / 2, cx + swatch / 2, cy + swatch / 2}, e.colour});
          break;
        }
        case LegendEntry::Symbol::Dashed: {  // the outline's corners only: a broken edge
          const double t = 1.5 * s, arm = swatch * 0.3;
          for (double sx : {-1.0, 1.0})
            for (double sy : {-1.0, 1.0}) {
              const double x = cx + sx * swatch / 2, yy = cy + sy * swatch / 2;
              layout.rects.push_back({{std::min(x, x - sx * arm), std::min(yy, yy - sy * t), std::max(x, x - sx * arm), std::max(yy, yy - sy * t)}, e.colour});
              layout.rects.push_back({{std::min(x, x - sx * t), std::min(yy, yy - sy * arm), std::max(x, x - sx * t), std::max(yy, yy - sy * arm)}, e.colour});
            }
          break;
        }
        case LegendEntry::Symbol::Stripes:
          for (int bar = 0; bar < 4; ++bar) {
            const double x0 = cx - swatch / 2 + swatch * bar / 4;
            layout.rects.push_back({{x0, cy - swatch / 2, x0 + swatch / 4, cy + swatch / 2}, bar % 2 ? e.secondColour : e.colour});
          }
          break;
        case LegendEntry::Symbol::Ramp: {
          // Twice the swatch's width, in slices low to high, framed so a pale end still shows.
          const double rampLeft = cx - swatch / 2, wide = 2 * swatch;
          layout.rects.push_back({{rampLeft - s, cy - swatch / 2 - s, rampLeft + wide + s, cy + swatch / 2 + s}, ink});
          constexpr int kSlices = 12;
          for (int i = 0; i < kSlices && !e.ramp.empty(); ++i) {
            const double t = (i + 0.5) / kSlices * double(e.ramp.size() - 1);
            const size_t a = std::min(size_t(t), e.ramp.size() - 1), b = std::min(a + 1, e.ramp.size() - 1);
            const float f = float(t - double(a));
            const Rgba& ca = e.ramp[a];
            const Rgba& cb = e.ramp[b];
            const Rgba c{ca.r + (cb.r - ca.r) * f, ca.g + (cb.g - ca.g) * f, ca.b + (cb.b - ca.b) * f, 1};
            layout.rects.push_back({{rampLeft + wide * i / kSlices, cy - swatch / 2, rampLeft + wide * (i + 1) / kSlices, cy + swatch / 2}, c});
          }
          break;
        }
        case LegendEntry::Symbol::Line:
        case LegendEntry::Symbol::DashedLine: {
          const double half = std::max(1.0, double(e.lineWidth) * s) / 2;
          if (e.symbol == LegendEntry::Symbol::Line) {
            layout.rects.push_back({{cx - swatch / 2, cy - half, cx + swatch / 2, cy + half}, e.colour});
          } else {  // three dashes with two gaps, as the map's dashed lines read
            const double dash = swatch / 4, gap = swatch / 8;
            for (int d = 0; d < 3; ++d) {
              const double x0 = cx - swatch / 2 + d * (dash + gap);
              layout.rects.push_back({{x0, cy - half, x0 + dash, cy + half}, e.colour});
            }
          }
          break;
        }
        case LegendEntry::Symbol::Sizes: {  // outlined pale discs: size only, no type's colour
          constexpr int kSides = 28;
          auto disc = [&](Vec2 centre, double radius, const Rgba& colour) {
            for (int i = 0; i < kSides; ++i) {
              const double a0 = 2 * std::numbers::pi * i / kSides, a1 = 2 * std::numbers::pi * (i + 1) / kSides;
              layout.shapes.push_back({{centre, centre + Vec2{std::cos(a0), std::sin(a0)} * radius,
                                        centre + Vec2{std::cos(a1), std::sin(a1)} * radius},
                                       colour});
            }
          };
          double x = box.minX + pad;
          for (float d : e.diameters) {
            const double radius = d * s / 2;
            const Vec2 centre{x + radius, y + row / 2};
            disc(centre, radius, {0.3f, 0.3f, 0.3f, 1});
            disc(centre, std::max(0.0, radius - 1.5 * s), {0.86f, 0.86f, 0.86f, 1});
            x += 2 * radius + sizeGap;
          }
          break;
        }
        case LegendEntry::Symbol::Note:
        case LegendEntry::Symbol::Heading:
          break;
      }
      const bool textOnly = e.symbol == LegendEntry::Symbol::Note || e.symbol == LegendEntry::Symbol::Heading;
      const double textX = textOnly ? box.minX + pad : box.minX + pad + symbolWidth(e) + 8 * s;
      const TextStyle& style = e.symbol == LegendEntry::Symbol::Note ? note : e.symbol == LegendEntry::Symbol::Heading ? heading : entry;
      layout.texts.push_back({e.label, {textX, textY}, style});
      y += row;
    }
    layout.boxes.push_back(box);
  }

  if (!frame.furniture.attribution.empty() || !frame.furniture.notes.empty()) {
    TextStyle small{10 * s, {0.2f, 0.2f, 0.2f, 1}, {1, 1, 1, 0}, 0, false};
    const double pad = 4 * s;
    // Wrapped at its " · " separators into lines no wider than three quarters of the image (the scale bar keeps
    // the left), so no credit is ever cut off.
    const std::string separator = " \u00b7 ";
    std::vector<std::string> parts, lines;
    for (size_t start = 0;;) {
      const size_t at = frame.furniture.attribution.find(separator, start);
      parts.push_back(frame.furniture.attribution.substr(start, at == std::string::npos ? std::string::npos : at - start));
      if (at == std::string::npos) break;
      start = at + separator.size();
    }
    const double maxWidth = w * 0.75 - 2 * pad;
    // The notes first, each from a new line, wrapped between words.
    for (const std::string& note : frame.furniture.notes) {
      bool fresh = true;
      for (size_t start = 0; start < note.size();) {
        const size_t space = note.find(' ', start);
        const std::string word = note.substr(start, space == std::string::npos ? std::string::npos : space - start);
        if (!fresh && m_overlay->measure(lines.back() + " " + word, small).x <= maxWidth) lines.back() += " " + word;
        else lines.push_back(word);
        fresh = false;
        start = space == std::string::npos ? note.size() : space + 1;
      }
    }
    const size_t noteLines = lines.size();
    if (frame.furniture.attribution.empty()) parts.clear();
    for (const std::string& part : parts) {
      if (lines.size() > noteLines && m_overlay->measure(lines.back() + separator + part, small).x <= maxWidth) lines.back() += separator + part;
      else lines.push_back(part);
    }
    double width = 0, lineHeight = 0;
    for (const std::string& line : lines) {
      const Vec2 size = m_overlay->measure(line, small);
      width = std::max(width, size.x);
      lineHeight = std::max(lineHeight, size.y);
    }
    const Bbox box{w - width - 2 * pad, bottom - lineHeight * double(lines.size()) - 2 * pad, w, bottom};
    layout.rects.push_back({box, panel});
    for (size_t i = 0; i < lines.size(); ++i)
      layout.texts.push_back({lines[i], {box.minX + pad, box.minY + pad + lineHeight * double(i)}, small});
    layout.boxes.push_back(box);
  }
  return layout;
}

void MapRenderer::drawFurniture(const FurnitureLayout& layout) {
  for (const auto& [box, colour] : layout.rects) m_overlay->rect(box, colour);
  for (const auto& t : layout.triangles) m_overlay->triangle(t[0], t[1], t[2], {0.1f, 0.1f, 0.1f, 1});
  for (const auto& [t, colour] : layout.shapes) m_overlay->triangle(t[0], t[1], t[2], colour);
  for (const auto& text : layout.texts) m_overlay->text(text.text, text.topLeft, text.style);
}

}  // namespace sitmap
