/*
 * A stable colour per service name for the waterfall bars, and per series for the Metrics tab's
 * charts, readable on light and dark paper.
 */
import {
  amber,
  blue,
  cyan,
  deepPurple,
  green,
  indigo,
  lightGreen,
  orange,
  pink,
  teal,
} from '@material-ui/core/colors';

const PALETTE = [
  blue,
  teal,
  deepPurple,
  amber,
  cyan,
  lightGreen,
  indigo,
  orange,
  pink,
  green,
].map(color => color[400]);

/** The same service always gets the same colour. */
export function serviceColor(service: string): string {
  let hash = 0;
  for (let i = 0; i < service.length; i++) {
    hash = (hash * 31 + service.charCodeAt(i)) | 0;
  }
  return PALETTE[Math.abs(hash) % PALETTE.length];
}

/** The colour of the `index`-th series of a chart, in palette order. */
export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length];
}
