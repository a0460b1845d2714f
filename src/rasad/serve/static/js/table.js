// The table of events: one row per event, sortable by the server, paged.
import { clear, h } from "./dom.js";
import { actorName, badge } from "./text.js";

export class EventTable {
  constructor(table, onSelect, onSort) {
    this.body = table.querySelector("tbody");
    this.headers = [...table.querySelectorAll("th[data-sort]")];
    this.onSelect = onSelect;
    for (const th of this.headers) {
      th.tabIndex = 0;
      const sort = () => onSort(th.dataset.sort);
      th.addEventListener("click", sort);
      th.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    }
    this.selected = null;
  }

  show(page, sort) {
    clear(this.body);
    const key = (sort || "-date").replace(/^-/, "");
    for (const th of this.headers) {
      if (th.dataset.sort === key) th.setAttribute("aria-sort", sort.startsWith("-") ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    }
    if (!page.events.length) {
      this.body.appendChild(h("tr", {}, h("td", { colspan: 7, className: "hint" }, "No event matches these filters.")));
      return;
    }
    for (const event of page.events) {
      const names = [actorName(event.actor1), actorName(event.actor2)].filter(Boolean);
      const actors = names.flatMap((name, i) => (i ? [" → ", h("bdi", {}, name)] : [h("bdi", {}, name)]));
      const place = event.location ? [event.location.name, event.location.admin1].filter(Boolean).join(", ") : "";
      const row = h("tr", { dataset: { id: event.id }, tabIndex: 0 },
        h("td", {}, event.date || "—"),
        h("td", {}, badge(event.type), event.event_type ? h("div", { className: "count hide-narrow" }, event.event_type) : null),
        h("td", {}, actors.length ? actors : "—"),
        h("td", {}, place || "—"),
        h("td", { className: "hide-narrow" }, event.location ? event.location.country : ""),
        h("td", { className: "num" }, event.fatalities === null ? "" : String(event.fatalities)),
        h("td", { className: "num hide-narrow" }, String(event.n_reports ?? "")));
      row.tabIndex = 0;
      row.addEventListener("click", () => this.onSelect(event.id));
      row.addEventListener("keydown", (e) => { if (e.key === "Enter") this.onSelect(event.id); });
      if (event.id === this.selected) row.classList.add("selected");
      this.body.appendChild(row);
    }
  }

  highlight(id) {
    this.selected = id;
    for (const row of this.body.querySelectorAll("tr")) row.classList.toggle("selected", row.dataset.id === id);
  }
}
