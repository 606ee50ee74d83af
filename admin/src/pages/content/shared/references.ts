// The references list of an article: what the editor typed → what the API accepts. Pure.
import type { ArticleReference } from '../../../services/content';

export const REFERENCE_TEXT_MAX = 500;
export const REFERENCE_URL_MAX = 500;
export const REFERENCES_MAX = 30;

/** Same rule as the API: a web address, nothing that could run script or point at a file. */
const WEB_URL = /^https?:\/\/[^\s<>"']+$/i;

export interface ReferenceDraft {
  text?: string | null;
  url?: string | null;
}

/** The problem with one row's text, or null. An empty row (no text, no url) is fine: it is dropped on save. */
export function referenceTextProblem(row: ReferenceDraft | undefined): string | null {
  const text = (row?.text ?? '').trim();
  const url = (row?.url ?? '').trim();
  if (!text && url) return '请填写文献名称（作者、标题、年份）';
  if (text.length > REFERENCE_TEXT_MAX) return `文献名称不超过${REFERENCE_TEXT_MAX}字`;
  return null;
}

export function referenceUrlProblem(url: string | null | undefined): string | null {
  const value = (url ?? '').trim();
  if (!value) return null;
  if (value.length > REFERENCE_URL_MAX) return `链接不超过${REFERENCE_URL_MAX}个字符`;
  if (!WEB_URL.test(value)) return '链接需以 http:// 或 https:// 开头';
  return null;
}

/** Every problem in the list, by row index (for a summary above the save button). */
export function referenceProblems(rows: readonly (ReferenceDraft | undefined)[]): string[] {
  const problems: string[] = [];
  const kept = rows.filter((row) => (row?.text ?? '').trim() || (row?.url ?? '').trim());
  if (kept.length > REFERENCES_MAX) problems.push(`参考资料最多${REFERENCES_MAX}条`);
  rows.forEach((row, i) => {
    const problem = referenceTextProblem(row) ?? referenceUrlProblem(row?.url);
    if (problem) problems.push(`第${i + 1}条：${problem}`);
  });
  return problems;
}

/** Trimmed rows, empty rows dropped, an empty url sent as null. */
export function normalizeReferences(rows: readonly (ReferenceDraft | undefined)[] | undefined): ArticleReference[] {
  return (rows ?? [])
    .map((row) => ({ text: (row?.text ?? '').trim(), url: (row?.url ?? '').trim() || null }))
    .filter((row) => row.text || row.url);
}
