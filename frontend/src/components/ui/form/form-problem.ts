import { ApiError, NetworkError, problemSlug } from '@/lib/api/errors';
import type { FieldError } from '@/lib/api/types';

/** What a failed save shows: a summary (kind + the server's detail) and a message per field. */
export type FormProblem = {
  /** `validation-failed`, `already-exists`, `network`, or `other`. */
  kind: 'validation-failed' | 'already-exists' | 'network' | 'other';
  /** The server's detail (in English), when it gave one. */
  detail?: string;
  /** Message per input name (`nameFr`), from the problem's `errors`. */
  fields: Record<string, string>;
};

/**
 * The input a field error is about: the server may name it by its path
 * (`saveTerritory.input.nameFr`, `attractionIds[0]`); the form knows it as `nameFr`, `attractionIds`.
 */
export function inputName(field: string): string {
  const last = field.split('.').pop() ?? field;
  return last.replace(/\[\d+\]$/, '');
}

/** Groups the field errors by input (several messages for one input are joined). */
export function fieldMessages(errors: readonly FieldError[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, message } of errors ?? []) {
    const name = inputName(field);
    out[name] = out[name] ? `${out[name]} ${message}` : message;
  }
  return out;
}

/** Turns the error of a failed save into what the form shows. */
export function toFormProblem(error: unknown): FormProblem {
  if (error instanceof NetworkError) return { kind: 'network', fields: {} };
  if (!(error instanceof ApiError)) return { kind: 'other', fields: {} };
  const slug = problemSlug(error);
  const detail = error.problem.detail || undefined;
  if (slug === 'validation-failed') return { kind: 'validation-failed', detail, fields: fieldMessages(error.problem.errors) };
  if (slug === 'already-exists' || error.status === 409) return { kind: 'already-exists', detail, fields: {} };
  return { kind: 'other', detail, fields: {} };
}
