// The explorer: filters live in the URL; the map, timeline, table and panel follow them.
import { getJSON, query } from "./api.js";
import { clear, debounce, h } from "./dom.js";
import { EventMap } from "./map.js";
import { EventPanel } from "./panel.js";
import { PasteBox } from "./paste.js";
import { EventTable } from "./table.js";
import { swatch } from "./text.js";
import { Timeline } from "./timeline.js";

const FILTERS = ["since", "until", "type", "country", "actor", "q"];
const MAP_LIMIT = 5000;
const PAGE_SIZE = 50;
const config = JSON.parse(document.body.dataset.config || "{}");
const $ = (id) => document.getElementById(id);

const state = { since: "", until: "", type: "", country: "", actor: "", q: "", sort: "-date", offset: 0, event: "", at: "" };

function readUrl() {
  const params = new URLSearchParams(location.search);
  for (const key of Object.keys(state)) state[key] = params.get(key) || (key === "sort" ? "-date" : key === "offset" ? 0 : "");
  state.offset = Math.max(0, parseInt(state.offset, 10) || 0);
}

function writeUrl(push) {
  const params = {};
  for (const [key, value] of Object.entries(state)) {
    if (value && !(key === "sort" && value === "-date")) params[key] = value;
  }
  const search = query(params);
  const url = search ? `?${search}` : location.pathname;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

function filters() {
  const chosen = {};
  for (const key of FILTERS) if (state[key]) chosen[key] = state[key];
  return chosen;
}

function fillControls() {
  for (const key of FILTERS) {
    const control = $(`f-${key}`);
    if (control.tagName === "SELECT" && state[key] && ![...control.options].some((o) => o.value === state[key])) {
      control.appendChild(h("option", { value: state[key] }, state[key]));
    }
    control.value = state[key];
  }
  const count = FILTERS.filter((k) => state[k]).length;
  $("filter-count").textContent = count ? `(${count})` : "";
  $("range-clear").hidden = !(state.since || state.until);
  $("range-label").textContent = state.since || state.until ? `${state.since || "…"} to ${state.until || "…"}` : "drag across the bars to choose dates";
}

function fillOptions(stats) {
  const select = $("f-type");
  for (const { type, count } of stats.by_type) select.appendChild(h("option", { value: type }, `${type} (${count})`));
  const acled = stats.by_event_type.filter((t) => t.event_type);
  if (acled.length) {
    const group = h("optgroup", { label: "ACLED event types" });
    for (const { event_type: name, count } of acled) group.appendChild(h("option", { value: name }, `${name} (${count})`));
    select.appendChild(group);
  }
  for (const { country, count } of stats.by_country) if (country) $("f-country").appendChild(h("option", { value: country }, `${country} (${count})`));
  for (const { actor } of stats.by_actor) $("actor-list").appendChild(h("option", { value: actor }));
}

function drawLegend(byType) {
  const list = clear($("legend"));
  for (const { type, count } of byType) {
    const button = h("button", { type: "button", "aria-pressed": state.type === type ? "true" : "false", title: `Show only ${type}` },
      swatch(type), `${type} ${count}`);
    button.addEventListener("click", () => setFilters({ type: state.type === type ? "" : type }));
    list.appendChild(h("li", {}, button));
  }
}

let controller = null;
async function refresh(fit) {
  if (controller) controller.abort();
  controller = new AbortController();
  const signal = controller.signal;
  const chosen = filters();
  const { since, until, ...undated } = chosen;
  for (const [id, format] of [["dl-csv", "csv"], ["dl-geojson", "geojson"], ["dl-json", ""]]) {
    $(id).href = `/api/events?${query({ ...chosen, format, limit: 10000 })}`;
  }
  try {
    const [stats, points, page] = await Promise.all([
      getJSON("/api/stats", undated, signal),
      getJSON("/api/events", { ...chosen, format: "geojson", limit: MAP_LIMIT }, signal),
      getJSON("/api/events", { ...chosen, sort: state.sort, limit: PAGE_SIZE, offset: state.offset }, signal),
    ]);
    timeline.update(stats.by_day, since || until ? [since || null, until || null] : null);
    drawLegend(stats.by_type);
    map.show(points, fit);
    const missing = points.left_out ? `; ${points.left_out} without a place are in the table only` : "";
    $("map-note").textContent = points.total > points.count ? `The map shows the ${points.count} latest of ${points.total} events${missing}. Narrow the filters to see the rest.` : `${points.features.length} events on the map${missing}.`;
    table.show(page, state.sort);
    $("table-count").textContent = `${page.total}`;
    $("page-label").textContent = page.total ? `${page.offset + 1}–${page.offset + page.count} of ${page.total}` : "";
    $("page-prev").disabled = page.offset === 0;
    $("page-next").disabled = !page.next;
    document.body.dataset.loaded = "true";
  } catch (error) {
    if (error.name === "AbortError") return;
    $("map-note").textContent = `Cannot load events: ${error.message}`;
  }
}

function setFilters(changes) {
  Object.assign(state, changes, { offset: 0 });
  fillControls();
  writeUrl(true);
  refresh(true);
}

function select(id, reveal = true) {
  if (!id) return;
  state.event = id;
  writeUrl(true);
  showTab("event");
  panel.show(id);
  map.highlight(id, reveal);
  table.highlight(id);
  if (window.matchMedia("(max-width: 900px)").matches) $("panel").scrollIntoView({ behavior: "smooth", block: "start" });
}

function showTab(name) {
  for (const tab of ["event", "paste"]) {
    $(`tab-${tab}`).setAttribute("aria-selected", tab === name ? "true" : "false");
    $(`${tab}-view`).hidden = tab !== name;
  }
}

readUrl();
const map = new EventMap($("map"), config, (id) => select(id, false), debounce((at) => { state.at = at; writeUrl(false); }, 400));
if (state.at) map.setView(state.at);
const timeline = new Timeline($("timeline"), (range) => setFilters({ since: range ? range[0] : "", until: range ? range[1] : "" }));
const table = new EventTable($("events-table"), (id) => select(id), (key) => {
  state.sort = state.sort === `-${key}` ? key : `-${key}`;
  state.offset = 0;
  writeUrl(true);
  refresh(false);
});
const panel = new EventPanel($("event-view"));
new PasteBox(config, (events) => map.showPasted(events), () => refresh(false));

const typed = debounce(() => setFilters({ actor: $("f-actor").value.trim(), q: $("f-q").value.trim() }), 350);
$("filters").addEventListener("submit", (e) => e.preventDefault());
for (const key of ["since", "until", "type", "country"]) $(`f-${key}`).addEventListener("change", (e) => setFilters({ [key]: e.target.value }));
for (const key of ["actor", "q"]) $(`f-${key}`).addEventListener("input", typed);
$("filters").addEventListener("reset", (e) => { e.preventDefault(); setFilters(Object.fromEntries(FILTERS.map((k) => [k, ""]))); });
$("range-clear").addEventListener("click", () => setFilters({ since: "", until: "" }));
$("page-prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE_SIZE); writeUrl(true); refresh(false); });
$("page-next").addEventListener("click", () => { state.offset += PAGE_SIZE; writeUrl(true); refresh(false); });
$("tab-event").addEventListener("click", () => showTab("event"));
$("tab-paste").addEventListener("click", () => showTab("paste"));
if (window.matchMedia("(max-width: 900px)").matches) $("filters-box").open = false;
window.addEventListener("popstate", () => {
  readUrl();
  fillControls();
  refresh(false);
  if (state.event) { panel.show(state.event); map.highlight(state.event, false); } else panel.empty();
});

getJSON("/api/stats").then(fillOptions).catch(() => {}).finally(() => {
  fillControls();
  refresh(!state.at).then(() => { if (state.event) { panel.show(state.event); map.highlight(state.event, true); table.highlight(state.event); } });
});
