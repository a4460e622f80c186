// How many cases each property tries: 10^4 in `npm test`, 10^5 with `npm run fuzz`
// (VANBAN_FUZZ_RUNS). A failing case prints its seed and path, so it can be replayed.

export const RUNS = Number(process.env.VANBAN_FUZZ_RUNS ?? 10_000);
/** The whole build renders a DOCX and a PDF for the cases that compose: a twentieth of RUNS. */
export const BUILD_RUNS = Math.max(20, Math.round(RUNS / 20));
export const TIMEOUT = 30 * 60_000;
