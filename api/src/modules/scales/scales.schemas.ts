import { z } from 'zod';
import { objectId } from '../../http/schema-helpers';
import { AUDIENCE_TAGS, SCALE_TOPICS } from './scale-definition.schema';

export const scaleCodeParams = z.object({ code: z.string().regex(/^[a-z][a-z0-9]{1,15}$/, '量表代码格式不正确') });

export const scaleListQuery = z.object({
  audience: z.enum(AUDIENCE_TAGS).optional(),
});

export const scaleSummary = z.object({
  code: z.string(),
  abbreviation: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  purpose: z.string(),
  audience: z.object({ zh: z.string(), tags: z.array(z.string()) }),
  topic: z.enum(SCALE_TOPICS),
  minutes: z.number(),
  itemCount: z.number().int(),
});

export const scaleList = z.object({ items: z.array(scaleSummary), total: z.number().int() });

// Answers are checked item by item by the scoring engine, so its message can name the item (第3题…); the
// document still tells clients what is valid: non-negative integers, one per item.
export const answersSchema = z.array(z.unknown()).max(200).meta({ items: { type: 'integer', minimum: 0 }, minItems: 1 });

export const assessmentBody = z.object({
  answers: answersSchema,
  regionStationId: objectId('地区编号格式不正确').optional(),
});

const hotline = z.object({ key: z.string(), name: z.string(), phone: z.string(), note: z.string() });
const bandView = z.object({ key: z.string(), label: z.string(), advice: z.string(), urgent: z.boolean() });

export const assessmentResult = z.object({
  code: z.string(),
  version: z.string(),
  total: z.number(),
  scoreLabel: z.string(),
  band: bandView.nullable(),
  subscales: z.array(z.object({ key: z.string(), title: z.string(), total: z.number(), band: bandView.nullable() })),
  urgent: z.boolean().describe('A band recommends seeing a professional soon (with a booking shortcut)'),
  crisis: z.boolean().describe('A critical item was answered: show crisis help first'),
  next: z.array(z.object({ kind: z.string(), topic: z.string() })),
  hotlines: z.array(hotline).optional().describe('Present exactly when crisis is true'),
  disclaimer: z.string(),
});
