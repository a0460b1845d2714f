// The map: the bundled world outline (offline), an optional tile layer, clustered event markers coloured by type.
import { TYPE_ORDER, typeColor } from "./colors.js";
import { h } from "./dom.js";

const WORLD_URL = "/static/world/countries-110m.geojson";

/** A cluster icon: a pie of its events' types (conic gradient), the count in the middle. */
function clusterIcon(cluster) {
  const counts = {};
  for (const marker of cluster.getAllChildMarkers()) counts[marker.options.eventType] = (counts[marker.options.eventType] || 0) + 1;
  const total = cluster.getChildCount();
  const types = Object.keys(counts).sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
  let at = 0;
  const stops = types.map((type) => {
    const from = (at / total) * 360;
    at += counts[type];
    return `${typeColor(type)} ${from}deg ${(at / total) * 360}deg`;
  });
  const disc = h("div", { className: "cluster", title: types.map((t) => `${t}: ${counts[t]}`).join(", ") }, h("span", {}, String(total)));
  disc.style.background = `conic-gradient(${stops.join(", ")})`;
  const size = total < 10 ? 30 : total < 100 ? 38 : 46;
  return L.divIcon({ html: disc, className: "cluster-icon", iconSize: L.point(size, size) });
}

function tooltip(props) {
  const place = props.location || "";
  return h("div", {}, h("strong", {}, props.type || ""), ` ${props.event_date || ""}`, h("br"), place,
    props.actor1 ? h("div", {}, props.actor1) : null);
}

export class EventMap {
  constructor(element, config, onSelect, onMove) {
    this.onSelect = onSelect;
    this.map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 14, zoomSnap: 0.5 }).setView([30, 45], 3);
    this.map.attributionControl.setPrefix(false);
    this.markers = new Map();
    this.selected = null;
    this.loadWorld();
    if (config.tileUrl) {
      L.tileLayer(config.tileUrl, { attribution: config.tileAttribution || "", maxZoom: 18 }).addTo(this.map);
    }
    this.cluster = L.markerClusterGroup({
      iconCreateFunction: clusterIcon, showCoverageOnHover: false, maxClusterRadius: 42, spiderfyOnMaxZoom: true,
    });
    this.map.addLayer(this.cluster);
    this.pasted = L.layerGroup().addTo(this.map);
    this.map.on("moveend", () => onMove && onMove(this.view()));
  }

  async loadWorld() {
    try {
      const world = await (await fetch(WORLD_URL)).json();
      L.geoJSON(world, {
        interactive: false,
        style: { color: "#9aa7b5", weight: 0.7, fillColor: "#f1eee6", fillOpacity: 1 },
      }).addTo(this.map).bringToBack();
    } catch (error) {
      console.warn("world outline not loaded", error);
    }
  }

  view() {
    const c = this.map.getCenter();
    return `${this.map.getZoom()}/${c.lat.toFixed(3)}/${c.lng.toFixed(3)}`;
  }

  setView(value) {
    const parts = (value || "").split("/").map(Number);
    if (parts.length === 3 && parts.every(Number.isFinite)) this.map.setView([parts[1], parts[2]], parts[0], { animate: false });
  }

  /** Replace the markers with the features of a GeoJSON page of events. */
  show(collection, fit) {
    this.cluster.clearLayers();
    this.markers.clear();
    const layers = [];
    for (const feature of collection.features || []) {
      const [lon, lat] = feature.geometry.coordinates;
      const props = feature.properties || {};
      const marker = L.circleMarker([lat, lon], {
        radius: 7, color: "#ffffff", weight: 1.5, fillColor: typeColor(props.type), fillOpacity: 0.92, eventType: props.type,
      });
      marker.bindTooltip(tooltip(props), { direction: "top", offset: [0, -6] });
      marker.on("click", () => this.onSelect(feature.id));
      marker.eventId = feature.id;
      this.markers.set(feature.id, marker);
      layers.push(marker);
    }
    this.cluster.addLayers(layers);
    if (fit && layers.length) this.map.fitBounds(this.cluster.getBounds(), { padding: [30, 30], maxZoom: 7 });
    if (this.selected) this.highlight(this.selected, false);
  }

  /** Ring the selected event's marker; with `reveal`, zoom to it out of its cluster. */
  highlight(id, reveal) {
    const previous = this.markers.get(this.selected);
    if (previous) previous.setStyle({ color: "#ffffff", weight: 1.5, radius: 7 });
    this.selected = id;
    const marker = this.markers.get(id);
    if (!marker) return;
    marker.setStyle({ color: "#111111", weight: 3, radius: 9 });
    if (reveal) this.cluster.zoomToShowLayer(marker, () => marker.bringToFront());
  }

  /** Events of a pasted article, as hollow dashed markers beside the stored ones. */
  showPasted(events) {
    this.pasted.clearLayers();
    const points = [];
    for (const event of events) {
      const place = event.location;
      if (!place || place.lat === null || place.lon === null || place.lat === undefined) continue;
      const marker = L.circleMarker([place.lat, place.lon], {
        radius: 10, color: typeColor(event.type), weight: 3, dashArray: "4 3", fillOpacity: 0.15,
      });
      marker.bindTooltip(h("div", {}, h("strong", {}, "pasted: "), `${event.type} ${place.name || ""}`));
      marker.addTo(this.pasted);
      points.push([place.lat, place.lon]);
    }
    if (points.length) this.map.fitBounds(points, { padding: [40, 40], maxZoom: 7 });
  }
}
