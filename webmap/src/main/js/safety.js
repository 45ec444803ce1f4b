import { label, t, onLanguage } from './i18n.js';

function escape(text) {
  const span = document.createElement('span');
  span.textContent = text ?? '';
  return span.innerHTML;
}

function metres(distance) {
  return distance < 1000 ? `${Math.round(distance)} m` : `${(distance / 1000).toFixed(1)} km`;
}

/**
 * "Is this place safe?": asks /api/safety about a place, shows the answer in the sheet (a bottom
 * sheet on phones, a side card on wide screens) and marks the place and the shelters on the map,
 * with straight dashed lines since the distances are straight-line, zooming out to show them all.
 * Each shelter in the list is a button that shows it on the map with its popup.
 */
export function createSafety(map, sheet, body) {
  const marks = L.layerGroup().addTo(map);
  let answer = null;
  let failure = '';
  let state = 'idle';
  let pins = [];

  function render() {
    if (state === 'idle') {
      body.innerHTML = `<p class="hint">${escape(t('tapHint'))}</p>`;
      return;
    }
    if (state === 'loading') {
      body.innerHTML = `<p>${escape(t('checking'))}</p>`;
      return;
    }
    if (state === 'failed') {
      body.innerHTML = `<p class="error">${escape(t('failed'))}: ${escape(failure)}</p>`;
      return;
    }
    const zones = answer.hazardZones.map((z) => `<li class="zone zone-${escape(z.kind)}">${escape(label(z.kindLabel))}`
      + `${z.name ? ` — ${escape(z.name)}` : ''}${z.floodDepth ? ` (${escape(label(z.floodDepth))})` : ''}</li>`).join('');
    const choice = answer.shelters;
    const shelters = choice ? choice.shelters.map((s, i) => `<li class="shelter">`
      + `<button type="button" class="shelter-name" data-shelter="${i}" title="${escape(t('showShelter', s.name))}">${escape(s.name)}</button>`
      + ` <span class="kind">${escape(label(s.kindLabel))}</span>`
      + `${s.open ? ` <span class="badge open">${escape(t('open'))}</span>` : ''}`
      + `${s.address ? `<br><span class="address">${escape(s.address)}</span>` : ''}<br>`
      + `<span class="distance">${escape(t('straightLine'))} ${metres(s.distanceMetres)} · ${escape(t('walkMinutes', s.walkingMinutes))}</span>`
      + `${choice.preferredFor.length ? `<br><span class="${s.suitable ? 'suitable' : 'unsuitable'}">${s.suitable
        ? escape(t('suitableFor', choice.preferredFor.map(label).join('・'))) : escape(t('notSuitable'))}</span>` : ''}`
      + `</li>`).join('') : '';
    body.innerHTML = `<p class="summary ${answer.hazardZones.length ? 'danger' : ''}">${escape(label(answer.summary))}</p>`
      + (zones ? `<h3>${escape(t('zones'))}</h3><ul class="zones">${zones}</ul>` : '')
      + (choice ? `<h3>${escape(t('shelters'))}</h3><p class="basis">${escape(label(choice.basisLabel))}</p>`
        + (shelters ? `<ol class="shelters">${shelters}</ol>` : `<p>${escape(t('noShelter'))}</p>`) : '')
      + `<p class="note">${escape(label(answer.distances.note))}</p>`;
  }

  function shelterPopup(s) {
    const rows = [[t('address'), s.address], [t('capacity'), s.capacity]].filter(([, value]) => value !== null && value !== undefined)
      .map(([name, value]) => `<tr><th scope="row">${escape(name)}</th><td>${escape(String(value))}</td></tr>`).join('');
    return `<div class="chizu-popup"><h3>${escape(s.name)}</h3><p class="kind">${escape(label(s.kindLabel))}</p><table>${rows}</table></div>`;
  }

  function mark(latlng) {
    marks.clearLayers();
    pins = [];
    L.circleMarker(latlng, { radius: 8, color: '#1a1a1a', weight: 3, fillColor: '#ffffff', fillOpacity: 1 }).addTo(marks);
    (answer?.shelters?.shelters || []).forEach((s, i) => {
      const at = [s.lat, s.lon];
      L.polyline([latlng, at], { color: '#1565c0', weight: 2, dashArray: '6 6', interactive: false }).addTo(marks);
      pins.push(L.marker(at, { icon: L.divIcon({ className: 'shelter-pin', html: `<span>${i + 1}</span>`, iconSize: [26, 26] }),
        title: s.name, alt: s.name, keyboard: false }).bindPopup(() => shelterPopup(s), { maxWidth: 320 }).addTo(marks));
    });
  }

  /** The part of the map the sheet leaves uncovered, as fitBounds padding: below it on phones, beside it on wide screens. */
  function uncovered() {
    const margin = 32;
    const m = map.getContainer().getBoundingClientRect();
    const s = sheet.getBoundingClientRect();
    if (sheet.hidden) return { paddingTopLeft: [margin, margin], paddingBottomRight: [margin, margin] };
    return s.width > m.width * 0.8
      ? { paddingTopLeft: [margin, margin], paddingBottomRight: [margin, m.bottom - s.top + margin] }
      : { paddingTopLeft: [margin, margin], paddingBottomRight: [m.right - s.left + margin, margin] };
  }

  /** Zooms out, never in, until the place and the listed shelters are all in sight beside the sheet. */
  function showPlaceAndShelters(latlng) {
    const points = [latlng, ...(answer?.shelters?.shelters || []).map((s) => L.latLng(s.lat, s.lon))];
    const { paddingTopLeft: [left, top], paddingBottomRight: [right, bottom] } = uncovered();
    const size = map.getSize();
    const inSight = points.every((p) => {
      const at = map.latLngToContainerPoint(p);
      return at.x >= left && at.y >= top && at.x <= size.x - right && at.y <= size.y - bottom;
    });
    if (!inSight) map.fitBounds(L.latLngBounds(points), { ...uncovered(), maxZoom: map.getZoom() });
  }

  body.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-shelter]');
    if (!button) return;
    const pin = pins[Number(button.dataset.shelter)];
    // The pin goes low in the part the sheet leaves uncovered, so the popup above it has room.
    const { paddingTopLeft: [left, top], paddingBottomRight: [right, bottom] } = uncovered();
    const size = map.getSize();
    const at = L.point(left + (size.x - left - right) / 2, top + (size.y - top - bottom) * 0.75);
    map.setView(pin.getLatLng(), Math.max(map.getZoom(), 16), { animate: false });
    map.panBy(size.divideBy(2).subtract(at), { animate: false });
    pin.openPopup();
  });

  async function assess(latlng) {
    sheet.hidden = false;
    answer = null;
    state = 'loading';
    render();
    mark(latlng);
    try {
      const response = await fetch(`/api/safety?lon=${latlng.lng.toFixed(6)}&lat=${latlng.lat.toFixed(6)}`,
        { headers: { Accept: 'application/json' } });
      const json = await response.json();
      if (!response.ok) throw new Error(json.detail || response.statusText);
      answer = json;
      state = 'answered';
    } catch (e) {
      failure = e.message;
      state = 'failed';
    }
    render();
    mark(latlng);
    if (state === 'answered') showPlaceAndShelters(latlng);
  }

  onLanguage(render);
  return { assess };
}
