// Building DOM without HTML strings: every value becomes a text node or a property, never markup.

/** h("a", {href: "/x", className: "y"}, "text", child) → an element. Attributes go through setAttribute,
 * except className, hidden, title, value and dataset (properties); children are nodes or plain text. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "className") el.className = value;
    else if (name === "dataset") Object.assign(el.dataset, value);
    else if (name === "onclick") el.addEventListener("click", value);
    else if (["hidden", "title", "value", "checked"].includes(name)) el[name] = value;
    else if (name.startsWith("on")) throw new Error("use addEventListener for " + name);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Only http(s) links are ever made clickable (no javascript: or data: URLs from the data). */
export function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
}

export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
