// The tileset page's preview: the data's extent (data-bounds: west,south,east,north in CRS84)
// outlined over GSI's pale map (地理院タイル, whose terms ask for this attribution).
(function () {
  const container = document.getElementById('tileset-preview');
  if (!container || typeof L === 'undefined') {
    return;
  }
  const [west, south, east, north] = container.dataset.bounds.split(',').map(Number);
  const map = L.map(container, { scrollWheelZoom: false });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
  L.tileLayer('https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png', {
    attribution: '<a href="https://maps.gsi.go.jp/development/ichiran.html" target="_blank" rel="noopener">地理院タイル</a>',
    minZoom: 5, maxNativeZoom: 18, maxZoom: 20,
  }).addTo(map);
  const extent = L.rectangle([[south, west], [north, east]], { color: '#c62828', weight: 2, fillOpacity: 0.12 }).addTo(map);
  map.fitBounds(extent.getBounds(), { padding: [16, 16], maxZoom: 16 });
}());
