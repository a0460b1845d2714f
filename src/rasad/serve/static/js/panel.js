// The event panel: the coded fields in English, the reports, and each report's article with its evidence highlighted.
import { getJSON } from "./api.js";
import { clear, h, safeUrl } from "./dom.js";
import { actorName, articleText, badge, fieldList, legend } from "./text.js";

function placeText(place) {
  if (!place) return null;
  const name = [place.name, place.admin1, place.country].filter(Boolean).join(", ");
  const precision = place.geo_precision ? ` · precision ${place.geo_precision}` : "";
  const at = place.lat !== null && place.lat !== undefined ? ` (${place.lat.toFixed(2)}, ${place.lon.toFixed(2)})` : "";
  return name + at + precision;
}

function figure(value) {
  return value === null || value === undefined ? "not given" : String(value);
}

export function eventFields(event) {
  return fieldList([
    ["Date", event.date ? event.date + (event.date_precision && event.date_precision !== "day" ? ` (${event.date_precision})` : "") : null, "date"],
    ["Actor 1", actorName(event.actor1), "actor1"],
    ["Actor 2", actorName(event.actor2), "actor2"],
    ["Place", placeText(event.location), "location"],
    ["Weapon", event.weapon, null],
    ["Fatalities", figure(event.fatalities), "fatalities"],
    ["Injured", figure(event.injured), "injured"],
    ["Status", event.status, null],
    ["Sources", (event.sources || []).length ? event.sources.flatMap((s, i) => (i ? [", ", h("bdi", {}, s)] : [h("bdi", {}, s)])) : null, null],
  ]);
}

export class EventPanel {
  constructor(element) {
    this.el = element;
    this.request = 0;
  }

  empty(message) {
    clear(this.el).appendChild(h("p", { className: "hint" }, message || "Choose an event on the map, the timeline or the table."));
  }

  async show(id) {
    const ticket = ++this.request;
    clear(this.el).appendChild(h("p", { className: "hint" }, "Loading…"));
    let event;
    try {
      event = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    } catch (error) {
      if (ticket === this.request) this.empty(`Cannot show this event: ${error.message}`);
      return;
    }
    if (ticket !== this.request) return;
    const reportBox = h("div", { className: "report-view" });
    const head = h("div", { className: "event-head" }, badge(event.type),
      h("span", { className: "sub" }, [event.event_type, event.sub_event_type].filter(Boolean).join(": ")));
    const links = h("div", { className: "links-row" },
      h("a", { href: `/events/${encodeURIComponent(event.id)}` }, "Event page"),
      h("a", { href: `/api/events/${encodeURIComponent(event.id)}` }, "JSON"));
    const buttons = h("div", { className: "reports", role: "group", "aria-label": "Reports" });
    event.reports.forEach((report, index) => {
      const button = h("button", { type: "button", "aria-pressed": index === 0 ? "true" : "false" },
        h("bdi", {}, report.article.outlet || "unknown outlet"), ` · ${report.article.published || "undated"}`);
      button.addEventListener("click", () => {
        for (const b of buttons.children) b.setAttribute("aria-pressed", b === button ? "true" : "false");
        this.showReport(reportBox, report, ticket);
      });
      buttons.appendChild(button);
    });
    clear(this.el).append(head, h("p", { className: "notes" }, event.notes), eventFields(event), links,
      h("h3", {}, `${event.reports.length} report${event.reports.length === 1 ? "" : "s"}`), buttons, reportBox);
    if (event.reports.length) await this.showReport(reportBox, event.reports[0], ticket);
  }

  async showReport(box, report, ticket) {
    clear(box).appendChild(h("p", { className: "hint" }, "Loading the article…"));
    let article;
    try {
      article = await getJSON(`/api/articles/${report.article.id}`);
    } catch (error) {
      clear(box).appendChild(h("p", { className: "status error" }, `Cannot load the article: ${error.message}`));
      return;
    }
    if (ticket !== this.request) return;
    const url = safeUrl(article.url);
    clear(box).append(
      article.title ? h("div", { className: "article-title", lang: "fa", dir: "rtl" }, article.title) : null,
      h("div", { className: "article-meta" }, h("bdi", {}, article.outlet || "unknown outlet"), ` · ${article.published || "undated"} · `,
        h("a", { href: `/articles/${article.id}` }, "article page"),
        url ? [" · ", h("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, "source")] : null),
      legend(),
      articleText(article.text, report.highlights));
  }
}
