import { render } from 'preact';
import { Viewer } from './Viewer.js';

const root = document.getElementById('app');
if (root) render(<Viewer />, root);
