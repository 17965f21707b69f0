/** The dashboard suite through the fastify adapter. */
import { dashboardSuite } from './suite.js';

dashboardSuite('fastify');
