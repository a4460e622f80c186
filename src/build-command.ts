// What `vanban build` asks of a build beyond its paths and flags, in a module of its own so the command
// line can use it without loading the build at start-up; the bench's 63-plan build asks the same.

import type { BuildOptions } from './build.ts';

export const COMMAND_BUILD = { keepBytes: false, ownProcess: true } as const satisfies Partial<BuildOptions>;
