import { articleStateBadge, isEditable, readOnlyReason, staffLabel, stateNotice, versionActionLabel } from './article-state';

const now = new Date('2026-05-01T08:00:00Z');

describe('articleStateBadge', () => {
  test.each([
    ['draft', null, '草稿'],
    ['in_review', null, '待审核'],
    ['published', null, '已发布'],
    ['archived', null, '已归档'],
    ['published', '2026-05-01T07:59:59Z', '已发布'],
    ['published', '2026-05-01T08:00:01Z', '定时发布'],
    // A future publishAt on a returned draft is not a schedule.
    ['draft', '2026-06-01T00:00:00Z', '草稿'],
  ] as const)('%s with publishAt %s reads %s', (state, publishAt, label) => {
    expect(articleStateBadge({ state, publishAt }, now).label).toBe(label);
  });

  test('a scheduled article has its own key and colour, so the list can tell it from a live one', () => {
    const badge = articleStateBadge({ state: 'published', publishAt: '2026-05-02T00:00:00Z' }, now);
    expect(badge).toEqual({ key: 'scheduled', label: '定时发布', color: 'blue' });
    expect(articleStateBadge({ state: 'published', publishAt: null }, now).color).toBe('green');
  });
});

describe('editability', () => {
  test('drafts and archived articles are editable; in review and published explain what to do instead', () => {
    expect(isEditable('draft')).toBe(true);
    expect(isEditable('archived')).toBe(true);
    expect(readOnlyReason('draft')).toBeNull();
    expect(readOnlyReason('archived')).toBeNull();
    for (const state of ['in_review', 'published'] as const) {
      expect(isEditable(state)).toBe(false);
      expect(readOnlyReason(state)).toContain('归档');
    }
  });

  test('an archived article warns that saving makes it a draft that needs review again', () => {
    expect(stateNotice('archived')).toContain('草稿');
    expect(stateNotice('draft')).toBeNull();
  });
});

describe('labels', () => {
  test('version actions read in Chinese; an unknown action is shown as it came', () => {
    expect(versionActionLabel('return')).toBe('退回修改');
    expect(versionActionLabel(undefined)).toBe('保存');
    expect(versionActionLabel('something-new')).toBe('something-new');
  });

  test('a bare staff id is not shown to people; names and the seed marker are', () => {
    expect(staffLabel('65ab12cd34ef56ab78cd90ef')).toBe('工作人员');
    expect(staffLabel('seed')).toBe('初始导入');
    expect(staffLabel('演示编辑')).toBe('演示编辑');
    expect(staffLabel(null)).toBe('—');
  });
});
