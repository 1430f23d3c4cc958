/** Questions about rates are told apart by their category (src/contract/report.ts). */
export { isAnomaly } from '../contract/report.js';
