import crypto from 'node:crypto';
import { NotFoundError, ValidationError } from '../../http/errors';
import { AssessmentEventModel } from '../assessments/assessment-event.model';
import { isoWeek } from '../assessments/iso-week';
import { StationModel } from '../stations/station.model';
import type { ScaleDefinition } from './scale-definition.schema';
import { scoreAssessment, validateAnswers } from './scoring';
import { isDuplicateKey } from '../../db';

export interface Hotline { key: string; name: string; phone: string; note: string }

export const DISCLAIMER = '自测结果只是筛查参考，不是诊断。如果你感到困扰，或结果让你担心，欢迎联系专业人员聊一聊。';

type AudienceTag = ScaleDefinition['audience']['tags'][number];

export function createScalesService(deps: { library: ReadonlyMap<string, ScaleDefinition>; hotlines: readonly Hotline[]; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const scales = [...deps.library.values()].sort((a, b) => a.code.localeCompare(b.code));

  function find(code: string): ScaleDefinition {
    const def = deps.library.get(code);
    if (!def) throw new NotFoundError('SCALE_NOT_FOUND', '没有找到这个自测量表');
    return def;
  }

  // The public view: everything a client needs to render the test and to detect critical answers offline.
  // Editorial verification notes stay on the server.
  function publicDefinition(def: ScaleDefinition) {
    const { verification: _internal, ...rest } = def;
    return rest;
  }

  return {
    list(audience?: AudienceTag) {
      return scales
        .filter((d) => !audience || d.audience.tags.includes(audience))
        .map((d) => ({
          code: d.code, abbreviation: d.abbreviation, title: d.title, purpose: d.purpose,
          audience: d.audience, topic: d.topic, minutes: d.minutes, itemCount: d.items.length,
        }));
    },

    get(code: string) {
      return publicDefinition(find(code));
    },

    /** Version tag for caching: changes whenever the definition does. */
    etag(code: string): string {
      return crypto.createHash('sha1').update(JSON.stringify(find(code))).digest('base64url');
    },

    /** Validates and scores answers; the result view residents see. Pure apart from the region lookup. */
    async score(code: string, answers: unknown[], regionStationId?: string) {
      const def = find(code);
      const problems = validateAnswers(def, answers);
      if (problems.length) {
        throw new ValidationError(
          problems.map((p) => ({ in: 'body', path: p.item === null ? 'answers' : `answers.${p.item - 1}`, item: p.item, code: p.code, message: p.message })),
          problems[0]!.message,
        );
      }
      if (regionStationId && !(await StationModel.exists({ _id: regionStationId }))) {
        throw new ValidationError([{ in: 'body', path: 'regionStationId', message: '没有找到这个地区' }], '没有找到你选择的地区');
      }
      const result = scoreAssessment(def, answers as number[]);
      const bands = [result.band, ...result.subscales.map((s) => s.band)].filter((b) => b !== null);
      const next = [...new Map(bands.flatMap((b) => b.next).map((n) => [`${n.kind}:${n.topic}`, n])).values()];
      const bandView = (b: typeof result.band) => (b ? { key: b.key, label: b.label, advice: b.advice, urgent: b.urgent } : null);
      return {
        code: def.code,
        version: def.version,
        total: result.total,
        scoreLabel: def.scoreLabel,
        band: bandView(result.band),
        subscales: result.subscales.map((s) => ({ key: s.key, title: s.title, total: s.total, band: bandView(s.band) })),
        urgent: result.urgent,
        crisis: result.crisis,
        next,
        // A crisis answer always brings the hotlines, whatever else happens.
        ...(result.crisis ? { hotlines: [...deps.hotlines] } : {}),
        disclaimer: DISCLAIMER,
      };
    },

    /**
     * Counts a scored submission in the anonymous rollup (scale, band, week, chosen region): nothing personal.
     * With an idempotency key the row's _id comes from it, so a resend is counted once.
     */
    async count(result: { code: string; band: { key: string } | null }, opts: { regionStationId?: string | undefined; idempotencyKey?: string | undefined }) {
      try {
        await AssessmentEventModel.create({
          ...(opts.idempotencyKey ? { _id: `${result.code}:${opts.idempotencyKey}` } : {}),
          scale: result.code, band: result.band?.key ?? 'subscales', week: isoWeek(now()), region: opts.regionStationId ?? null,
        });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e; // a resend of a counted submission
      }
    },

    title(code: string): string {
      return find(code).title.zh;
    },
  };
}

export type ScalesService = ReturnType<typeof createScalesService>;
