/*
 * Parses a Kubernetes label selector string (`backstage.io/kubernetes-label-selector`, the same
 * syntax as `kubectl -l`) into the structured `LabelSelector` of ServiceMonitor and PodMonitor.
 */

/** A requirement of a structured label selector. @public */
export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

/** The structured form of a Kubernetes label selector. @public */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

const NAME = '([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)';
const LABEL_KEY = new RegExp(
  `^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?${NAME}$`,
);
const LABEL_VALUE = new RegExp(`^(${NAME})?$`);

function checkKey(key: string): void {
  if (!LABEL_KEY.test(key) || key.length > 253 + 1 + 63) {
    throw new Error(`"${key}" is not a valid label key`);
  }
}

function checkValue(key: string, value: string): void {
  if (!LABEL_VALUE.test(value)) {
    throw new Error(`"${value}" is not a valid value of label "${key}"`);
  }
}

/** Splits at commas that are not inside a parenthesised value set. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (depth < 0) {
      throw new Error('unbalanced ")"');
    }
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (depth !== 0) {
    throw new Error('unbalanced "("');
  }
  parts.push(current.trim());
  return parts;
}

/**
 * Parses `app=checkout,tier in (web,api),!canary` forms: `=`/`==` become `matchLabels`; `!=`,
 * `in`, `notin`, `key` and `!key` become `matchExpressions` (in the order written). Throws an
 * error describing the first invalid requirement.
 *
 * @public
 */
export function parseLabelSelector(selector: string): LabelSelector {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  const requirements = splitRequirements(selector);
  if (requirements.length === 1 && requirements[0] === '') {
    throw new Error('the selector is empty');
  }
  for (const requirement of requirements) {
    if (requirement === '') {
      throw new Error('empty requirement between commas');
    }
    const set = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(requirement);
    if (set) {
      const [, key, op, list] = set;
      checkKey(key);
      const values = list.split(',').map(v => v.trim());
      if (values.length === 1 && values[0] === '') {
        throw new Error(`"${requirement}" has an empty value set`);
      }
      values.forEach(v => checkValue(key, v));
      matchExpressions.push({
        key,
        operator: op === 'in' ? 'In' : 'NotIn',
        values,
      });
      continue;
    }
    const equality = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(requirement);
    if (equality) {
      const [, key, op, value] = equality;
      checkKey(key);
      checkValue(key, value);
      if (op === '!=') {
        matchExpressions.push({ key, operator: 'NotIn', values: [value] });
      } else if (key in matchLabels && matchLabels[key] !== value) {
        throw new Error(`label "${key}" is required to equal two values`);
      } else {
        matchLabels[key] = value;
      }
      continue;
    }
    const existence = /^(!?)\s*([^=!\s()]+)$/.exec(requirement);
    if (existence) {
      const [, not, key] = existence;
      checkKey(key);
      matchExpressions.push({
        key,
        operator: not ? 'DoesNotExist' : 'Exists',
      });
      continue;
    }
    throw new Error(`"${requirement}" is not a label requirement`);
  }
  return {
    ...(Object.keys(matchLabels).length > 0 ? { matchLabels } : {}),
    ...(matchExpressions.length > 0 ? { matchExpressions } : {}),
  };
}
