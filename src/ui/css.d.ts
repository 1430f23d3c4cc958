/** Stylesheets imported by components: Vite injects them into the page that uses them. */
declare module '*.css';
