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
 * with straight dashed lines since the distances are straight-line.
 */
export function createSafety(map, sheet, body) {
  const marks = L.layerGroup().addTo(map);
  let answer = null;
  let failure = '';
  let state = 'idle';

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
    const shelters = choice ? choice.shelters.map((s) => `<li class="shelter">`
      + `<strong>${escape(s.name)}</strong> <span class="kind">${escape(label(s.kindLabel))}</span>`
      + `${s.open ? ` <span class="badge open">${escape(t('open'))}</span>` : ''}<br>`
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

  function mark(latlng) {
    marks.clearLayers();
    L.circleMarker(latlng, { radius: 8, color: '#1a1a1a', weight: 3, fillColor: '#ffffff', fillOpacity: 1 }).addTo(marks);
    (answer?.shelters?.shelters || []).forEach((s, i) => {
      const at = [s.lat, s.lon];
      L.polyline([latlng, at], { color: '#1565c0', weight: 2, dashArray: '6 6', interactive: false }).addTo(marks);
      L.marker(at, { icon: L.divIcon({ className: 'shelter-pin', html: `<span>${i + 1}</span>`, iconSize: [26, 26] }),
        title: s.name, keyboard: false }).addTo(marks);
    });
  }

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
  }

  onLanguage(render);
  return { assess };
}
