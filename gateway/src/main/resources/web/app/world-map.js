// Charts of the web app: the world map of actions by country and the small bar/line charts.
// Both read everything from data-* attributes the server renders, so a Qute fragment swapped in by htmx
// carries its own data and only needs one of these functions called on it.
import * as echarts from 'echarts';

const MAP_NAME = 'world';
// ColorBrewer "Blues" without its two lightest steps: one hue, safe for every colour-vision deficiency, and
// its lightest step stays clearly apart from the grey of countries without activity.
const PALETTE = ['#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];
const NO_ACTIVITY = '#e0e0e0';
const LINE_COLOUR = '#2171b5'; // over 5:1 against white, enough for a bar or a line (WCAG 1.4.11)

let mapLoad = null; // one fetch and one registerMap per page, however many maps it shows

/** Draws the choropleth of data-values ({"SN": 12, ...}) on the map found at data-geojson-url. */
export async function renderWorldMap(element) {
  const names = await loadMap(element.dataset.geojsonUrl);
  const label = element.dataset.label ?? '';
  // Zero or not a number is no activity: left out of the data, so the region keeps the grey below.
  const counts = Object.entries(JSON.parse(element.dataset.values || '{}'))
    .filter(([, value]) => Number.isFinite(value) && value > 0);
  const max = Math.max(1, ...counts.map(([, value]) => value)); // one country with 1 action: mid-palette
  describe(element, label);
  draw(element, {
    title: emptyTitle(element, counts.length === 0),
    tooltip: {
      trigger: 'item',
      formatter: (params) => `${echarts.format.encodeHTML(names.get(params.name) ?? params.name)}<br>`
        + `${echarts.format.encodeHTML(label)}: ${Number.isFinite(params.value) ? params.value : 0}`,
    },
    visualMap: {
      type: 'continuous',
      show: counts.length > 0,
      min: 1,
      max,
      text: [String(max), '1'], // a continuous scale names its ends only when told
      inRange: { color: PALETTE },
      left: 'left',
      bottom: 'bottom',
    },
    series: [{
      type: 'map',
      map: MAP_NAME,
      name: label,
      nameProperty: 'iso', // regions are matched by the alpha-2 codes of data-values, not by English names
      roam: false,
      itemStyle: { areaColor: NO_ACTIVITY, borderColor: '#ffffff', borderWidth: 0.5 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: '#fdae61' } },
      select: { disabled: true },
      data: counts.map(([iso, value]) => ({ name: iso, value })),
    }],
  });
}

/** Draws a bar or line chart of data-values (numbers) over data-labels (strings). */
export function renderChart(element) {
  const kind = element.dataset.kind;
  if (kind !== 'bar' && kind !== 'line') {
    throw new Error(`data-kind must be bar or line, not ${kind}`);
  }
  const label = element.dataset.label ?? '';
  const labels = JSON.parse(element.dataset.labels || '[]');
  const values = JSON.parse(element.dataset.values || '[]');
  describe(element, label);
  draw(element, {
    title: emptyTitle(element, values.length === 0),
    color: [LINE_COLOUR],
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 }, // counts of actions: no 0.5 ticks
    series: [{ type: kind, name: label, data: values }],
  });
}

// Fetches the GeoJSON once and registers it; resolves to the English name of each region, for the tooltip.
function loadMap(url) {
  if (!mapLoad) {
    mapLoad = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.json();
      })
      .then((geojson) => {
        const names = new Map();
        for (const feature of geojson.features) {
          // N. Cyprus, Somaliland and Kosovo have no ISO code (iso null): named by their English name, which
          // never equals a two-letter code, so each stays a region of its own instead of three sharing "null".
          feature.properties.iso ??= feature.properties.name;
          names.set(feature.properties.iso, feature.properties.name);
        }
        echarts.registerMap(MAP_NAME, geojson);
        return names;
      })
      .catch((error) => {
        mapLoad = null; // let a later call try again
        throw error;
      });
  }
  return mapLoad;
}

// The canvas says nothing to a screen reader: the element is announced as one image named by data-label.
function describe(element, label) {
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', label);
}

function emptyTitle(element, empty) {
  return { show: empty, text: element.dataset.emptyLabel ?? '', left: 'center', top: 'middle',
    textStyle: { fontSize: 14, fontWeight: 'normal', color: '#595959' } };
}

// Reuses the chart already on the element (htmx may render the same fragment again), follows the element's
// size, and disposes of the chart once htmx has swapped the element out of the page.
function draw(element, option) {
  let chart = echarts.getInstanceByDom(element);
  if (!chart) {
    chart = echarts.init(element);
    const observer = new ResizeObserver(() => {
      if (element.isConnected) {
        chart.resize();
      } else {
        observer.disconnect();
        chart.dispose();
      }
    });
    observer.observe(element);
  }
  option.animation = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  chart.setOption(option, { notMerge: true });
  // setOption draws synchronously (only the animation runs on): the browser tests may look now.
  element.dataset.rendered = 'true';
}
