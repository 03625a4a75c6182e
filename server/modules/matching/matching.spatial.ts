/**
 * Spatial helpers for matching: a local flat projection (km) and a uniform
 * grid index over typed arrays.
 *
 * Distances are straight-line kilometres on an equirectangular projection
 * (on the same sphere as the haversine formula) around a reference latitude.
 * The error against the great-circle distance comes from cos(latitude) away
 * from the reference: below 0.5 % within 0.2 degrees (22 km north-south, a city),
 * about 1 % within 0.5 degrees (a province) (tested). That is well inside the
 * uncertainty of a PC4 centroid, and a distance costs two multiplications.
 */

const KM_PER_DEG = (6371.0088 * Math.PI) / 180;
const KM_PER_DEG_LAT = KM_PER_DEG;
const KM_PER_DEG_LON_EQUATOR = KM_PER_DEG;

/** A flat projection around a reference point; x east, y north, in km. */
export interface Projection {
  lat0: number;
  lon0: number;
  kmPerDegLon: number;
}

export function makeProjection(lat0: number, lon0: number): Projection {
  return { lat0, lon0, kmPerDegLon: KM_PER_DEG_LON_EQUATOR * Math.cos((lat0 * Math.PI) / 180) };
}

export function projectX(p: Projection, lon: number): number {
  return (lon - p.lon0) * p.kmPerDegLon;
}

export function projectY(p: Projection, lat: number): number {
  return (lat - p.lat0) * KM_PER_DEG_LAT;
}

/** Great-circle distance in km (used to check the projection, not on hot paths). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = 6371.0088;
  const dLat = ((lat2 - lat1) * Math.PI) / 180;
  const dLon = ((lon2 - lon1) * Math.PI) / 180;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos((lat1 * Math.PI) / 180) * Math.cos((lat2 * Math.PI) / 180) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * A uniform grid over a subset of points, stored as CSR: the items of cell
 * `c` are `items[start[c] .. start[c+1])`, in ascending item order (so every
 * scan is deterministic).
 */
export class GridIndex {
  readonly minX: number;
  readonly minY: number;
  readonly cols: number;
  readonly rows: number;
  readonly start: Int32Array;
  readonly items: Int32Array;

  /**
   * @param xs, ys  coordinates of all points (km)
   * @param subset  indices of the points to index, ascending
   * @param cellKm  cell edge in km
   */
  constructor(
    readonly xs: Float64Array,
    readonly ys: Float64Array,
    subset: Int32Array,
    readonly cellKm: number,
  ) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let k = 0; k < subset.length; k++) {
      const i = subset[k]!;
      const x = xs[i]!;
      const y = ys[i]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (subset.length === 0) minX = minY = maxX = maxY = 0;
    this.minX = minX;
    this.minY = minY;
    this.cols = Math.max(1, Math.floor((maxX - minX) / cellKm) + 1);
    this.rows = Math.max(1, Math.floor((maxY - minY) / cellKm) + 1);
    const cells = this.cols * this.rows;
    const start = new Int32Array(cells + 1);
    const cellOf = new Int32Array(subset.length);
    for (let k = 0; k < subset.length; k++) {
      const i = subset[k]!;
      const c = this.cellOf(xs[i]!, ys[i]!);
      cellOf[k] = c;
      start[c + 1]!++;
    }
    for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
    const fill = start.slice(0, cells);
    const items = new Int32Array(subset.length);
    for (let k = 0; k < subset.length; k++) items[fill[cellOf[k]!]!++] = subset[k]!;
    this.start = start;
    this.items = items;
  }

  cellOf(x: number, y: number): number {
    const cx = Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.minX) / this.cellKm)));
    const cy = Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.minY) / this.cellKm)));
    return cy * this.cols + cx;
  }

  /** Column range [c0, c1] and row range [r0, r1] of the cells that may hold points within `radius` of (x, y). */
  range(x: number, y: number, radius: number): [number, number, number, number] {
    const c0 = Math.max(0, Math.floor((x - radius - this.minX) / this.cellKm));
    const c1 = Math.min(this.cols - 1, Math.floor((x + radius - this.minX) / this.cellKm));
    const r0 = Math.max(0, Math.floor((y - radius - this.minY) / this.cellKm));
    const r1 = Math.min(this.rows - 1, Math.floor((y + radius - this.minY) / this.cellKm));
    return [c0, c1, r0, r1];
  }
}

/**
 * A bounded max-heap that keeps the `capacity` smallest (key, id) pairs,
 * ties broken by the smaller id. Reused across queries (no allocation).
 */
export class NearestK {
  size = 0;
  private readonly keys: Float64Array;
  private readonly ids: Int32Array;

