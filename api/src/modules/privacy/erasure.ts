// Account deletion as an ordered list of steps, each owned by the module that holds the data. The order is the
// safety argument:
//   - the waitlist goes first, so seats freed by the cancellations below never call the leaving resident;
//   - bookings and activity registrations are cancelled through their services (seats free at once, stations see
//     cancelled_by_resident) and then anonymized;
//   - messages and consents come after everything that could still write one;
//   - the profile goes last: while it exists the resident can sign in and run the deletion again.
// Every step is idempotent (delete, or overwrite found by the resident id), so after a failure half-way a second
// run finishes the job.

export type StepResult = number | Record<string, number> | void;

export interface ErasureStep {
  /** Short English name; also the key (or key prefix) of the step's counts in the report. */
  name: string;
  run(residentId: string): Promise<StepResult>;
}

export type ErasureReport = Record<string, number>;

export class ErasureStepFailed extends Error {
  constructor(readonly step: string, readonly failure: unknown) {
    super(`account deletion stopped at step ${step}`);
  }
}

/** The counts a step returned, flattened into the report: `bookings` + `{cancelled: 1}` → `bookingsCancelled: 1`. */
export function addToReport(report: ErasureReport, step: string, result: StepResult): void {
  if (typeof result === 'number') {
    report[step] = (report[step] ?? 0) + result;
    return;
  }
  for (const [key, value] of Object.entries(result ?? {})) {
    const name = step + key.charAt(0).toUpperCase() + key.slice(1);
    report[name] = (report[name] ?? 0) + value;
  }
}

/** Runs the steps in order and stops at the first failure (nothing after it runs, so the profile stays). */
export async function runErasure(steps: readonly ErasureStep[], residentId: string): Promise<ErasureReport> {
  const report: ErasureReport = {};
  for (const step of steps) {
    let result: StepResult;
    try {
      result = await step.run(residentId);
    } catch (e) {
      throw new ErasureStepFailed(step.name, e);
    }
    addToReport(report, step.name, result);
  }
  return report;
}
