/** Mean Earth radius (IUGG), km: the usual constant for great-circle distances. */
const EARTH_RADIUS_KM = 6371.0088;

export interface LatLon {
  lat: number;
  lon: number;
}

/** Great-circle distance between two points, in km (haversine: stable for short and long arcs alike). */
export function haversineKm(a: LatLon, b: LatLon): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Km between consecutive stops (0 for the first) and their sum, rounded to 0.1 km. */
export function routeKm(stops: readonly LatLon[]): { legs: number[]; total: number } {
  const legs = stops.map((stop, i) => (i === 0 ? 0 : round1(haversineKm(stops[i - 1]!, stop))));
  return { legs, total: round1(legs.reduce((sum, km) => sum + km, 0)) };
}

export const round1 = (value: number): number => Math.round(value * 10) / 10;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone. */
export function localDate(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format.format(instant);
}
