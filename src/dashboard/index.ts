/**
 * The staff dashboard, framework-free: server-rendered pages and POST actions over a kit. The
 * Express and Koa adapters (`midtransDashboard`, `midtransKoaDashboard`) only translate requests.
 * @packageDocumentation
 */
export { CSRF_COOKIE, CSRF_FIELD } from './csrf.js';
export { formatIdr } from './format.js';
export { createDashboardHandler, type DashboardHandler } from './handler.js';
export { escapeHtml, html, SafeHtml, unsafeRaw } from './html.js';
export {
  DASHBOARD_ACTIONS,
  type DashboardAction,
  type DashboardAuthorizeContext,
  type DashboardOptions,
  type DashboardRequest,
  type DashboardResponse,
} from './types.js';
