/*
 * Which receiver an alert reaches through a route tree, as Alertmanager decides it: from the
 * root, the first child whose matchers all hold is followed (Lookout's routes never `continue`),
 * and the deepest matching route's receiver takes the alert.
 */
import { AlertRoute, RouteMatcher } from './routeTree';

function holds(matcher: RouteMatcher, labels: Record<string, string>): boolean {
  const value = labels[matcher.name] ?? '';
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    default:
      return new RegExp(`^(?:${matcher.value})$`).test(value);
  }
}

/** The route an alert with `labels` ends at, and its receiver. @public */
export function routeAlert(
  root: AlertRoute,
  labels: Record<string, string>,
): AlertRoute {
  for (const child of root.routes) {
    if (child.matchers.every(m => holds(m, labels))) {
      return routeAlert(child, labels);
    }
  }
  return root;
}
