import type { components } from '../../api/schema';

type Refusal = components['schemas']['Refusal'];

/**
 * Why no instalment plan can be offered, in the UI's language: the text of the refusal's rule (`plan.nothingOverdue`,
 * …, from `t.rules`), else — a rule the UI does not know yet — the API's own message. The API's message is English
 * and is never put beside a known rule's text: a bokmål screen says it in bokmål.
 */
export function refusalText(rules: Record<string, string>, refusal: Refusal): string {
  return (refusal.rule ? rules[refusal.rule] : undefined) ?? refusal.reason ?? refusal.rule ?? '';
}
