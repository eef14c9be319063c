// The locator map of the overview: North-East Asia with the article's places, written to
// includes/locator-map.svg from Natural Earth's 1:50m countries (public domain, as the npm
// package world-atlas ships them), simplified by topojson-simplify and projected by d3-geo.
// Each translation gets its own map, includes/<lang>/locator-map.svg, the same drawing with
// the words of scripts/pictures/places.<lang>.json (places.ko.json: the Korean map).
//
//     node scripts/tools/locator_map.mjs            write every language's map
//     node scripts/tools/locator_map.mjs --check    exit 1 when a committed map is stale
//     node scripts/tools/locator_map.mjs --language ko   write (or --check) one language's map
//     node scripts/tools/locator_map.mjs --check --out other.svg   check another file against
//                                                   the English map (or --language ko's)
//
// The places come from scripts/pictures/places.json, which scripts/pictures/locator.py also
// reads for the list beside the map, with the same places.<lang>.json. Links are written as
// `page.md#section` and made relative to the page that shows the map when the build inlines it.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { geoAzimuthalEqualArea, geoPath, geoDistance } from "d3-geo";
import { feature } from "topojson-client";
import { presimplify, simplify, sphericalTriangleArea } from "topojson-simplify";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PICTURES = join(ROOT, "scripts", "pictures");
const PLACES = join(PICTURES, "places.json");
const ENGLISH = "en";
const TRANSLATION = /^places\.([a-z]{2,3})\.json$/;
const require = createRequire(import.meta.url);
const TOPOLOGY = require.resolve("world-atlas/countries-50m.json");

const WIDTH = 380;
// The steradian area below which a coastline's corner goes (about 400 km², a few units at
// ~7 km a unit): the coasts stay recognisable and the inlined map stays near 3.5 KB gzip.
const MIN_WEIGHT = 1e-5;
const EARTH_KM = 6371;
// ISO 3166 numeric codes, as Natural Earth gives them; the two Koreas are picked out.
const COUNTRIES = {
  "408": "pic-map__land pic-map__land--north",
  "410": "pic-map__land pic-map__land--south",
  "156": "pic-map__land",
  "643": "pic-map__land",
  "496": "pic-map__land",
  "392": "pic-map__land",
};
const LABEL_OFFSET = {
  n: [0, -9, "middle"], s: [0, 17, "middle"], e: [8, 5, "start"], w: [-8, 5, "end"],
  ne: [6, -6, "start"], nw: [-6, -6, "end"], se: [6, 15, "start"], sw: [-6, 15, "end"],
};