  constructor(readonly capacity: number) {
    this.keys = new Float64Array(Math.max(1, capacity));
    this.ids = new Int32Array(Math.max(1, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  private greater(i: number, j: number): boolean {
    const a = this.keys[i]!;
    const b = this.keys[j]!;
    return a > b || (a === b && this.ids[i]! > this.ids[j]!);
  }

  private swap(i: number, j: number): void {
    const k = this.keys[i]!;
    this.keys[i] = this.keys[j]!;
    this.keys[j] = k;
    const d = this.ids[i]!;
    this.ids[i] = this.ids[j]!;
    this.ids[j] = d;
  }

  offer(key: number, id: number): void {
    if (this.capacity === 0) return;
    if (this.size < this.capacity) {
      let i = this.size++;
      this.keys[i] = key;
      this.ids[i] = id;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.greater(i, p)) break;
        this.swap(i, p);
        i = p;
      }
      return;
    }
    const topKey = this.keys[0]!;
    if (key > topKey || (key === topKey && id > this.ids[0]!)) return;
    this.keys[0] = key;
    this.ids[0] = id;
    this.siftDown(0, this.size);
  }

  private siftDown(i: number, n: number): void {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      let m = l;
      if (l + 1 < n && this.greater(l + 1, l)) m = l + 1;
      if (!this.greater(m, i)) return;
      this.swap(i, m);
      i = m;
    }
  }

  /** Writes the kept pairs in ascending (key, id) order into the outputs and empties the heap; returns the count. */
  drainSorted(outIds: Int32Array, outKeys: Float64Array, offset = 0): number {
    const n = this.size;
    // Heap sort in place: repeatedly move the maximum to the end.
    for (let end = n - 1; end > 0; end--) {
      this.swap(0, end);
      this.siftDown(0, end);
    }
    for (let i = 0; i < n; i++) {
      outIds[offset + i] = this.ids[i]!;
      outKeys[offset + i] = this.keys[i]!;
    }
    this.size = 0;
    return n;
  }
}

/**
 * Many bounded heaps like {@link NearestK} in two flat arrays (heap `h` owns
 * slots `[h·capacity, (h+1)·capacity)`): one per volunteer while the
 * candidate search walks the requests, without an object per heap.
 */
export class NearestKMany {
  readonly size: Int32Array;
  private readonly keys: Float64Array;
  private readonly ids: Int32Array;

  constructor(
    heaps: number,
    readonly capacity: number,
  ) {
    this.size = new Int32Array(heaps);
    this.keys = new Float64Array(Math.max(1, heaps * capacity));
    this.ids = new Int32Array(Math.max(1, heaps * capacity));
  }

  private greater(i: number, j: number): boolean {
    const a = this.keys[i]!;
    const b = this.keys[j]!;
    return a > b || (a === b && this.ids[i]! > this.ids[j]!);
  }

  private swap(i: number, j: number): void {
    const k = this.keys[i]!;
    this.keys[i] = this.keys[j]!;
    this.keys[j] = k;
    const d = this.ids[i]!;
    this.ids[i] = this.ids[j]!;
    this.ids[j] = d;
  }

  /** Offers (key, id) to heap `h`; it keeps the `capacity` smallest, ties by the smaller id. */
  offer(h: number, key: number, id: number): void {
    const cap = this.capacity;
    if (cap === 0) return;
    const base = h * cap;
    const n = this.size[h]!;
    if (n < cap) {
      let i = n;
      this.size[h] = n + 1;
      this.keys[base + i] = key;
      this.ids[base + i] = id;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.greater(base + i, base + p)) break;
        this.swap(base + i, base + p);
        i = p;
      }
      return;
    }
    const topKey = this.keys[base]!;
    if (key > topKey || (key === topKey && id > this.ids[base]!)) return;
    this.keys[base] = key;
    this.ids[base] = id;
    this.siftDown(base, 0, n);
  }

  private siftDown(base: number, i: number, n: number): void {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      let m = l;
      if (l + 1 < n && this.greater(base + l + 1, base + l)) m = l + 1;
      if (!this.greater(base + m, base + i)) return;
      this.swap(base + i, base + m);
      i = m;
    }
  }

  /** Writes heap `h` in ascending (key, id) order into the outputs and empties it; returns the count. */
  drainSorted(h: number, outIds: Int32Array, outKeys: Float64Array): number {
    const base = h * this.capacity;
    const n = this.size[h]!;
    for (let end = n - 1; end > 0; end--) {
      this.swap(base, base + end);
      this.siftDown(base, 0, end);
    }
    for (let i = 0; i < n; i++) {
      outIds[i] = this.ids[base + i]!;
      outKeys[i] = this.keys[base + i]!;
    }
    this.size[h] = 0;
    return n;
  }
}
