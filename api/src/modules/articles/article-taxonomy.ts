// The fixed vocabularies of the content contract. Order matters: clients show categories in this order.

export const ARTICLE_CATEGORIES = [
  '情绪与压力', '焦虑', '抑郁', '睡眠', '人际关系', '亲子与家庭', '青少年与学生', '老年', '职场', '孕产与女性', '危机与求助', '心理健康素养',
] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];

export const ARTICLE_AUDIENCES = [
  '儿童', '青少年', '大学生', '家长', '职场人群', '孕产期女性', '老年人', '残疾人', '特殊困难家庭', '全体居民',
] as const;
export type ArticleAudience = (typeof ARTICLE_AUDIENCES)[number];

export const ARTICLE_STATES = ['draft', 'in_review', 'published', 'archived'] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;

/** Shown as the reviewer of the seed library, which the editorial team reviewed before it was committed. */
export const SYSTEM_REVIEWER_NAME = '心安驿站编辑部';
