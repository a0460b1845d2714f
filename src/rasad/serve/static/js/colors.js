// One colour per PLOVER type; app.css has the same list for the badges.
export const TYPE_COLORS = {
  ASSAULT: "#c62828", PROTEST: "#1f78b4", COERCE: "#6a3d9a", THREATEN: "#e6750a", MOBILIZE: "#8c6d31",
  SANCTION: "#525252", ACCUSE: "#b8860b", REJECT: "#9c7c1f", REQUEST: "#0f8b9c", AID: "#238b45",
  AGREE: "#41ab5d", CONSULT: "#4292c6", COOPERATE: "#6baed6", CONCEDE: "#74c476", RETREAT: "#807dba",
  SUPPORT: "#31a354",
};
export const OTHER_COLOR = "#777777";
export const TYPE_ORDER = Object.keys(TYPE_COLORS);

export function typeColor(type) {
  return TYPE_COLORS[type] || OTHER_COLOR;
}

export const FIELD_LABELS = {
  evidence: "evidence", trigger: "trigger", actor1: "actor 1", actor2: "actor 2", location: "place",
  origin: "origin", date: "date", fatalities: "fatalities", injured: "injured",
};
