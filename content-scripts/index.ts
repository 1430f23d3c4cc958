/**
 * Content script entry. Runs on *.gov.cn pages by itself, and anywhere else when the user asks
 * from the popup or the context menu (activeTab + scripting). See lifecycle.ts; teardown.ts says
 * when its life ends.
 */
import { init } from './lifecycle.js';
import { teardownWhen } from './teardown.js';

const life = new AbortController();
if (init(life.signal)) teardownWhen(life);
