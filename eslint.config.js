// @ts-check
import tseslint from 'typescript-eslint';

const ENGINE = ['src/model/**', 'src/contract/**', 'src/recognise/**', 'src/rules/**', 'src/engine/**', 'src/pipeline/**', 'src/i18n/**', 'src/narrative/**', 'src/review/**', 'src/export/**'];

/** Markup from strings and code from strings are forbidden everywhere the extension runs. */
const unsafeSyntax = [
  { selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML|srcdoc)$/]', message: 'Set text with textContent or build nodes; page text is data, never markup.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build nodes instead of parsing HTML strings.' },
  { selector: "CallExpression[callee.property.name=/^(write|writeln)$/][callee.object.name='document']", message: 'document.write parses markup.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Page text is rendered as text in the popup.' },
  { selector: "CallExpression[callee.name='parseFloat']", message: 'Money never becomes a JavaScript number: parse with src/model/number.ts.' },
  {
    selector: 'CallExpression[callee.name=/^(setTimeout|setInterval)$/][arguments.0.type=/^(Literal|TemplateLiteral|BinaryExpression)$/]',
    message: 'Pass a function to timers, never code as a string.',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(setTimeout|setInterval)$/][arguments.0.type=/^(Literal|TemplateLiteral|BinaryExpression)$/]',
    message: 'Pass a function to timers, never code as a string.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'artifacts/**', 'coverage/**', 'public/**', '.scratch/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // one import per module: what a file takes from another is read in one place
      'no-duplicate-imports': 'error',
      'no-restricted-syntax': ['error', ...unsafeSyntax],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { paths: [{ name: 'webextension-polyfill', message: 'Import browser from src/platform/browser.ts (the only module that imports the polyfill).' }] }],
    },
  },
  {
    files: ['src/platform/browser.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // the engine never sees a page or an extension API
    files: ENGINE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'webextension-polyfill', message: 'The engine does not talk to the browser.' }],
          patterns: [
            { group: ['**/extract/**', '**/extract/*', '../extract/*'], message: 'The engine does not read the DOM: extract produces a ReportDocument that the engine takes.' },
            { group: ['**/platform/*', '**/messages/*', '**/background/*', '**/cli/*', '**/content-scripts/*', '**/popup/*'], message: 'The engine does not know about the extension or the CLI.' },
            { group: ['node:*', 'jsdom'], message: 'The engine runs in the browser too: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['content-scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'webextension-polyfill', message: 'The content script uses src/platform/page-api.ts.' }],
          patterns: [
            { group: ['**/popup/*', '../popup/*'], message: 'The content script reaches the popup only through src/messages.' },
            {
              group: ['**/platform/browser', '**/platform/browser.js', '**/messages/send', '**/messages/send.js'],
              message: 'The content script runs on every page: it uses src/platform/page-api.ts, not the polyfill.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['popup/**', 'options/**', 'onboarding/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'webextension-polyfill', message: 'Use src/platform/browser.ts.' }],
          patterns: [{ group: ['**/content-scripts/*', '../content-scripts/*', '**/extract/*', '**/cli/*'], message: 'The popup reaches the page only through src/messages.' }],
        },
      ],
    },
  },
  {
    // tests build fixture markup and read raw numbers
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'scripts/**'],
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
