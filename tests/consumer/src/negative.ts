// What must not compile. Each line after a @ts-expect-error is an error, or tsc fails with
// "Unused '@ts-expect-error' directive": the types catch these typos before a user does.
import * as sv from 'skjemavakt';
import type { DiagnosticCode, FindingCode, HbExceptionSingleDraft, Part1, TilgangDel2, TilgangDel2Draft } from 'skjemavakt';
import { attach } from 'skjemavakt/guard';

declare const form: HTMLFormElement;

// A misspelt field of a part 2.
// @ts-expect-error birth_yeer is not a field of a part 2
sv.validate({ form: 'tilgang-del2', patient: { birth_yeer: 1974 } });
// @ts-expect-error patient_name is not a field of a part 2 (it belongs in part 1)
export const stray: TilgangDel2Draft = { form: 'tilgang-del2', patient_name: 'Kari' };
// A wrong enumeration value.
// @ts-expect-error 'K' is not a legal sex ('female' | 'male')
export const sex: TilgangDel2Draft = { form: 'tilgang-del2', patient: { legal_sex: 'K' } };
// @ts-expect-error 'kurativ' is the label; the value is 'curative'
sv.validate({ form: 'tilgang-del2', treatment: { goal: 'kurativ' } });
// @ts-expect-error 'tried it' is not a status of established treatment
export const status: HbExceptionSingleDraft = { form: 'hb-exception-single', established_treatment: { status: 'tried it' } };
// A misspelt option, a wrong stage, a wrong kind.
// @ts-expect-error stgae is not an option
sv.validate({ form: 'tilgang-del2' }, { stgae: 'approval' });
// @ts-expect-error 'final' is not a stage
sv.fields('tilgang-del2', { stage: 'final' });
// @ts-expect-error 'tilgang-del3' is not a form kind
sv.schema('tilgang-del3');
// @ts-expect-error kidn is not an option of the guard
attach(form, { kidn: 'tilgang-del2' });
// @ts-expect-error onSeal is not an option of the guard (onSealed is)
attach(form, { kind: 'tilgang-del2', onSeal: () => {} });
// A complete part 2 misses nothing.
// @ts-expect-error a part 2 at submission has its approvals
export const incomplete: TilgangDel2 = { form: 'tilgang-del2', reference: '2025-05-12-HBE-ONK' };
// Part 1 is not part 2.
// @ts-expect-error part 1 has no treatment
export const p1: Part1 = { treatment: { drug: 'x' } };
// redact is typed by its input: a text gives a text, a document a document.
// @ts-expect-error the redaction of a text is not a document
export const notDoc: TilgangDel2Draft | null = sv.redact('Ring 912 34 567').redacted;
// @ts-expect-error the redaction of a document is not a text
export const notText: string | null = sv.redact({ form: 'tilgang-del2' }).redacted;
// Codes are unions of the catalogue's codes.
// @ts-expect-error form.requried is not a code
export const code: DiagnosticCode = 'form.requried';
// @ts-expect-error privacy.name is a finding code, form.required is not
export const finding: FindingCode = 'form.required';
