/** Vite's `?url` imports: the asset's URL in the built extension. */
declare module '*?url' {
  const url: string;
  export default url;
}
