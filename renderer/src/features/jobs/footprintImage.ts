import type { SimulationResult } from '../../../../core/contracts/simulation-result';
import { footprintPixels, logRange } from './footprintScale';

/**
 * The residence-time grid as a PNG data URL, one pixel per cell, for plotly's layout image:
 * the basic bundle has no heatmap trace, and one image draws 40,000 cells faster than any
 * trace would. Null when no cell has residence time or the browser has no 2D canvas.
 */
export function footprintImageUrl(result: SimulationResult): string | null {
  const { nx, ny } = result.grid;
  const range = logRange(result.residenceSeconds);
  if (!range) return null;
  const canvas = document.createElement('canvas');
  canvas.width = nx;
  canvas.height = ny;
  const context = canvas.getContext('2d');
  if (!context) return null;
  const image = context.createImageData(nx, ny);
  image.data.set(footprintPixels(nx, ny, result.residenceSeconds, range));
  context.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}
