// The Persian article, right to left, with the words behind each coded field highlighted.
// Offsets from the server count code points (Python), so the text is cut as an array of code points.
import { FIELD_LABELS, typeColor } from "./colors.js";
import { h } from "./dom.js";

/** [{text, fields}] pieces of `text` cut at every span boundary. */
export function pieces(text, spans) {
  const chars = Array.from(text || "");
  const bounds = new Set([0, chars.length]);
  for (const s of spans) {
    if (s.start >= 0 && s.end <= chars.length && s.start < s.end) { bounds.add(s.start); bounds.add(s.end); }
  }
  const sorted = [...bounds].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [start, end] = [sorted[i], sorted[i + 1]];
    const fields = [...new Set(spans.filter((s) => s.start <= start && end <= s.end).map((s) => s.field))];
    out.push({ text: chars.slice(start, end).join(""), fields, start });
  }
  return out;
}

/** A <div dir=rtl lang=fa> of text nodes and <span class="hl hl-FIELD"> around highlighted pieces. */
export function articleText(text, spans) {
  const box = h("div", { className: "article-text", dir: "rtl", lang: "fa" });
  for (const piece of pieces(text, spans)) {
    if (!piece.fields.length) {
      box.appendChild(document.createTextNode(piece.text));
      continue;
    }
    const label = piece.fields.map((f) => FIELD_LABELS[f] || f).join(", ");
    const classes = ["hl", ...piece.fields.map((f) => `hl-${f}`)].join(" ");
    box.appendChild(h("span", { className: classes, title: label, dataset: { start: String(piece.start) } }, piece.text));
  }
  return box;
}

export function legend() {
  return h("ul", { className: "hl-legend", "aria-label": "Highlight colours" },
    Object.entries(FIELD_LABELS).map(([field, label]) => h("li", {}, h("span", { className: `hl hl-${field}` }, label))));
}

export function badge(type) {
  return h("span", { className: "badge", dataset: { type: type || "" } }, type || "?");
}

export function swatch(type) {
  const el = h("span", { className: "swatch" });
  el.style.backgroundColor = typeColor(type);
  return el;
}

export function actorName(actor) {
  return actor ? actor.name || actor.id || actor.text || "?" : null;
}

/** The coded fields of an event as a <dl>; `coded` is a stored summary or a rasad.document/1 event. */
export function fieldList(rows) {
  const dl = h("dl", { className: "fields" });
  for (const [label, value, field] of rows) {
    const key = field ? h("span", { className: `key hl-${field}` }) : null;
    dl.append(h("dt", {}, key, label), h("dd", {}, value === null || value === undefined || value === "" ? "—" : value));
  }
  return dl;
}
