/*
 * The outcome of checking a query fragment a user typed (a LogQL pipeline, a TraceQL condition):
 * the full query it makes once combined with the entity's scope, or the first problem with its
 * position in the fragment as typed. The Logs and Traces tabs show the problem under the input;
 * the backend answers it as a 400.
 */
/** Whether a fragment is acceptable; where and why not. @public */
export type QueryValidation =
  | { valid: true }
  | {
      valid: false;
      /** 0-based offset of the problem in the fragment as typed. */
      position: number;
      message: string;
    };

/** A fragment combined with the entity's scope: the query to send, or the problem. @public */
export type ComposedQuery =
  | { valid: true; query: string }
  | { valid: false; position: number; message: string };
