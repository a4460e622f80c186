// A copy of a string that does not keep the string it was cut from alive. V8 represents a substring
// of 13 characters or more as a view into its parent, so a process-wide cache keyed by a paragraph or
// a word cut from a 45 KB source held the whole source of every document of a batch (hundreds of MB
// over 1,000 plans). Concatenating flattens into a fresh string; slicing off the added character
// leaves a view into that fresh copy only.
export const detach = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));
