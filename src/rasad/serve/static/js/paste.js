// Paste an article: POST /api/extract (or /api/ingest) and show the events found, with their evidence.
import { postJSON } from "./api.js";
import { clear, h } from "./dom.js";
import { eventFields } from "./panel.js";
import { articleText, badge, legend } from "./text.js";

const TOKEN_KEY = "rasad.token";

export class PasteBox {
  constructor(config, onEvents, onStored) {
    this.form = document.getElementById("paste-form");
    this.status = document.getElementById("paste-status");
    this.result = document.getElementById("paste-result");
    this.token = document.getElementById("paste-token");
    this.onEvents = onEvents;
    this.onStored = onStored;
    this.mode = config.extract;
    const needsToken = config.extract === "token" || config.ingest === "token";
    document.getElementById("token-row").hidden = !needsToken;
    this.token.value = sessionStorage.getItem(TOKEN_KEY) || "";
    const store = document.getElementById("paste-store");
    store.hidden = config.ingest !== "token";
    if (config.extract === "off") {
      this.say("Extraction is off on this server: its operator turns it on with `rasad serve --token …`.", true);
      for (const el of this.form.elements) el.disabled = true;
    }
    this.form.addEventListener("submit", (e) => { e.preventDefault(); this.run("/api/extract?highlights=true"); });
    store.addEventListener("click", () => this.run("/api/ingest"));
  }

  say(message, error = false) {
    this.status.textContent = message;
    this.status.classList.toggle("error", error);
  }

  body() {
    const value = (id) => document.getElementById(id).value.trim() || null;
    return { text: document.getElementById("paste-text").value, published: value("paste-published"), outlet: value("paste-outlet") };
  }

  async run(path) {
    const token = this.token.value.trim();
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    const body = this.body();
    if (!body.text.trim()) { this.say("Paste an article first.", true); return; }
    this.say(path.startsWith("/api/ingest") ? "Extracting and storing…" : "Extracting…");
    clear(this.result);
    try {
      const result = await postJSON(path, body, token || null);
      if (path.startsWith("/api/ingest")) {
        this.say(`Stored (${result.status}): article ${result.article_id}, ${result.events.length} event(s).`);
        this.onStored(result);
        return;
      }
      this.show(result);
    } catch (error) {
      this.say(`${error.status ? error.status + ": " : ""}${error.message}`, true);
    }
  }

  show(documentResult) {
    const events = documentResult.events || [];
    this.say(events.length ? `${events.length} event(s) found.` : "No event found in this article.");
    const text = documentResult.text || "";
    const list = h("ol", { className: "found" });
    const textBox = h("div");
    const select = (index) => {
      for (const [i, li] of [...list.children].entries()) li.setAttribute("aria-selected", i === index ? "true" : "false");
      clear(textBox).appendChild(articleText(text, index === null ? events.flatMap((e) => e.highlights || []) : events[index].highlights || []));
    };
    events.forEach((event, index) => {
      const summary = { ...event, date: event.date ? event.date.value : null, date_precision: event.date ? event.date.precision : null,
        sources: (event.sources || []).map((s) => s.name || s.text) };
      const item = h("li", { tabIndex: 0, "aria-selected": "false" },
        h("div", { className: "event-head" }, badge(event.type),
          h("span", { className: "sub" }, event.acled ? `${event.acled.event_type}: ${event.acled.sub_event_type}` : "")),
        eventFields(summary));
      item.addEventListener("click", () => select(index));
      list.appendChild(item);
    });
    this.result.append(list, legend(), textBox);
    select(events.length ? 0 : null);
    this.onEvents(events);
  }
}
