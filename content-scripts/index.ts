/**
 * Content script entry. Runs on *.gov.cn pages by itself, and anywhere else when the user asks
 * from the popup (activeTab + scripting). See lifecycle.ts.
 */
import { init } from './lifecycle.js';

init(new AbortController().signal);
