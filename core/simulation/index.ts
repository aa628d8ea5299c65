// The built-in dispersion model (Computing on Demand): what a worker or the UI imports.
export { runDispersion, type DispersionHooks } from './dispersion';
export type { DispersionPaths, DispersionResult, OutputInterval } from './dispersion-output';
export {
  cellCentre,
  cellIndexOf,
  emissionSensitivity,
  footprintGrid,
  meanConcentration,
  type FootprintGrid,
} from './footprint-grid';
export { releaseBoxToLocal, toGeo, toLocal, type GeoPoint, type ReleaseBox } from './local-plane';
export { MeasuredWind, type MeasuredWindOptions, type WindSeries } from './measured-wind';
export {
  dispersionParametersSchema,
  type DispersionParameters,
  type DispersionParametersInput,
} from './parameters';
export { SeededRandom } from './random';
export {
  briggsSigmas,
  diffusivitiesForStability,
  STABILITY_CLASSES,
  type StabilityClass,
} from './stability';
export { ConstantWind, windComponents, type WindField, type WindVector } from './wind-field';
