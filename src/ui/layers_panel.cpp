// Layers panel drawing.
#include "ui/layers_panel.hpp"

#include <imgui.h>

#include "ui/panel_window.hpp"

#include <algorithm>

namespace sitmap {

namespace {

bool editColour(const char* label, Rgba& colour) {
  float c[4] = {colour.r, colour.g, colour.b, colour.a};
  if (!ImGui::ColorEdit4(label, c, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_AlphaBar)) return false;
  colour = {c[0], c[1], c[2], c[3]};
  return true;
}

// A combo of the layer's fields with "(none)" first; true when the choice changed.
bool fieldCombo(const char* label, std::string& field, const std::vector<std::string>& fields) {
  bool changed = false;
  if (ImGui::BeginCombo(label, field.empty() ? "(none)" : field.c_str())) {
    if (ImGui::Selectable("(none)", field.empty())) {
      changed = !field.empty();
      field.clear();
    }
    for (const std::string& name : fields) {
      if (ImGui::Selectable(name.c_str(), name == field)) {
        changed = name != field;
        field = name;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

// Which field of an OGR point layer holds each incident attribute.
void incidentFieldEditor(const LayerRow& row, std::vector<Command>& out) {
  ImGui::TextDisabled("Incident fields");
  static const char* roles[] = {"date", "type", "sub_type", "actor1", "actor2", "fatalities", "notes", "location", "admin1"};
  auto fields = row.incidentFields;
  bool changed = false;
  for (const char* role : roles) {
    auto it = fields.find(role);
    std::string chosen = it == fields.end() ? std::string() : it->second;
    if (fieldCombo(role, chosen, row.fields)) {
      if (chosen.empty()) fields.erase(role);
      else fields[role] = chosen;
      changed = true;
    }
  }
  if (changed) out.push_back(SetIncidentFields{row.id, fields});
}

// How an incident layer draws its events, and how large an event's symbol may grow.
void incidentStyleEditor(const LayerRow& row, std::vector<Command>& out) {
  IncidentStyle style = row.incidentStyle;
  int choice = int(style.aggregation);
  bool changed = ImGui::Combo("Draw as", &choice, "auto\0counted bins\0density hexagons\0every incident\0");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("auto: each incident until more than %zu are in view, then counted bins\n"
                      "counted bins: numbered circles, sliced by type\n"
                      "density hexagons: shaded by how many incidents each holds\n"
                      "every incident: its own symbol, however many",
                      kAggregateAbove);
  style.aggregation = EventAggregation(choice);
  bool capped = style.maxSymbolPx > 0;
  if (ImGui::Checkbox("Cap symbol size", &capped)) {
    style.maxSymbolPx = capped ? 12 : 0;
    changed = true;
  }
  if (capped) {
    ImGui::SameLine();
    changed |= ImGui::SliderFloat("##cap", &style.maxSymbolPx, 2.0f, 40.0f, "%.0f px");
  }
  if (changed) out.push_back(SetIncidentStyle{row.id, style});
}

void styleEditor(const LayerRow& row, std::vector<Command>& out) {
  VectorStyle style = row.style;
  bool changed = false;
  changed |= ImGui::Checkbox("Fill", &style.filled);
  ImGui::SameLine();
  changed |= editColour("##fill", style.fill);
  ImGui::SameLine();
  ImGui::TextUnformatted("Stroke");
  ImGui::SameLine();
  changed |= editColour("##stroke", style.stroke);
  changed |= ImGui::SliderFloat("Width (px)", &style.strokeWidth, 0.0f, 10.0f, "%.1f");
  changed |= ImGui::Checkbox("Dashed", &style.dashed);
  if (row.kind == "Point" || row.kind == "Mixed") {
    changed |= ImGui::SliderFloat("Symbol (px)", &style.pointSize, 0.0f, 30.0f, "%.0f");
    ImGui::SameLine();
    changed |= editColour("##point", style.pointFill);
  }
  changed |= fieldCombo("Label field", style.labelField, row.fields);
  if (!style.labelField.empty()) {
    changed |= fieldCombo("Priority field", style.priorityField, row.fields);
    if (!style.priorityField.empty()) {
      int order = style.priorityAscending ? 0 : 1;
      if (ImGui::Combo("Priority order", &order, "smallest first (rank)\0largest first (population)\0")) {
        style.priorityAscending = order == 0;
        changed = true;
      }
    }
    changed |= ImGui::SliderFloat("Label (px)", &style.labelSize, 6.0f, 40.0f, "%.0f");
    changed |= ImGui::Checkbox("Upper case", &style.labelUppercase);
  }
  if (changed) out.push_back(SetLayerStyle{row.id, style});

  // Scale range as map scale denominators (1:N); 0 = no limit.
  ScaleRange scales = row.scales;
  bool scalesChanged = ImGui::InputDouble("Hide above 1:", &scales.maxScale, 0, 0, "%.0f");
  scalesChanged |= ImGui::InputDouble("Hide below 1:", &scales.minScale, 0, 0, "%.0f");
  if (scalesChanged) {
    scales.minScale = std::max(0.0, scales.minScale);
    scales.maxScale = std::max(0.0, scales.maxScale);
    out.push_back(SetLayerScales{row.id, scales});
  }
}

// A raster's look: for a single band the colour ramp, its stretch (typed, or the data's range), hillshade and a
// nodata value; for any raster the resampling and the toning under a briefing map.
void rasterStyleEditor(const LayerRow& row, std::vector<Command>& out) {
  RasterStyle style = row.rasterStyle;
  bool changed = false;
  if (row.rasterSingleBand) {
    const auto& presets = rampPresets();
    const std::optional<size_t> preset = presetOf(style.ramp);
    // No ramp draws grey over the data's range: shown as the Grey preset at that stretch.
    const char* current = style.ramp.empty() ? presets[0].name : preset ? presets[*preset].name : "the scene's own";
    double low = style.ramp.empty() ? row.rasterMin : style.ramp.front().value;
    double high = style.ramp.empty() ? row.rasterMax : style.ramp.back().value;
    if (ImGui::BeginCombo("Colours", current)) {
      for (const RampPreset& p : presets)
        if (ImGui::Selectable(p.name, p.name == current)) {
          style.ramp = presetRamp(p, low, high);
          changed = true;
        }
      ImGui::EndCombo();
    }
    // Applied on Enter: each change reads every tile again.
    bool stretched = ImGui::InputDouble("Low", &low, 0, 0, "%.6g", ImGuiInputTextFlags_EnterReturnsTrue);
    stretched |= ImGui::InputDouble("High", &high, 0, 0, "%.6g", ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::SmallButton("Stretch to the data")) {
      low = row.rasterMin;
      high = row.rasterMax;
      stretched = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The band's range: %.6g to %.6g", row.rasterMin, row.rasterMax);
    if (stretched && high > low) {
      style.ramp = stretchRamp(style.ramp.empty() ? presetRamp(presets[0], 0, 1) : style.ramp, low, high);
      changed = true;
    }
    changed |= ImGui::Checkbox("Hillshade (elevation)", &style.hillshade);
    bool hasNodata = style.nodata.has_value();
    if (ImGui::Checkbox("Nodata value", &hasNodata)) {
      style.nodata = hasNodata ? std::optional(row.rasterMin) : std::nullopt;
      changed = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Pixels of this value are transparent (instead of the file's own nodata)");
    if (style.nodata) {
      ImGui::SameLine();
      double value = *style.nodata;
      ImGui::SetNextItemWidth(6 * ImGui::GetFontSize());
      if (ImGui::InputDouble("##nodata", &value, 0, 0, "%.6g", ImGuiInputTextFlags_EnterReturnsTrue)) {
        style.nodata = value;
        changed = true;
      }
    }
  }
  static const char* resamplings[] = {"near", "bilinear", "cubic"};
  int resampling = int(std::find(std::begin(resamplings), std::end(resamplings), style.resampling) - std::begin(resamplings));
  if (ImGui::Combo("Resampling", &resampling, "nearest\0bilinear\0cubic\0") && resampling >= 0 && resampling < 3) {
    style.resampling = resamplings[resampling];
    changed = true;
  }
  changed |= ImGui::SliderFloat("Saturation", &style.saturation, 0.0f, 1.0f, "%.2f");
  changed |= ImGui::SliderFloat("Lightness", &style.lightness, 0.0f, 1.0f, "%.2f");
  if (changed) out.push_back(SetRasterStyle{row.id, style});
}

}  // namespace

void LayersPanel::draw(const std::vector<LayerRow>& rows, std::vector<Command>& out) {
  const float unit = ImGui::GetFontSize();
  const PanelWindow panel("Layers", ImVec2(unit, 3 * unit), ImVec2(22 * unit, 24 * unit));
  if (!panel) return;
  ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);  // leave room for the widgets' labels
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
    const LayerRow& row = *it;
    ImGui::PushID(static_cast<int>(row.id));
    bool visible = row.visible;
    if (ImGui::Checkbox("##visible", &visible)) out.push_back(SetLayerVisible{row.id, visible});
    ImGui::SameLine();
    if (row.countedIncidents) {
      // Which incident layer the legend, counts and incident panels follow.
      if (ImGui::RadioButton("##counted", *row.countedIncidents)) out.push_back(ChooseIncidentLayer{row.id});
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Count and list this incident layer (legend, filters, table, summary, timeline)");
      ImGui::SameLine();
    }
    const bool open = ImGui::TreeNodeEx(row.name.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n(drag onto another layer to move it there)", row.path.c_str());
    // Drag a layer's name onto another's: it takes that one's place in the drawing order.
    const int order = int(rows.rend() - it) - 1;  // 0: drawn first, at the bottom
    if (ImGui::BeginDragDropSource()) {
      ImGui::SetDragDropPayload("SITMAP_LAYER", &order, sizeof order);
      ImGui::Text("Move %s", row.name.c_str());
      ImGui::EndDragDropSource();
    }
    if (ImGui::BeginDragDropTarget()) {
      if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload("SITMAP_LAYER")) {
        const int from = *static_cast<const int*>(payload->Data);
        if (from >= 0 && size_t(from) < rows.size() && from != order) out.push_back(MoveLayer{rows[size_t(from)].id, order - from});
      }
      ImGui::EndDragDropTarget();
    }
    if (row.loading) {
      ImGui::SameLine();
      if (row.progress >= 0) {
        ImGui::ProgressBar(row.progress, ImVec2(5 * ImGui::GetFontSize(), 0));
        ImGui::SameLine();
        if (ImGui::SmallButton("Cancel")) out.push_back(CancelLoad{row.id});
      } else {
        // The dots move while the load runs on its worker thread.
        static const char* frames[] = {".  ", ".. ", "..."};
        ImGui::TextDisabled("loading%s", frames[int(ImGui::GetTime() * 3) % 3]);
      }
    } else if (!row.error.empty()) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(0.9f, 0.3f, 0.2f, 1), "failed");
    }
    if (open) {
      if (!row.error.empty()) ImGui::TextWrapped("%s", row.error.c_str());
      else if (!row.loading) {
        // Wrapped: a raster's note (overviews, stretch) runs longer than the panel is wide.
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s, %s", row.kind.c_str(), row.details.c_str());
        ImGui::PopStyleColor();
      }
      if (row.buildingOverviews) {
        ImGui::TextDisabled("building overviews...");
      } else if (row.canBuildOverviews) {
        if (ImGui::SmallButton("Build overviews")) out.push_back(BuildOverviews{row.id});
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("Writes %s.ovr beside the raster (the raster itself is not changed),\nso it draws fast at every zoom.",
                            row.path.c_str());
      }
      float opacity = row.opacity;
      if (ImGui::SliderFloat("Opacity", &opacity, 0.0f, 1.0f, "%.2f")) out.push_back(SetLayerOpacity{row.id, opacity});
      if (ImGui::SmallButton("Up")) out.push_back(MoveLayer{row.id, +1});
      ImGui::SameLine();
      if (ImGui::SmallButton("Down")) out.push_back(MoveLayer{row.id, -1});
      ImGui::SameLine();
      // The move is clamped to the list's ends.
      if (ImGui::SmallButton("Top")) out.push_back(MoveLayer{row.id, int(rows.size())});
      ImGui::SameLine();
      if (ImGui::SmallButton("Bottom")) out.push_back(MoveLayer{row.id, -int(rows.size())});
      if (ImGui::SmallButton("Zoom to")) out.push_back(ZoomToLayer{row.id});
      ImGui::SameLine();
      if (ImGui::SmallButton("Remove")) out.push_back(RemoveLayer{row.id});
      if ((row.isVector || row.rasterSingleBand) && !row.loading && row.error.empty()) {
        bool keyed = row.inLegend;
        if (ImGui::Checkbox("In the legend", &keyed)) out.push_back(SetLayerInLegend{row.id, keyed});
      }
      if (row.isVector && !row.loading && row.error.empty()) styleEditor(row, out);
      if (row.isRaster && !row.loading && row.error.empty()) rasterStyleEditor(row, out);
      if (row.isVector && row.kind == "Point" && ImGui::SmallButton("Use as incidents")) out.push_back(UseAsIncidents{row.id});
      // Also for a failed load: a missing date mapping is the usual reason, and this is where to fix it.
      if (row.isIncidents && !row.loading && row.error.empty()) incidentStyleEditor(row, out);
      if (row.isIncidents && !row.incidentsFromCsv && !row.loading) incidentFieldEditor(row, out);
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  ImGui::Separator();
  ImGui::TextUnformatted("Add a layer (or drop a file on the window):");
  ImGui::SetNextItemWidth(-60);
  const bool entered = ImGui::InputTextWithHint("##path", "/path/to/file.gpkg, .tif, .geojson ...", m_path, sizeof m_path,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button("Add") || entered) && m_path[0]) {
    out.push_back(AddLayerFromPath{m_path});
    m_path[0] = 0;
  }
  ImGui::PopItemWidth();
}

}  // namespace sitmap
