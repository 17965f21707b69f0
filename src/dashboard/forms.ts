/**
 * Action forms. Every action is a POST carrying the CSRF token and where to come back to; a
 * destructive one also needs its confirmation box ticked, which the browser enforces (`required`)
 * and the server checks again, so confirming works with JavaScript off.
 */
import type { PageContext } from './context.js';
import { html, type SafeHtml } from './html.js';
import type { DashboardAction } from './types.js';

/** One action form. */
export interface ActionFormSpec {
  /** The permission that shows the form. */
  action: DashboardAction;
  /** Path of the POST, relative to the mount (already URL-encoded). */
  path: string;
  /** Button label. */
  label: string;
  /** Confirmation text; absent for actions that change nothing at Midtrans (check status). */
  confirm?: string;
  /** Extra inputs. */
  fields?: SafeHtml;
  /** Red button. */
  danger?: boolean;
}

/** The form, or nothing when the user may not use the action. */
export function actionForm(ctx: PageContext, spec: ActionFormSpec): SafeHtml {
  if (!ctx.can(spec.action)) return html``;
  return html`<form method="post" action="${ctx.base}${spec.path}" class="action">
<input type="hidden" name="_csrf" value="${ctx.csrfToken}">
<input type="hidden" name="back" value="${ctx.here}">
${spec.fields ?? ''}
${spec.confirm ? html`<label class="check"><input type="checkbox" name="confirm" value="yes" required> ${spec.confirm}</label>` : ''}
<button type="submit"${spec.danger ? html` class="danger"` : ''}>${spec.label}</button>
</form>`;
}

/** A labelled text input. */
export function input(
  name: string,
  label: string,
  options: { value?: string | undefined; type?: string; required?: boolean; placeholder?: string } = {},
): SafeHtml {
  return html`<label>${label}<input name="${name}" type="${options.type ?? 'text'}" value="${options.value ?? ''}"${options.required ? html` required` : ''}${options.placeholder ? html` placeholder="${options.placeholder}"` : ''}></label>`;
}

/** A labelled select; the empty first option means "any". */
export function select(
  name: string,
  label: string,
  choices: readonly string[],
  selected: string | undefined,
  anyLabel = 'any',
): SafeHtml {
  const options = choices.map(
    (choice) =>
      html`<option value="${choice}"${choice === selected ? html` selected` : ''}>${choice}</option>`,
  );
  return html`<label>${label}<select name="${name}"><option value="">${anyLabel}</option>${options}</select></label>`;
}
