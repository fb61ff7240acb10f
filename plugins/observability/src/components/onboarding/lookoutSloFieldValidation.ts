/*
 * The SLO field's validation for the scaffolder form: the same problems the field shows as the
 * user types, errors only, so the form does not move on with an objective the catalog would
 * refuse.
 */
import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { observabilityApiRef } from '../../api/ObservabilityApi';
import { sloFieldProblems, SloFieldValue } from './sloFieldProblems';

/** Adds every error of the value to the field. */
export const lookoutSloFieldValidation: CustomFieldValidator<
  SloFieldValue
> = async (value, field, context) => {
  const api = context.apiHolder.get(observabilityApiRef);
  if (!api) {
    return;
  }
  const entityRef = context.formData?.entityRef;
  const problems = await sloFieldProblems(
    api,
    value ?? {},
    typeof entityRef === 'string' ? entityRef : undefined,
  );
  for (const problem of problems) {
    if (problem.severity === 'error') {
      field.addError(problem.message);
    }
  }
};
