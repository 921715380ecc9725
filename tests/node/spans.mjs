// Finds every span of an analysis, whatever field it sits in: any object with a string
// `text` and numeric `start`/`end` (so a field added to the contract is checked too).

/** Yields `[path, span]` for every span in `value`. */
export function* everySpan(value, path = "analysis") {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* everySpan(item, `${path}[${i}]`);
  } else if (value !== null && typeof value === "object") {
    if (typeof value.text === "string" && typeof value.start === "number" && typeof value.end === "number") {
      yield [path, value];
    }
    for (const [key, item] of Object.entries(value)) yield* everySpan(item, `${path}.${key}`);
  }
}

/** Slices `text` in the analysis's own offset unit. */
export function sliceIn(unit, text, start, end) {
  switch (unit) {
    case "utf16":
      return text.slice(start, end);
    case "utf8":
      return Buffer.from(text, "utf8").subarray(start, end).toString("utf8");
    case "chars":
      return Array.from(text).slice(start, end).join("");
    default:
      throw new Error(`unknown offset unit ${unit}`);
  }
}

/** The spans of `analysis` that do not slice `text` to their own text (empty when all do). */
export function misalignedSpans(analysis, text) {
  const bad = [];
  for (const [path, span] of everySpan(analysis)) {
    const sliced = sliceIn(analysis.offsets, text, span.start, span.end);
    if (!(span.start <= span.end) || sliced !== span.text) {
      bad.push(`${path} [${span.start}, ${span.end}): ${JSON.stringify(span.text)} but the input has ${JSON.stringify(sliced)}`);
    }
  }
  return bad;
}
