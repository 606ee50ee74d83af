// Reads a test runner's own summary out of its output, for the closing table of `npm test`.
// Colours are stripped first: Jest and Schemathesis colour their summaries when they think a terminal is attached.
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** Jest: "Tests:       1 failed, 2 skipped, 15 passed, 18 total" (the last such line wins). */
function jest(text) {
  const lines = [...text.matchAll(/^Tests:\s+(.*\btotal)\s*$/gm)];
  if (!lines.length) return null;
  const line = lines.at(-1)[1];
  const n = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(line)?.[1] ?? 0);
  return { passed: n('passed'), failed: n('failed'), total: n('total') };
}

/** Schemathesis 4: "Test cases:\n  1737 generated, 1737 passed, 8 skipped" (failures add "N failed"). */
function schemathesis(text) {
  const m = /Test cases:\s*\n\s*(.*generated.*)$/m.exec(text);
  if (!m) return null;
  const n = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(m[1])?.[1] ?? 0);
  const passed = n('passed');
  const failed = n('failed');
  return { passed, failed, total: passed + failed };
}

export function countTests(kind, output) {
  const text = output.replace(ANSI, '').replace(/\r/g, '');
  return kind === 'jest' ? jest(text) : schemathesis(text);
}
