// Reads a PMTiles archive with Protomaps' reader and prints what a map client would see, as JSON:
// the header, the metadata, and each asked tile (z/x/y) decompressed, in base64, or null if absent.
// Usage: node read-pmtiles.mjs ARCHIVE [z/x/y ...]
import { open } from "node:fs/promises";
import { PMTiles } from "pmtiles";

class LocalFileSource {
  constructor(handle, path) {
    this.handle = handle;
    this.path = path;
  }

  getKey() {
    return this.path;
  }

  async getBytes(offset, length) {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await this.handle.read(buffer, 0, length, offset);
    return { data: buffer.buffer.slice(0, bytesRead) };
  }
}

const [path, ...tiles] = process.argv.slice(2);
const handle = await open(path, "r");
try {
  const archive = new PMTiles(new LocalFileSource(handle, path));
  const result = { header: await archive.getHeader(), metadata: await archive.getMetadata(), tiles: {} };
  for (const tile of tiles) {
    const [z, x, y] = tile.split("/").map(Number);
    const found = await archive.getZxy(z, x, y);
    result.tiles[tile] = found ? Buffer.from(found.data).toString("base64") : null;
  }
  process.stdout.write(JSON.stringify(result));
} finally {
  await handle.close();
}
