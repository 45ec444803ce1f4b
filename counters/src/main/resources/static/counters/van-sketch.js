// Shared by the van's pages: SVG sketches of places by longitude and latitude, drawn without map tiles.

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

/**
 * A frame that fits all the places ({lon, lat}) in a width × height drawing with a margin: x(lon) and
 * y(lat) place them, place(x, y) reads a drawing point back as {lon, lat}. Longitude is shrunk by the
 * cosine of the latitude, so that distances look the same both ways.
 */
export function frame(places, width, height, margin = 20) {
  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  const pad = 0.005;
  const box = { west: Math.min(...lons) - pad, east: Math.max(...lons) + pad, south: Math.min(...lats) - pad, north: Math.max(...lats) + pad };
  const squeeze = Math.cos(((box.north + box.south) / 2) * Math.PI / 180);
  const scale = Math.min((width - 2 * margin) / ((box.east - box.west) * squeeze), (height - 2 * margin) / (box.north - box.south));
  const left = (width - (box.east - box.west) * squeeze * scale) / 2;
  const top = (height - (box.north - box.south) * scale) / 2;
  return {
    x: (lon) => left + (lon - box.west) * squeeze * scale,
    y: (lat) => top + (box.north - lat) * scale,
    place: (x, y) => ({ lon: box.west + (x - left) / (squeeze * scale), lat: box.north - (y - top) / scale }),
  };
}

/** The lines of a GeoJSON LineString or MultiLineString as lists of {lon, lat}. */
export function lines(geometry) {
  if (!geometry) return [];
  const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  return parts.map((part) => part.map(([lon, lat]) => ({ lon, lat })));
}

/** Where on the drawing a tap or click fell, in the drawing's own units. */
export function pointOf(drawing, event) {
  const point = drawing.createSVGPoint();
  point.x = event.clientX;
  point.y = event.clientY;
  return point.matrixTransform(drawing.getScreenCTM().inverse());
}
