import type { Rule } from 'antd/es/form';

/** The form rules of a title field: required, not blank, at most `max` characters (article, track and video forms). */
export function titleRules(max: number): Rule[] {
  return [
    { required: true, whitespace: true, message: '请填写标题' },
    { max, message: `标题不超过${max}字` },
  ];
}
