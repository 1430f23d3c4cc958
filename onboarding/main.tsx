import { render } from 'preact';
import { Onboarding } from './Onboarding.js';

const root = document.getElementById('app');
if (root) render(<Onboarding />, root);
