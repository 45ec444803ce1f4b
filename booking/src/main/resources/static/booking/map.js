// A map drawn by the page itself (SVG), so it reads without any background tiles: each facility a
// numbered dot with its name, the chosen place as a cross with 1 km and 2 km rings, a scale bar and
// north. Tapping it picks a place; the page then lists facilities nearest to it.
window.BookingMap = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const WIDTH = 400;
  const HEIGHT = 300;
  const MARGIN = 36;
  const METRES_PER_DEGREE = 111320;

  function svg(tag, attributes, text) {
    const made = document.createElementNS(NS, tag);
    Object.entries(attributes || {}).forEach(([name, value]) => made.setAttribute(name, value));
    if (text !== undefined) made.textContent = text;
    return made;
  }

  /** An equirectangular view around the points: fine over a town, metres the same both ways. */
  function view(points) {
    const lons = points.map((p) => p.lon);
    const lats = points.map((p) => p.lat);
    const middleLat = (Math.min(...lats) + Math.max(...lats)) / 2;
    const squash = Math.cos(middleLat * Math.PI / 180);
    const spanX = Math.max((Math.max(...lons) - Math.min(...lons)) * squash, 0.01);
    const spanY = Math.max(Math.max(...lats) - Math.min(...lats), 0.01);
    const scale = Math.min((WIDTH - 2 * MARGIN) / spanX, (HEIGHT - 2 * MARGIN) / spanY);
    const centreLon = (Math.min(...lons) + Math.max(...lons)) / 2;
    const centreLat = (Math.min(...lats) + Math.max(...lats)) / 2;
    return {
      x: (lon) => WIDTH / 2 + (lon - centreLon) * squash * scale,
      y: (lat) => HEIGHT / 2 - (lat - centreLat) * scale,
      lon: (x) => centreLon + (x - WIDTH / 2) / (squash * scale),
      lat: (y) => centreLat - (y - HEIGHT / 2) / scale,
      pixelsPerMetre: scale / METRES_PER_DEGREE,
    };
  }

  function scaleBar(map, projection) {
    const metres = [200, 500, 1000, 2000, 5000, 10000].find((m) => m * projection.pixelsPerMetre > 60) || 10000;
    const length = metres * projection.pixelsPerMetre;
    const g = svg('g', { class: 'scale' });
    g.append(svg('path', { d: `M12 ${HEIGHT - 18} v6 h${length} v-6` }),
      svg('text', { x: 12, y: HEIGHT - 22 }, metres >= 1000 ? metres / 1000 + ' km' : metres + ' m'));
    map.append(g, svg('text', { class: 'north', x: WIDTH - 16, y: 22 }, 'N↑'));
  }

  /**
   * Draws the facilities (each {number, name, lon, lat}) and the place ({lon, lat} or null); calls
   * onPick(lon, lat) when someone taps the map.
   */
  function draw(map, facilities, place, onPick) {
    map.replaceChildren(svg('rect', { class: 'ground', x: 0, y: 0, width: WIDTH, height: HEIGHT }));
    if (facilities.length === 0) {
      map.append(svg('text', { class: 'empty', x: WIDTH / 2, y: HEIGHT / 2 }, '該当なし No facility'));
      return;
    }
    const projection = view(place ? [...facilities, place] : facilities);
    if (place) {
      const x = projection.x(place.lon);
      const y = projection.y(place.lat);
      [1000, 2000].forEach((metres) => {
        const r = metres * projection.pixelsPerMetre;
        map.append(svg('circle', { class: 'ring', cx: x, cy: y, r }),
          svg('text', { class: 'ring-label', x: x + r * 0.71 + 2, y: y - r * 0.71 }, metres / 1000 + ' km'));
      });
      map.append(svg('path', { class: 'place', d: `M${x - 8} ${y} h16 M${x} ${y - 8} v16` }),
        svg('text', { class: 'place-label', x: x + 10, y: y + 16 }, 'ここ Here'));
    }
    facilities.forEach((facility) => {
      const x = projection.x(facility.lon);
      const y = projection.y(facility.lat);
      const dot = svg('g', { class: 'facility' });
      dot.append(svg('title', {}, facility.number + ' ' + facility.name),
        svg('circle', { cx: x, cy: y, r: 10 }),
        svg('text', { class: 'number', x, y: y + 4 }, String(facility.number)),
        // A name near the right edge goes to the dot's left, so that it is not cut off.
        x > WIDTH * 0.6 ? svg('text', { class: 'name', x: x - 13, y: y + 4, 'text-anchor': 'end' }, facility.name)
          : svg('text', { class: 'name', x: x + 13, y: y + 4 }, facility.name));
      map.append(dot);
    });
    scaleBar(map, projection);
    map.onclick = (event) => {
      const box = map.getBoundingClientRect();
      const x = (event.clientX - box.left) * WIDTH / box.width;
      const y = (event.clientY - box.top) * HEIGHT / box.height;
      onPick(projection.lon(x), projection.lat(y));
    };
  }

  return { draw };
})();
