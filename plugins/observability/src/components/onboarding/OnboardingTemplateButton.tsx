/*
 * A button opening Lookout's onboarding template (examples/templates/add-observability) with the
 * entity filled in: "Add observability" on an entity without annotations, "Fix with the
 * template" on one with problems. Renders nothing when the app has no scaffolder.
 */
import { LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { scaffolderTemplateRouteRef } from '../../routes';

/** The template the buttons open (`metadata.name` of template.yaml, in the default namespace). */
export const ONBOARDING_TEMPLATE = {
  namespace: 'default',
  templateName: 'add-observability',
};

/** Props of {@link OnboardingTemplateButton}. */
export interface OnboardingTemplateButtonProps {
  /** The entity the template edits, e.g. `component:default/checkout`. */
  entityRef: string;
  children: string;
}

/** A link to the template's form, its `entityRef` field filled in. */
export function OnboardingTemplateButton(props: OnboardingTemplateButtonProps) {
  const templateRoute = useRouteRef(scaffolderTemplateRouteRef);
  if (!templateRoute) {
    return null;
  }
  const formData = encodeURIComponent(
    JSON.stringify({ entityRef: props.entityRef }),
  );
  return (
    <LinkButton
      to={`${templateRoute(ONBOARDING_TEMPLATE)}?formData=${formData}`}
      variant="outlined"
      color="primary"
    >
      {props.children}
    </LinkButton>
  );
}
