import { t, label, onLanguage, addMessages } from './i18n.js';
import { element } from './dom.js';
import { refreshOn } from './live.js';
import { SEVERITY_COLOURS, levelSeverity } from './levels.js';

addMessages({
  alertBanner: { ja: (n) => `防災情報 ${n}件`, en: (n) => `${n} alert${n === 1 ? '' : 's'}` },
  alertDetails: { ja: '詳しく見る', en: 'Details' },
  // Begins with the link's visible text, so that speech input finds it by what it shows.
  alertDetailsLabel: { ja: '詳しく見る（防災情報のページ）', en: 'Details (the alerts page)' },
  alertsMore: { ja: (n) => `ほか${n}件`, en: (n) => `and ${n} more` },
});

/** How many alerts the banner names; the rest are counted, so that it stays one line on a phone. */
const NAMED = 2;

function severity(alert) {
  return alert.kind === 'threshold' ? levelSeverity(alert.scheme, alert.level) : 1;
}

/**
 * The public map's alert banner: the current alerts in one line, coloured by the most severe, and
 * their hazard zones outlined on the map, following the live topic "alerts" of the connection live.
 */
export function followAlerts(map, banner, live) {
  const zones = L.layerGroup().addTo(map);
  const outlines = new Map();
  let current = [];

  /** The most severe alerts by name and level, the others counted. */
  function summary() {
    const named = [...current].sort((a, b) => severity(b) - severity(a)).slice(0, NAMED)
      .map((a) => `${a.thing}：${a.kind === 'threshold' ? label(a.levelName) : '—'}`);
    const others = current.length - named.length;
    return named.join('　') + (others > 0 ? `　${t('alertsMore', others)}` : '');
  }

  function render() {
    if (!current.length) {
      banner.hidden = true;
      document.body.dataset.alerts = '0';
      return;
    }
    const worst = Math.max(...current.map(severity));
    banner.className = `alert-banner sev-${worst}`;
    banner.replaceChildren(
      element('strong', { text: t('alertBanner', current.length) }), ' ',
      element('span', { class: 'alert-summary', text: summary() }), ' ',
      element('a', { href: '/alerts', 'aria-label': t('alertDetailsLabel'), text: t('alertDetails') }),
    );
    banner.hidden = false;
    document.body.dataset.alerts = String(current.length);
  }

  async function outline(zoneId, colour) {
    if (!outlines.has(zoneId)) {
      outlines.set(zoneId, fetch(`/ogc/collections/hazard_zones/items/${zoneId}`, { headers: { Accept: 'application/geo+json' } })
        .then((r) => (r.ok ? r.json() : null)).catch(() => null));
    }
    const feature = await outlines.get(zoneId);
    if (feature) L.geoJSON(feature, { interactive: false, style: { color: colour, weight: 3, fillColor: colour, fillOpacity: 0.25 } }).addTo(zones);
  }

  async function refresh() {
    const response = await fetch('/api/alerts', { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    current = (await response.json()).alerts.filter((a) => !a.clearedAt);
    render();
    zones.clearLayers();
    const worstOfZone = new Map();
    current.forEach((a) => (a.area?.zones || []).forEach((z) => worstOfZone.set(z.id, Math.max(worstOfZone.get(z.id) || 0, severity(a)))));
    await Promise.all([...worstOfZone].map(([id, sev]) => outline(id, SEVERITY_COLOURS[sev])));
  }

  onLanguage(render);
  refreshOn(live, 'alerts', refresh);
}
