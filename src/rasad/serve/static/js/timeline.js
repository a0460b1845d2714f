// The timeline: counts of events by day, stacked by type, as SVG; drag across it to choose dates.
import { TYPE_ORDER, typeColor } from "./colors.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const M = { left: 28, right: 8, top: 6, bottom: 18 };

function svg(tag, attrs = {}, text = null) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== null) el.textContent = text;
  return el;
}

const toDay = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const toIso = (ms) => new Date(ms).toISOString().slice(0, 10);

export class Timeline {
  constructor(element, onBrush) {
    this.el = element;
    this.onBrush = onBrush;
    this.data = [];
    this.range = null;
    this.drag = null;
    new ResizeObserver(() => this.draw()).observe(element);
    element.addEventListener("pointerdown", (e) => this.start(e));
    element.addEventListener("pointermove", (e) => this.move(e));
    element.addEventListener("pointerup", (e) => this.end(e));
    element.addEventListener("pointercancel", () => { this.drag = null; this.draw(); });
  }

  /** byDay: [{date, type, count}]; range: [since, until] or null. */
  update(byDay, range) {
    this.data = byDay || [];
    this.range = range;
    this.draw();
  }

  setRange(range) {
    this.range = range;
    this.draw();
  }

  domain() {
    const days = this.data.map((d) => toDay(d.date));
    if (this.range) for (const value of this.range) if (value) days.push(toDay(value));
    if (!days.length) return null;
    let first = Math.min(...days) - DAY;
    let last = Math.max(...days) + DAY;
    if ((last - first) / DAY < 14) {
      const pad = Math.ceil((14 - (last - first) / DAY) / 2) * DAY;
      first -= pad;
      last += pad;
    }
    return [first, last];
  }

  draw() {
    const el = this.el;
    while (el.firstChild) el.removeChild(el.firstChild);
    const width = el.clientWidth || 600;
    const height = el.clientHeight || 120;
    el.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const domain = this.domain();
    if (!domain) {
      el.appendChild(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, "No dated events"));
      this.scale = null;
      return;
    }
    const [first, last] = domain;
    const days = Math.round((last - first) / DAY) + 1;
    const inner = width - M.left - M.right;
    const step = inner / days;
    const x = (ms) => M.left + ((ms - first) / DAY) * step;
    this.scale = { first, last, step, x };
    const stacks = new Map();
    for (const d of this.data) {
      const key = toDay(d.date);
      if (!stacks.has(key)) stacks.set(key, []);
      stacks.get(key).push(d);
    }
    const top = Math.max(1, ...[...stacks.values()].map((s) => s.reduce((n, d) => n + d.count, 0)));
    const y = (n) => (height - M.bottom) - (n / top) * (height - M.bottom - M.top);
    const axis = svg("g", { class: "axis" });
    axis.appendChild(svg("line", { x1: M.left, x2: width - M.right, y1: height - M.bottom, y2: height - M.bottom }));
    axis.appendChild(svg("text", { x: M.left - 4, y: M.top + 8, "text-anchor": "end" }, String(top)));
    axis.appendChild(svg("text", { x: M.left - 4, y: height - M.bottom, "text-anchor": "end" }, "0"));
    const ticks = Math.max(2, Math.min(6, Math.floor(inner / 90)));
    for (let i = 0; i <= ticks; i++) {
      const ms = first + Math.round(((last - first) / DAY) * (i / ticks)) * DAY;
      const anchor = i === 0 ? "start" : i === ticks ? "end" : "middle";
      axis.appendChild(svg("text", { x: x(ms) + step / 2, y: height - 4, "text-anchor": anchor }, toIso(ms)));
    }
    el.appendChild(axis);
    const bars = svg("g");
    const barWidth = Math.max(1, step - (step > 4 ? 1 : 0));
    for (const [key, stack] of stacks) {
      stack.sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type));
      let below = 0;
      for (const d of stack) {
        const rect = svg("rect", {
          class: "bar", x: x(key), width: barWidth, y: y(below + d.count), height: Math.max(1, y(below) - y(below + d.count)),
          fill: typeColor(d.type), "data-date": d.date, "data-type": d.type,
        });
        rect.appendChild(svg("title", {}, null)).textContent = `${d.date} ${d.type}: ${d.count}`;
        bars.appendChild(rect);
        below += d.count;
      }
    }
    el.appendChild(bars);
    const range = this.drag ? this.dragRange() : this.range;
    if (range && (range[0] || range[1])) {
      const from = range[0] ? toDay(range[0]) : first;
      const to = range[1] ? toDay(range[1]) : last;
      el.appendChild(svg("rect", { class: "brush", x: x(from), width: Math.max(2, x(to) + step - x(from)), y: M.top - 2, height: height - M.bottom - M.top + 2 }));
    }
  }

  dayAt(event) {
    const box = this.el.getBoundingClientRect();
    const px = event.clientX - box.left;
    const { first, last, step } = this.scale;
    const index = Math.floor((px - M.left) / step);
    return Math.min(last, Math.max(first, first + index * DAY));
  }

  dragRange() {
    const [a, b] = [this.drag.from, this.drag.to].sort((p, q) => p - q);
    return [toIso(a), toIso(b)];
  }

  start(event) {
    if (!this.scale || event.button > 0) return;
    this.el.setPointerCapture(event.pointerId);
    const day = this.dayAt(event);
    this.drag = { from: day, to: day, x: event.clientX };
    this.draw();
  }

  move(event) {
    if (!this.drag) return;
    this.drag.to = this.dayAt(event);
    this.draw();
  }

  end(event) {
    if (!this.drag) return;
    this.drag.to = this.dayAt(event);
    const range = this.dragRange();
    const moved = Math.abs(event.clientX - this.drag.x) > 3;
    this.drag = null;
    const clicked = !moved && !this.data.some((d) => d.date === range[0]);
    this.range = clicked ? null : range;
    this.draw();
    this.onBrush(this.range);
  }
}
