// Svelte 5 compiles TypeScript natively: no preprocessor needed.
export default {};
