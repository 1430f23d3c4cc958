/**
 * The only module that imports webextension-polyfill (Chrome 148+ has `browser.*` natively; the
 * polyfill can be dropped by changing this file alone).
 */
import browser from 'webextension-polyfill';

export default browser;
export type { Runtime, Tabs } from 'webextension-polyfill';
