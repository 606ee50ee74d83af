// How an article's editorial state reads in the UI. Pure.
import type { ArticleState } from '../../../services/content';

export const ARTICLE_STATE_LABELS: Record<ArticleState, string> = {
  draft: '草稿',
  in_review: '待审核',
  published: '已发布',
  archived: '已归档',
};

/** antd Tag colours: grey while it is the editor's, gold while it waits on a reviewer, green once public. */
export const ARTICLE_STATE_COLORS: Record<ArticleState, string> = {
  draft: 'default',
  in_review: 'gold',
  published: 'green',
  archived: 'default',
};

export interface StateBadge {
  /** 'scheduled' is published with a publishAt still ahead: approved, but not public yet. */
  key: ArticleState | 'scheduled';
  label: string;
  color: string;
}

/** The badge for a row or an article; `now` is passed in so the test decides what "future" is. */
export function articleStateBadge(
  article: { state: ArticleState; publishAt: string | null },
  now: Date,
): StateBadge {
  if (article.state === 'published' && article.publishAt && Date.parse(article.publishAt) > now.getTime()) {
    return { key: 'scheduled', label: '定时发布', color: 'blue' };
  }
  return { key: article.state, label: ARTICLE_STATE_LABELS[article.state], color: ARTICLE_STATE_COLORS[article.state] };
}

/**
 * Drafts and archived articles can be changed (saving an archived one makes it a draft again, as the API does);
 * in review and published go through the workflow first (return, or archive to take it down).
 */
export function isEditable(state: ArticleState): boolean {
  return state === 'draft' || state === 'archived';
}

/** Why the editor is read-only, in words the editor can act on; null when it is editable. */
export function readOnlyReason(state: ArticleState): string | null {
  switch (state) {
    case 'draft':
    case 'archived':
      return null;
    case 'in_review':
      return '这篇文章正在等待审核，暂时不能修改。审核员退回后就可以继续编辑；如果急需修改，可以先归档再编辑。';
    case 'published':
      return '这篇文章已经发布，不能直接修改。如需改动，请先归档（读者会暂时看不到它），修改后重新提交审核。';
  }
}

/** What the editor should know about an editable state, or null. */
export function stateNotice(state: ArticleState): string | null {
  return state === 'archived' ? '这篇文章已归档，读者看不到它。修改并保存后会变成草稿，需要重新提交审核才会再发布。' : null;
}

/** Restoring a version needs the same freedom as editing. */
export const canRestoreVersion = isEditable;

export const VERSION_ACTION_LABELS: Readonly<Record<string, string>> = {
  create: '创建',
  edit: '保存',
  submit: '提交审核',
  approve: '审核通过',
  return: '退回修改',
  archive: '归档',
  restore: '恢复版本',
  seed: '初始导入',
};

export function versionActionLabel(action: string | undefined): string {
  if (!action) return '保存';
  return VERSION_ACTION_LABELS[action] ?? action;
}

const OBJECT_ID = /^[a-f0-9]{24}$/;

/** The API may give a display name, the seed marker or a bare staff id; a bare id means nothing to a person. */
export function staffLabel(value: string | null | undefined): string {
  if (!value) return '—';
  if (value === 'seed') return '初始导入';
  if (OBJECT_ID.test(value)) return '工作人员';
  return value;
}
