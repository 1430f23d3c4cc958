/** opencc-js ships its dictionaries as modules of one string ("from to|from to|…"), untyped. */
declare module 'opencc-js/dict/TSCharacters' {
  const dictionary: string;
  export default dictionary;
}