function escape(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

// The map's own words in `language`: English as written below, a translation's from the `map`
// section of its places file, keyed by the English (a text it lacks stops the script).
function wording(language, words, file) {
  return (english, values = {}) => {
    let text = english;
    if (language !== ENGLISH) {
      text = words.map?.[english];
      if (typeof text !== "string" || !text.trim()) {
        throw new Error(`${file}: 'map': no text for ${JSON.stringify(english)}`);
      }
    }
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  };
}

// places.json with a translation's names and descriptions (scripts/pictures/locator.py
// applies the same rule for the list): every place, reference, region name, the border and
// Washington translated, and nothing else; a region name may be null, not drawn.
function translatePlaces(data, words, file) {
  const out = structuredClone(data);
  const fields = (where, entry, given, keys) => {
    if (!given || typeof given !== "object" ||
        Object.keys(given).sort().join() !== [...keys].sort().join()) {
      throw new Error(`${file}: ${where}: expected exactly the fields ${keys.join(", ")}`);
    }
    for (const key of keys) {
      if (typeof given[key] !== "string" || !given[key].trim()) {
        throw new Error(`${file}: ${where}: field '${key}': expected a non-empty text`);
      }
      entry[key] = given[key];
    }
  };
  const same = (given, expected) =>
    given && typeof given === "object" &&
    Object.keys(given).sort().join("\n") === [...expected].sort().join("\n");
  for (const [group, keys] of [["places", ["name", "what"]], ["references", ["name"]]]) {
    const ids = out[group].map((entry) => entry.id);
    if (!same(words[group], ids)) {
      throw new Error(`${file}: '${group}': expected exactly the ids of places.json (${ids.join(", ")})`);
    }
    for (const entry of out[group]) fields(`${group}.${entry.id}`, entry, words[group][entry.id], keys);
  }
  for (const key of ["border", "washington"]) fields(key, out[key], words[key], ["name", "what"]);
  const english = out.names.map((entry) => entry.name);
  if (!same(words.names, english)) {
    throw new Error(`${file}: 'names': expected exactly the region names of places.json (${english.join(", ")})`);
  }
  for (const entry of out.names) {
    const name = words.names[entry.name];
    if (name !== null && (typeof name !== "string" || !name.trim())) {
      throw new Error(`${file}: names.${entry.name}: expected a non-empty text, or null`);
    }
    entry.name = name;
  }
  // A region name given as null is not drawn in that language (Korean names the sea 동해
  // alone).
  out.names = out.names.filter((entry) => entry.name !== null);
  return out;
}

// The languages with a map: English, and each translation with a places.<lang>.json.
export function mapLanguages() {
  const found = readdirSync(PICTURES).map((name) => TRANSLATION.exec(name)?.[1]).filter(Boolean);
  return [ENGLISH, ...found.sort()];
}

// Where a language's map is committed: includes/locator-map.svg, includes/ko/locator-map.svg.
export function mapPath(language) {
  return language === ENGLISH
    ? join(ROOT, "includes", "locator-map.svg")
    : join(ROOT, "includes", language, "locator-map.svg");
}

function round(value) {
  return Math.round(value * 10) / 10;
}

// A point `km` from [lon, lat] at a right angle to the segment a->b, on the left (+) or right.
function offsetLine(line, km) {
  const deg = (km / EARTH_KM) * (180 / Math.PI);
  return line.map(([lon, lat], index) => {
    const [ax, ay] = line[Math.max(0, index - 1)];
    const [bx, by] = line[Math.min(line.length - 1, index + 1)];
    const cos = Math.cos((lat * Math.PI) / 180);
    const dx = (bx - ax) * cos, dy = by - ay;
    const length = Math.hypot(dx, dy);
    return [lon + ((-dy / length) * deg) / cos, lat + (dx / length) * deg];
  });
}

export function render(language = ENGLISH) {
  const english = JSON.parse(readFileSync(PLACES, "utf8"));
  const file = `scripts/pictures/places.${language}.json`;
  const words = language === ENGLISH ? {} : JSON.parse(readFileSync(join(ROOT, file), "utf8"));
  const data = language === ENGLISH ? english : translatePlaces(english, words, file);
  const say = wording(language, words, file);
  const topology = simplify(
    presimplify(JSON.parse(readFileSync(TOPOLOGY, "utf8")), sphericalTriangleArea),
    MIN_WEIGHT,
  );
  const { west, east, south, north } = data.frame;
  const frame = {
    type: "Polygon",
    coordinates: [[[west, south], [west, north], [east, north], [east, south], [west, south]]],
  };
  // Equal-area and azimuthal, centred on the frame: shapes and distances from Korea stay true
  // enough at this scale, and north stays up along the peninsula's meridian.
  const centre = [(west + east) / 2, (south + north) / 2];
  const projection = geoAzimuthalEqualArea().rotate([-centre[0], -centre[1]]).fitWidth(WIDTH, frame);
  const [[, top], [, bottom]] = geoPath(projection).bounds(frame);
  const height = Math.round(bottom - top);
  projection.translate([projection.translate()[0], projection.translate()[1] - top]);
  projection.clipExtent([[0, 0], [WIDTH, height]]);
  const path = geoPath(projection).digits(0);
  const point = ([lon, lat]) => projection([lon, lat]).map(round);

  const out = [];
  out.push(
    // No role="img": that would hide the places' links from assistive technology.
    `<svg class="pic-map__svg" viewBox="0 0 ${WIDTH} ${height}" ` +
      `aria-labelledby="pic-map-title pic-map-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="pic-map-title">${escape(say("Where North Korea’s 2023 happened"))}</title>`,
    `<desc id="pic-map-desc">${escape(
      say(
        "A map of North-East Asia marking {names}, the inter-Korean border with the 2018 " +
          "no-fly zones, and an arrow to Washington. Each place links to the section that " +
          "tells its story.",
        { names: data.places.map((place) => place.name).join(", ") },
      ),
    )}</desc>`,
    `<rect class="pic-map__sea" width="${WIDTH}" height="${height}"/>`,
  );
  const countries = topology.objects.countries.geometries.filter((g) => g.id in COUNTRIES);
  for (const geometry of countries) {
    const d = path(feature(topology, geometry));
    if (d) out.push(`<path class="${COUNTRIES[geometry.id]}" d="${d}"/>`);
  }

  const border = data.border;
  const band = [...offsetLine(border.line, border.zone_km),
    ...offsetLine(border.line, -border.zone_km).reverse()];
  out.push(
    `<a xlink:href="${escape(border.zone_section)}" class="pic-map__place">`,
    `<title>${escape(say("2018 no-fly zones (approximate)"))}</title>`,
    `<path class="pic-map__zone" d="${path({ type: "Polygon", coordinates: [[...band, band[0]]] })}"/>`,
    `</a>`,
    `<a xlink:href="${escape(border.section)}" class="pic-map__place">`,
    `<title>${escape(border.name)}</title>`,
    `<path class="pic-map__border" d="${path({ type: "LineString", coordinates: border.line })}"/>`,
    `</a>`,
  );
  const [bx, by] = point(border.line[border.line.length - 1]);
  out.push(
    `<text class="pic-map__note" x="${round(bx + 8)}" y="${round(by + 2)}">` +
      `${escape(say("Border and"))}</text>`,
    `<text class="pic-map__note" x="${round(bx + 8)}" y="${round(by + 17)}">` +
      `${escape(say("2018 zones"))}</text>`,
  );

  // Region names: context, not links.
  for (const name of data.names) {
    const [x, y] = point([name.lon, name.lat]);
    out.push(
      `<text class="pic-map__name" x="${x}" y="${y}" text-anchor="middle">${escape(name.name)}</text>`,
    );
  }
  for (const place of data.references) {
    const [x, y] = point([place.lon, place.lat]);
    const [dx, dy, anchor] = LABEL_OFFSET[place.label];
    out.push(
      `<circle class="pic-map__reference" cx="${x}" cy="${y}" r="2.5"/>`,
      `<text class="pic-map__note" x="${round(x + dx)}" y="${round(y + dy)}" ` +
        `text-anchor="${anchor}">${escape(place.name)}</text>`,
    );
  }
  for (const place of data.places) {
    const [x, y] = point([place.lon, place.lat]);
    const [dx, dy, anchor] = LABEL_OFFSET[place.label];
    const mark =
      place.mark === "cross"
        ? `<path class="pic-map__cross" d="M${x - 5} ${y - 5}l10 10m0-10l-10 10"/>`
        : `<circle class="pic-map__mark" cx="${x}" cy="${y}" r="4.5"/>`;
    out.push(
      `<a xlink:href="${escape(place.section)}" class="pic-map__place">`,
      `<title>${escape(say("{name}: {what}", place))}</title>`,
      mark,
      `<text x="${round(x + dx)}" y="${round(y + dy)}" text-anchor="${anchor}">` +
        `${escape(place.name)}</text>`,
      `</a>`,
    );
  }

  // Washington is 11,000 km off the map: an arrow at the east edge, labelled with the distance
  // from Seoul as d3-geo measures it on the sphere.
  const seoul = data.places.find((place) => place.id === "seoul");
  const km = Math.round((geoDistance([seoul.lon, seoul.lat], [-77.04, 38.9]) * EARTH_KM) / 100) * 100;
  const y = Math.round(height * 0.72);
  out.push(
    `<a xlink:href="${escape(data.washington.section)}" class="pic-map__place">`,
    `<title>${escape(say("{name}: {what}", data.washington))}</title>`,
    `<path class="pic-map__arrow" d="M${WIDTH - 92} ${y}h80m-8-6l8 6-8 6"/>`,
    `<text x="${WIDTH - 8}" y="${y - 10}" text-anchor="end">${escape(data.washington.name)}</text>`,
    `<text class="pic-map__note" x="${WIDTH - 8}" y="${y + 22}" text-anchor="end">` +
      `${escape(say("{km} km", { km: km.toLocaleString("en-GB") }))}</text>`,
    `</a>`,
    `</svg>`,
  );
  return out.join("\n") + "\n";
}

function option(argv, name) {
  const at = argv.indexOf(name);
  return at === -1 ? undefined : argv[at + 1];
}

function main(argv) {
  const check = argv.includes("--check");
  const out = option(argv, "--out");
  const language = option(argv, "--language");
  const known = mapLanguages();
  if (language !== undefined && !known.includes(language)) {
    console.error(
      `--language ${language}: no scripts/pictures/places.${language}.json ` +
        `(languages with a map: ${known.join(", ")})`,
    );
    return 2;
  }
  // --out names one file: the English map's, unless --language says otherwise.
  const chosen = language !== undefined ? [language] : out !== undefined ? [ENGLISH] : known;
  let stale = 0;
  for (const each of chosen) {
    const target = out ?? mapPath(each);
    let fresh;
    try {
      fresh = render(each);
    } catch (error) {
      console.error(error.message);
      return 1;
    }
    if (!check) {
      writeFileSync(target, fresh);
      continue;
    }
    let committed = "";
    try {
      committed = readFileSync(target, "utf8");
    } catch {
      // A missing file is stale too.
    }
    if (committed !== fresh) {
      const name = relative(process.cwd(), target) || target;
      const sources = each === ENGLISH
        ? "scripts/pictures/places.json"
        : `scripts/pictures/places.json, scripts/pictures/places.${each}.json`;
      console.error(
        `${name} is stale: it no longer matches ${sources} and the map libraries; ` +
          "run `node scripts/tools/locator_map.mjs` and commit the result",
      );
      stale += 1;
    }
  }
  return stale ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
