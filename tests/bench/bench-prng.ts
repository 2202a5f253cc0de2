// A tiny seeded PRNG for the generated detection suite: the same seed gives the same series on every
// machine, so the figures in BENCHMARKS.md can be reproduced exactly.

/** mulberry32: 32-bit state, good enough for noise (not for cryptography). Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller), from a uniform source. */
export function normal(random: () => number): number {
  // 1 - u keeps the log argument in (0, 1], so it never returns -Infinity.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A log-normal draw with the given mean and coefficient of variation. Run times and memory are
 * positive and right-skewed, which a log-normal models better than a symmetric normal.
 */
export function logNormal(random: () => number, mean: number, cv: number): number {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  return Math.exp(mu + sigma * normal(random));
}
