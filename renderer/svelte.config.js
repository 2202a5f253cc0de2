// Svelte options for the renderer build (vite-plugin-svelte reads this from the Vite root).
/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  compilerOptions: {
    // Every component uses runes; this makes a stray Svelte 4 pattern a compile error.
    runes: true,
  },
};
