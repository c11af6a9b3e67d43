// How the app shows what went wrong: a mutation's user errors next to the field they name, the service's
// top-level errors (NOT_FOUND, FORBIDDEN, RATE_LIMITED with its wait) and a refused token (HTTP 401) as one sentence.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

import type { UserErrorCode } from './gql/graphql';

/** A payload's `userErrors`, as every mutation of the app selects them. */
export type UserErrors = ReadonlyArray<{ field?: ReadonlyArray<string> | null; message: string; code: UserErrorCode }>;

/** The user errors about `field` (a path such as `input.name`, or `input.emails` for every address of a list). */
export function errorsAt(errors: UserErrors | undefined, field: string) {
  return (errors ?? []).filter((error) => (error.field ?? []).join('.').startsWith(field));
}

/** The user errors about none of `fields`: shown at the form's level. */
export function otherErrors(errors: UserErrors | undefined, fields: string[]) {
  return (errors ?? []).filter((error) => !fields.some((field) => (error.field ?? []).join('.').startsWith(field)));
}

/**
 * The messages under a field, tied to it by `aria-describedby={id}` on the field; announced when they appear.
 * @param describe turns an error into its sentence, e.g. to name the address at an index of `input.emails`
 */
export function FieldErrors({ id, errors, describe }: { id: string; errors: UserErrors; describe?: (error: UserErrors[number]) => string }) {
  if (errors.length === 0) {
    return null;
  }
  return (
    // the alert around the list: a list given the role alert would lose its items' list semantics
    <div id={id} className="field-errors" role="alert">
      <ul>
        {errors.map((error, index) => (
          <li key={index}>{describe ? describe(error) : error.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** One sentence for an error of the request as a whole (the service's `extensions.classification`). */
export function describeError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const classification = first?.extensions?.classification;
    if (classification === 'NOT_FOUND') {
      return 'It does not exist, or you are no longer a member.';
    }
    if (classification === 'FORBIDDEN') {
      return 'You may not do this here.';
    }
    if (classification === 'RATE_LIMITED') {
      const seconds = Number(first?.extensions?.retryAfterSeconds ?? 0);
      return `Too many requests: try again in ${seconds > 60 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`}.`;
    }
    return first?.message ?? 'The service refused the request.';
  }
  if (ServerError.is(error) && error.statusCode === 401) {
    // the SDK renews an expired token before sending it: a token refused now was revoked, or the session ended
    return 'Your sign-in is no longer valid: sign out and sign in again.';
  }
  return error instanceof Error ? error.message : String(error);
}

/** The classification of a request's first error, e.g. `NOT_FOUND`; undefined for another failure. */
export function classificationOf(error: unknown): string | undefined {
  return CombinedGraphQLErrors.is(error) ? (error.errors[0]?.extensions?.classification as string | undefined) : undefined;
}

export function ErrorMessage({ error }: { error: unknown }) {
  return error ? <p role="alert" className="error">{describeError(error)}</p> : null;
}
